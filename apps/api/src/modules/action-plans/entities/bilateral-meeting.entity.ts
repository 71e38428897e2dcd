import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { ActionPlanEntity } from './action-plan.entity';

/** The ministry's bilateral meeting with one agency in the plan's year. */
@Entity('bilateral_meeting')
@Unique('UQ_bilateral_meeting_plan_agency', ['planId', 'agencyId'])
@Index('IDX_bilateral_meeting_agency', ['agencyId'])
@Check('CHK_bilateral_meeting_target', '"target_set" IS NULL OR "target_set" BETWEEN 0 AND 10000')
export class BilateralMeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'plan_id' }) planId: string;
  @ManyToOne(() => ActionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: ActionPlanEntity;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'date', name: 'held_on' }) heldOn: string;
  @Column({ type: 'text', default: '' }) participants: string;
  @Column({ type: 'text', default: '' }) notes: string;
  @Column({ type: 'int', name: 'target_set', nullable: true }) targetSet: number | null;
  @Column({ type: 'text', name: 'help_requested', default: '' }) helpRequested: string;
  @Column({ type: 'uuid', name: 'recorded_by_user_id', nullable: true }) recordedByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
