import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../identity/entities/user.entity';
import { FollowUpCaseEntity } from './follow-up-case.entity';
import { FollowUpStepEntity } from './follow-up-step.entity';

/** An action agreed in a step: what, who answers for it (a user, or someone outside by name), by when, and when it was done. */
@Entity('follow_up_action')
@Index('IDX_follow_up_action_open', ['deadline'], { where: '"done_on" IS NULL' })
export class FollowUpActionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @ManyToOne(() => FollowUpCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: FollowUpCaseEntity;
  @Column({ type: 'uuid', name: 'step_id' }) stepId: string;
  @ManyToOne(() => FollowUpStepEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'step_id' })
  step?: FollowUpStepEntity;
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'uuid', name: 'owner_user_id', nullable: true }) ownerUserId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id' })
  owner?: UserEntity;
  @Column({ type: 'varchar', length: 200, name: 'owner_name', nullable: true }) ownerName: string | null;
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'date', name: 'done_on', nullable: true }) doneOn: string | null;
}
