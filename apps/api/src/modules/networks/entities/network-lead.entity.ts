import { CreateDateColumn, Entity, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '../../identity/entities/user.entity';
import { NetworkEntity } from './network.entity';

/** A network lead (nettverksansvarlig); at most two per network. */
@Entity('network_lead')
export class NetworkLeadEntity {
  @PrimaryColumn({ type: 'uuid', name: 'network_id' }) networkId: string;
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
