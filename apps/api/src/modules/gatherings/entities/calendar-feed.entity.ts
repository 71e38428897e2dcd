import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { UserEntity } from '../../identity/entities/user.entity';

/** A member's private calendar feed; the URL's secret is stored only as a hash. */
@Entity('calendar_feed')
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @Column({ type: 'char', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
