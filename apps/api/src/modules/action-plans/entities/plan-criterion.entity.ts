import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CriterionKind } from '@laerenett/shared-domain';
import { PlanMeasureEntity } from './plan-measure.entity';

/** A follow-up criterion (oppfølgingskriterium): ticked by a person, or computed. */
@Entity('plan_criterion')
@Index('IDX_plan_criterion_measure', ['measureId', 'position'])
@Check('CHK_plan_criterion_threshold', '"threshold" IS NULL OR "threshold" BETWEEN 1 AND 100')
export class PlanCriterionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'measure_id' }) measureId: string;
  @ManyToOne(() => PlanMeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: PlanMeasureEntity;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'enum', enum: CriterionKind, enumName: 'criterion_kind' }) kind: CriterionKind;
  @Column({ type: 'varchar', length: 300 }) label: string;
  /** The English of the label where there is one (from the template). */
  @Column({ type: 'varchar', length: 300, name: 'label_en', nullable: true }) labelEn: string | null;
  @Column({ type: 'date', name: 'due_date', nullable: true }) dueDate: string | null;
  @Column({ type: 'int', nullable: true }) threshold: number | null;
  @Column({ type: 'boolean', default: false }) checked: boolean;
  @Column({ type: 'text', default: '' }) comment: string;
  @Column({ type: 'uuid', name: 'checked_by_user_id', nullable: true }) checkedByUserId: string | null;
  @Column({ type: 'timestamptz', name: 'checked_at', nullable: true }) checkedAt: Date | null;
}
