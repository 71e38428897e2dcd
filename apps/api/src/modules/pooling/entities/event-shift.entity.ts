import { POOL_LIMITS } from '@laerenett/shared-domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PooledEventEntity } from './pooled-event.entity';

/** A shift of a pooled event: when, what to do, how many apprentices, for which trades. */
@Entity('event_shift')
@Index('IDX_event_shift_event', ['eventId', 'startsAt'])
@Check('CHK_event_shift_time', '"ends_at" > "starts_at"')
@Check('CHK_event_shift_places', `"places" BETWEEN 1 AND ${POOL_LIMITS.maxPlaces}`)
export class EventShiftEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'event_id' }) eventId: string;
  @ManyToOne(() => PooledEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PooledEventEntity;
  @Column({ type: 'timestamptz', name: 'starts_at' }) startsAt: Date;
  @Column({ type: 'timestamptz', name: 'ends_at' }) endsAt: Date;
  @Column({ type: 'text', default: '' }) tasks: string;
  @Column({ type: 'int' }) places: number;
  /** Trades the shift is relevant to; empty means any. */
  @Column({ type: 'uuid', name: 'trade_ids', array: true, default: () => "'{}'" }) tradeIds: string[];
  @Column({ type: 'text', name: 'competence_goals', default: '' }) competenceGoals: string;
}
