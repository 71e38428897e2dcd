import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GatheringEntity } from './gathering.entity';

/** A follow-up point from a gathering's minutes. */
@Entity('gathering_action')
@Index('IDX_gathering_action_gathering', ['gatheringId'])
export class GatheringActionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'gathering_id' }) gatheringId: string;
  @Column({ type: 'varchar', length: 500 }) text: string;
  @Column({ type: 'varchar', length: 200, default: '' }) owner: string;
  @Column({ type: 'date', name: 'due_date', nullable: true }) dueDate: string | null;
  @Column({ type: 'boolean', default: false }) done: boolean;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @ManyToOne(() => GatheringEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gathering_id' })
  gathering?: GatheringEntity;
}
