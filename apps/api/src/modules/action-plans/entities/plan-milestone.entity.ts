import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanMeasureEntity } from './plan-measure.entity';

/** A dated step of a measure, e.g. "bilateral meetings with every agency — by 1 July". */
@Entity('plan_milestone')
@Index('IDX_plan_milestone_measure', ['measureId'])
@Index('IDX_plan_milestone_open_due', ['dueDate'], { where: '"done_at" IS NULL' })
export class PlanMilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'measure_id' }) measureId: string;
  @ManyToOne(() => PlanMeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: PlanMeasureEntity;
  @Column({ type: 'varchar', length: 300 }) title: string;
  /** The English of the title where there is one (from the template); cleared when the title is edited. */
  @Column({ type: 'varchar', length: 300, name: 'title_en', nullable: true }) titleEn: string | null;
  @Column({ type: 'date', name: 'due_date' }) dueDate: string;
  @Column({ type: 'timestamptz', name: 'done_at', nullable: true }) doneAt: Date | null;
}
