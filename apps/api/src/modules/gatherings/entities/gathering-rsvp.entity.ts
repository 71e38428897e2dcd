import { Column, Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { RsvpState } from '@laerenett/shared-domain';
import { UserEntity } from '../../identity/entities/user.entity';
import { GatheringEntity } from './gathering.entity';

/** A member's answer to a gathering: yes (a seat), no, or the waitlist. */
@Entity('gathering_rsvp')
@Index('IDX_gathering_rsvp_state', ['gatheringId', 'state', 'answeredAt'])
export class GatheringRsvpEntity {
  @PrimaryColumn({ type: 'uuid', name: 'gathering_id' }) gatheringId: string;
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @Column({ type: 'uuid', name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column({ type: 'enum', enum: RsvpState, enumName: 'rsvp_state' }) state: RsvpState;
  @Column({ type: 'varchar', length: 500, name: 'accessibility_needs', default: '' }) accessibilityNeeds: string;
  @Column({ type: 'varchar', length: 500, name: 'dietary_needs', default: '' }) dietaryNeeds: string;
  /** When the current answer was given; the waitlist is served in this order. */
  @Column({ type: 'timestamptz', name: 'answered_at' }) answeredAt: Date;
  @Column({ type: 'timestamptz', name: 'checked_in_at', nullable: true }) checkedInAt: Date | null;
  @ManyToOne(() => GatheringEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gathering_id' })
  gathering?: GatheringEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
