import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { ApprenticeEntity } from '../../apprentices/entities/apprentice.entity';
import { UserEntity } from '../../identity/entities/user.entity';

/** Where a case stands: open, or closed as resolved or by the contract's termination. */
export enum FollowUpStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  TERMINATED = 'TERMINATED',
}

/**
 * A follow-up case (oppfølging ved utfordringer i læreforholdet): an apprentice, the agency's
 * concern, and where the ladder stands. The steps are `follow_up_step`; the termination's
 * facts the ministry's counts need (phase, causes, what came after) are copied here when it
 * closes, so that the anonymous counts can be kept when the case is erased.
 */
@Entity('follow_up_case')
@Index('IDX_follow_up_case_agency', ['agencyId', 'status'])
@Index('IDX_follow_up_case_apprentice', ['apprenticeId'])
@Check('CHK_follow_up_case_closed', `("status" = 'OPEN') = ("closed_on" IS NULL)`)
export class FollowUpCaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'apprentice_id' }) apprenticeId: string;
  @ManyToOne(() => ApprenticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apprentice_id' })
  apprentice?: ApprenticeEntity;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'uuid', name: 'opened_by', nullable: true }) openedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'opened_by' })
  opener?: UserEntity;
  @Column({ type: 'date', name: 'opened_on' }) openedOn: string;
  /** FollowUpConcern names; at least one. */
  @Column({ type: 'varchar', length: 40, array: true }) concerns: string[];
  @Column({ type: 'text', name: 'concern_text', nullable: true }) concernText: string | null;
  @Column({ type: 'enum', enum: FollowUpStatus, enumName: 'follow_up_status', default: FollowUpStatus.OPEN }) status: FollowUpStatus;
  @Column({ type: 'date', name: 'closed_on', nullable: true }) closedOn: string | null;
  /** On termination: FIRST_THREE_MONTHS or LATER (from the contract's start and its last day). */
  @Column({ type: 'varchar', length: 30, name: 'termination_phase', nullable: true }) terminationPhase: string | null;
  /** On termination: TerminationCause names. */
  @Column({ type: 'varchar', length: 30, name: 'termination_causes', array: true, default: '{}' }) terminationCauses: string[];
  /** On termination: what the apprentice went on to (AfterTermination). */
  @Column({ type: 'varchar', length: 30, nullable: true }) afterwards: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
