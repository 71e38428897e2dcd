import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { MeasureStatus } from '@laerenett/shared-domain';
import { UserEntity } from '../../identity/entities/user.entity';
import { ActionPlanEntity } from './action-plan.entity';

/** Tiltak: a measure of the plan. */
@Entity('plan_measure')
@Index('IDX_plan_measure_plan', ['planId', 'position'])
export class PlanMeasureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'plan_id' }) planId: string;
  @ManyToOne(() => ActionPlanEntity, (p) => p.measures, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ActionPlanEntity>;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'text', default: '' }) purpose: string;
  @Column({ type: 'text', name: 'responsibility_ministry', default: '' }) responsibilityMinistry: string;
  @Column({ type: 'text', name: 'responsibility_ok_stat', default: '' }) responsibilityOkStat: string;
  @Column({ type: 'text', name: 'responsibility_agencies', default: '' }) responsibilityAgencies: string;
  @Column({ type: 'text', default: '' }) implementation: string;
  // The English of each text where the plan has it (from the template); cleared when that Norwegian text is edited.
  @Column({ type: 'varchar', length: 200, name: 'title_en', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', name: 'description_en', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', name: 'purpose_en', nullable: true }) purposeEn: string | null;
  @Column({ type: 'text', name: 'responsibility_ministry_en', nullable: true }) responsibilityMinistryEn: string | null;
  @Column({ type: 'text', name: 'responsibility_ok_stat_en', nullable: true }) responsibilityOkStatEn: string | null;
  @Column({ type: 'text', name: 'responsibility_agencies_en', nullable: true }) responsibilityAgenciesEn: string | null;
  @Column({ type: 'text', name: 'implementation_en', nullable: true }) implementationEn: string | null;
  @Column({ type: 'enum', enum: MeasureStatus, enumName: 'measure_status', default: MeasureStatus.PLANNED }) status: MeasureStatus;
  @ManyToMany(() => UserEntity)
  @JoinTable({
    name: 'plan_measure_owner',
    joinColumn: { name: 'measure_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'user_id', referencedColumnName: 'id' },
  })
  owners?: UserEntity[];
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
