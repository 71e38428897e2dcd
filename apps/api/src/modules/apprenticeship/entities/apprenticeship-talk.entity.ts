import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TalkKind } from '@laerenett/shared-domain';
import { UserEntity } from '../../identity/entities/user.entity';
import { ApprenticeshipContractEntity } from './apprenticeship-contract.entity';

/** A start-up talk or an assessment conversation, recorded when held. */
@Entity('apprenticeship_talk')
@Index('IDX_apprenticeship_talk_apprentice', ['apprenticeId', 'heldOn'])
export class ApprenticeshipTalkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'apprentice_id' }) apprenticeId: string;
  @ManyToOne(() => ApprenticeshipContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apprentice_id' })
  contract?: ApprenticeshipContractEntity;
  @Column({ type: 'enum', enum: TalkKind, enumName: 'apprenticeship_talk_kind' }) kind: TalkKind;
  @Column({ type: 'date', name: 'held_on' }) heldOn: string;
  /** Who took part, as written by the one who recorded it. */
  @Column({ type: 'varchar', length: 500, default: '' }) participants: string;
  @Column({ type: 'text', default: '' }) summary: string;
  /** The goals agreed for the time until the next talk. */
  @Column({ type: 'text', default: '' }) goals: string;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: UserEntity;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
