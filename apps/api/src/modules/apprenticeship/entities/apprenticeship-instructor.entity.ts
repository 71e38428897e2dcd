import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../identity/entities/user.entity';
import { ApprenticeshipContractEntity } from './apprenticeship-contract.entity';

/** An instructor (instruktør) of an apprentice: a user of the agency who follows them day to day. */
@Entity('apprenticeship_instructor')
@Index('IDX_apprenticeship_instructor_user', ['userId'])
export class ApprenticeshipInstructorEntity {
  @PrimaryColumn({ type: 'uuid', name: 'apprentice_id' }) apprenticeId: string;
  @ManyToOne(() => ApprenticeshipContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apprentice_id' })
  contract?: ApprenticeshipContractEntity;
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
