import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PoolEventStatus } from '@laerenett/shared-domain';
import { AgencyEntity } from '../../agencies/entities/agency.entity';

export enum PoolEventKind {
  EVENT = 'EVENT',
  SEMINAR = 'SEMINAR',
  COURSE = 'COURSE',
  PROJECT = 'PROJECT',
  ELECTION = 'ELECTION',
  OTHER = 'OTHER',
}

/** An event where apprentices can help (named so as not to clash with the job queue's tables). */
@Entity('pooled_event')
@Index('IDX_pooled_event_area_status', ['areaId', 'status', 'startsOn'])
@Check('CHK_pooled_event_dates', '"ends_on" >= "starts_on"')
export class PooledEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true }) createdByUserId: string | null;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'enum', enum: PoolEventKind, enumName: 'pool_event_kind' }) kind: PoolEventKind;
  @Column({ type: 'varchar', length: 300, default: '' }) place: string;
  @Column({ type: 'date', name: 'starts_on' }) startsOn: string;
  @Column({ type: 'date', name: 'ends_on' }) endsOn: string;
  @Column({ type: 'text', default: '' }) description: string;
  /** Sign-ups, and withdrawals by the apprentice, close here. */
  @Column({ type: 'timestamptz', name: 'signup_deadline' }) signupDeadline: Date;
  @Column({ type: 'enum', enum: PoolEventStatus, enumName: 'pool_event_status', default: PoolEventStatus.SUBMITTED })
  status: PoolEventStatus;
  @Column({ type: 'text', name: 'review_comment', default: '' }) reviewComment: string;
  @Column({ type: 'timestamptz', name: 'reviewed_at', nullable: true }) reviewedAt: Date | null;
  /** The event owner's short feedback afterwards. */
  @Column({ type: 'text', default: '' }) feedback: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
