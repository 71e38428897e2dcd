import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FollowUpStepKind } from '@laerenett/shared-domain';
import { UserEntity } from '../../identity/entities/user.entity';
import { FollowUpCaseEntity } from './follow-up-case.entity';

/**
 * One documented step of a case, in order (`seq` from 1). `record` holds what the step records
 * beyond its kind, date and actions (participants, summary, next meeting and the kind's own
 * facts), as validated by the domain's `followUpStepProblems`; the staff's internal note is a
 * column of its own so that it is never part of what the apprentice is shown.
 */
@Entity('follow_up_step')
@Unique('UQ_follow_up_step_seq', ['caseId', 'seq'])
export class FollowUpStepEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @ManyToOne(() => FollowUpCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: FollowUpCaseEntity;
  @Column({ type: 'smallint' }) seq: number;
  @Column({ type: 'enum', enum: FollowUpStepKind, enumName: 'follow_up_step_kind' }) kind: FollowUpStepKind;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'jsonb' }) record: Record<string, unknown>;
  @Column({ type: 'text', name: 'internal_note', nullable: true }) internalNote: string | null;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: UserEntity;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
