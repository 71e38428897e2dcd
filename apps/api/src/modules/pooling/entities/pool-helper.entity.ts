import { POOL_LIMITS } from '@laerenett/shared-domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../../identity/entities/user.entity';

/** An apprentice's offer to help in the pool, with their cap of hours per month. */
@Entity('pool_helper')
@Check('CHK_pool_helper_hours', `"max_hours_per_month" BETWEEN ${POOL_LIMITS.minHoursPerMonth} AND ${POOL_LIMITS.maxHoursPerMonth}`)
export class PoolHelperEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ type: 'boolean', default: true }) offering: boolean;
  @Column({ type: 'int', name: 'max_hours_per_month', default: POOL_LIMITS.defaultHoursPerMonth }) maxHoursPerMonth: number;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
