import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
  Check,
} from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';
import { PlanMeasureEntity } from './plan-measure.entity';

/** Handlingsplan: one per ministry area and year. */
@Entity('action_plan')
@Unique('UQ_action_plan_area_year', ['areaId', 'year'])
@Check('CHK_action_plan_year', '"year" BETWEEN 2000 AND 2100')
export class ActionPlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'varchar', length: 500, name: 'main_goal' }) mainGoal: string;
  @Column({ type: 'text', name: 'main_goal_detail', default: '' }) mainGoalDetail: string;
  @Column({ type: 'jsonb', name: 'sub_goals' }) subGoals: string[];
  // The English of the goals where the plan has it (from the template); cleared when the Norwegian is edited.
  @Column({ type: 'varchar', length: 500, name: 'main_goal_en', nullable: true }) mainGoalEn: string | null;
  @Column({ type: 'text', name: 'main_goal_detail_en', nullable: true }) mainGoalDetailEn: string | null;
  /** Beside sub_goals, one entry per sub-goal (null where that sub-goal has no English). */
  @Column({ type: 'jsonb', name: 'sub_goals_en', nullable: true }) subGoalsEn: (string | null)[] | null;
  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true }) createdByUserId: string | null;
  @OneToMany(() => PlanMeasureEntity, (m) => m.plan)
  measures?: Relation<PlanMeasureEntity[]>;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
