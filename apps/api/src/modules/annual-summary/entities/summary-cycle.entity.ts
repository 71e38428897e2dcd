import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';

/**
 * The year's December dates for one area, where the ministry has changed them. An area and year
 * without a row follows the pilot's cycle (open 1 Dec, deadline 7 Dec, compile 7–14 Dec, send 15 Dec).
 */
@Entity('summary_cycle')
@Unique('UQ_summary_cycle_area_year', ['areaId', 'year'])
@Check(
  'CHK_summary_cycle_order',
  '"opens_on" < "agency_deadline" AND "agency_deadline" <= "compile_from" AND "compile_from" <= "compile_to" AND "compile_to" <= "send_by"',
)
export class SummaryCycleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'date', name: 'opens_on' }) opensOn: string;
  @Column({ type: 'date', name: 'agency_deadline' }) agencyDeadline: string;
  @Column({ type: 'date', name: 'compile_from' }) compileFrom: string;
  @Column({ type: 'date', name: 'compile_to' }) compileTo: string;
  @Column({ type: 'date', name: 'send_by' }) sendBy: string;
  @Column({ type: 'uuid', name: 'updated_by_user_id', nullable: true }) updatedByUserId: string | null;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
