import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '../../identity/entities/user.entity';
import { NetworkEntity } from './network.entity';

/**
 * A member added to a network by their agency. Apprentices of the area's agencies are members
 * of the apprentice network without a row here.
 */
@Entity('network_member')
@Index('IDX_network_member_user', ['userId'])
export class NetworkMemberEntity {
  @PrimaryColumn({ type: 'uuid', name: 'network_id' }) networkId: string;
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @Column({ type: 'uuid', name: 'added_by_id' }) addedById: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
