import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';

/**
 * What is kept of erased cases: anonymous counts, by area, the year the case was opened and the
 * year it closed, the outcome, and for terminations the phase, the causes and what came after
 * ('' where it does not apply). No person, agency or date is kept.
 */
@Entity('follow_up_count')
@Unique('UQ_follow_up_count_key', ['areaId', 'openedYear', 'closedYear', 'outcome', 'phase', 'causes', 'afterwards'])
export class FollowUpCountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'smallint', name: 'opened_year' }) openedYear: number;
  @Column({ type: 'smallint', name: 'closed_year' }) closedYear: number;
  /** RESOLVED or TERMINATED. */
  @Column({ type: 'varchar', length: 20 }) outcome: string;
  @Column({ type: 'varchar', length: 30, default: '' }) phase: string;
  /** The termination's causes, sorted. */
  @Column({ type: 'varchar', length: 30, array: true, default: '{}' }) causes: string[];
  @Column({ type: 'varchar', length: 30, default: '' }) afterwards: string;
  @Column({ type: 'int' }) cases: number;
}
