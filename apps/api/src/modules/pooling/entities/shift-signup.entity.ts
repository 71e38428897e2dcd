import { POOL_LIMITS } from '@laerenett/shared-domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EventShiftEntity } from './event-shift.entity';
import { UserEntity } from '../../identity/entities/user.entity';
import { AgencyEntity } from '../../agencies/entities/agency.entity';

export enum SignupState {
  /** Waiting for the apprentice's own agency to approve. */
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum SignupOrigin {
  SIGNUP = 'SIGNUP',
  ASSIGNED = 'ASSIGNED',
  PROPOSAL = 'PROPOSAL',
}

export enum Attendance {
  PRESENT = 'PRESENT',
  NO_SHOW = 'NO_SHOW',
}

/** An apprentice on a shift. One row per shift and apprentice; signing up again reuses it. */
@Entity('shift_signup')
@Unique('UQ_shift_signup_shift_user', ['shiftId', 'userId'])
@Index('IDX_shift_signup_user', ['userId', 'state'])
@Index('IDX_shift_signup_agency_state', ['agencyId', 'state'])
@Check('CHK_shift_signup_hours', `"hours" IS NULL OR ("hours" >= 0 AND "hours" <= ${POOL_LIMITS.maxShiftHours})`)
export class ShiftSignupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'shift_id' }) shiftId: string;
  @ManyToOne(() => EventShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id' })
  shift?: EventShiftEntity;
  @Column({ type: 'uuid', name: 'user_id' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'enum', enum: SignupState, enumName: 'signup_state' }) state: SignupState;
  @Column({ type: 'enum', enum: SignupOrigin, enumName: 'signup_origin', default: SignupOrigin.SIGNUP }) origin: SignupOrigin;
  @Column({ type: 'uuid', name: 'decided_by_user_id', nullable: true }) decidedByUserId: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', name: 'decision_note', default: '' }) decisionNote: string;
  @Column({ type: 'enum', enum: Attendance, enumName: 'attendance', nullable: true }) attendance: Attendance | null;
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  hours: number | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
