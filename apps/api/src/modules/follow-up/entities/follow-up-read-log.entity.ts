import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { UserEntity } from '../../identity/entities/user.entity';
import { FollowUpCaseEntity } from './follow-up-case.entity';

/** What was read: a case in full, a case in a list, or a case in the apprentice's own download. */
export enum FollowUpReadKind {
  CASE = 'CASE',
  LIST = 'LIST',
  EXPORT = 'EXPORT',
}

/**
 * Every read of a case: who, when, what. Written in the same request as the read; the agency's
 * coordinators list it for their agency. Erased with the case.
 */
@Entity('follow_up_read_log')
@Index('IDX_follow_up_read_log_agency', ['agencyId', 'readAt'])
export class FollowUpReadLogEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @ManyToOne(() => FollowUpCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: FollowUpCaseEntity;
  @Column({ type: 'uuid', name: 'reader_id', nullable: true }) readerId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reader_id' })
  reader?: UserEntity;
  /** The reader's name and role as they were at the time (kept if the user is removed). */
  @Column({ type: 'varchar', length: 200, name: 'reader_name' }) readerName: string;
  @Column({ type: 'varchar', length: 30, name: 'reader_role' }) readerRole: string;
  @Column({ type: 'enum', enum: FollowUpReadKind, enumName: 'follow_up_read_kind' }) what: FollowUpReadKind;
  @Column({ type: 'timestamptz', name: 'read_at' }) readAt: Date;
}
