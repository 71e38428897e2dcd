import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { HolidayRule } from '@laerenett/shared-domain';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';

export enum GatheringAudience {
  STAFF = 'STAFF',
  APPRENTICE = 'APPRENTICE',
  BOTH = 'BOTH',
}

/** A schedule of gatherings: an RRULE over dates, with local times in Europe/Oslo. */
@Entity('gathering_series')
@Index('IDX_gathering_series_area', ['areaId'])
export class GatheringSeriesEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'enum', enum: GatheringAudience, enumName: 'gathering_audience' }) audience: GatheringAudience;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 500 }) rrule: string;
  @Column({ type: 'date', name: 'first_date' }) firstDate: string;
  @Column({ type: 'varchar', length: 5, name: 'start_time' }) startTime: string;
  @Column({ type: 'varchar', length: 5, name: 'end_time' }) endTime: string;
  /** What the series does with a date on a holiday, a weekend, or in the Christmas or July holiday. */
  @Column({ type: 'enum', enum: HolidayRule, enumName: 'gathering_holiday_rule', name: 'holiday_rule', default: HolidayRule.MOVE })
  holidayRule: HolidayRule;
  @Column({ type: 'boolean', default: false }) paused: boolean;
  @Column({ type: 'uuid', name: 'created_by_id' }) createdById: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
}
