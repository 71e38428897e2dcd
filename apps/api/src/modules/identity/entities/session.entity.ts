import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

@Entity('user_session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  @Column({ type: 'char', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @Index('IDX_session_user')
  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
