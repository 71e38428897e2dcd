import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { GatheringAudience, GatheringSeriesEntity } from './gathering-series.entity';

export enum GatheringStatus {
  /** Proposed by the schedule or created, not yet sent out. */
  PLANNED = 'PLANNED',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

/** One gathering (nettverkssamling): an occurrence of a series, or on its own. */
@Entity('gathering')
@Index('IDX_gathering_area_starts', ['areaId', 'startsAt'])
@Unique('UQ_gathering_series_rule_date', ['seriesId', 'ruleDate'])
@Check('CHK_gathering_time', '"ends_at" > "starts_at"')
@Check('CHK_gathering_capacity', '"capacity" IS NULL OR "capacity" > 0')
@Check('CHK_gathering_seats', '"seats_per_agency" IS NULL OR "seats_per_agency" > 0')
export class GatheringEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'uuid', name: 'series_id', nullable: true }) seriesId: string | null;
  /** The date the series' rule produced (before any holiday move); null for a one-off. */
  @Column({ type: 'date', name: 'rule_date', nullable: true }) ruleDate: string | null;
  /** Changed by hand: the series leaves it alone. */
  @Column({ type: 'boolean', default: false }) detached: boolean;
  @Column({ type: 'enum', enum: GatheringAudience, enumName: 'gathering_audience' }) audience: GatheringAudience;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 200, default: '' }) theme: string;
  @Column({ type: 'text', default: '' }) agenda: string;
  @Column({ type: 'timestamptz', name: 'starts_at' }) startsAt: Date;
  @Column({ type: 'timestamptz', name: 'ends_at' }) endsAt: Date;
  @Column({ type: 'varchar', length: 300, default: '' }) place: string;
  @Column({ type: 'varchar', length: 500, name: 'video_url', default: '' }) videoUrl: string;
  @Column({ type: 'uuid', name: 'host_agency_id', nullable: true }) hostAgencyId: string | null;
  @Column({ type: 'int', nullable: true }) capacity: number | null;
  @Column({ type: 'int', name: 'seats_per_agency', nullable: true }) seatsPerAgency: number | null;
  @Column({ type: 'enum', enum: GatheringStatus, enumName: 'gathering_status', default: GatheringStatus.PLANNED }) status: GatheringStatus;
  /** iCalendar SEQUENCE: raised on every change sent out. */
  @Column({ type: 'int', default: 0 }) sequence: number;
  @Column({ type: 'text', default: '' }) minutes: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @ManyToOne(() => GatheringSeriesEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id' })
  series?: GatheringSeriesEntity | null;
  @ManyToOne(() => AgencyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'host_agency_id' })
  hostAgency?: AgencyEntity | null;
}
