import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ApprenticeStatus } from '@laerenett/shared-domain';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { TradeEntity } from '../../areas/entities/trade.entity';
import { UserEntity } from '../../identity/entities/user.entity';

@Entity('apprentice')
@Check('CHK_apprentice_contract', '"contract_end" > "contract_start"')
@Check('CHK_apprentice_ended', '"ended_on" IS NULL OR "ended_on" >= "contract_start"')
@Index('IDX_apprentice_agency_period', ['agencyId', 'contractStart', 'contractEnd'])
export class ApprenticeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Index('IDX_apprentice_trade')
  @Column({ type: 'uuid', name: 'trade_id' })
  tradeId: string;
  @ManyToOne(() => TradeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trade_id' })
  trade?: TradeEntity;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  /** The apprentice's own user in Lærenett, once they have accepted their invitation. */
  @Index('IDX_apprentice_user', { unique: true, where: '"user_id" IS NOT NULL' })
  @Column({ type: 'uuid', name: 'user_id', nullable: true })
  userId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_apprentice_user' })
  user?: UserEntity;
  @Column({ type: 'date', name: 'contract_start' }) contractStart: string;
  @Column({ type: 'date', name: 'contract_end' }) contractEnd: string;
  @Column({ type: 'date', name: 'ended_on', nullable: true }) endedOn: string | null;
  @Column({ type: 'enum', enum: ApprenticeStatus, enumName: 'apprentice_status', default: ApprenticeStatus.ACTIVE })
  status: ApprenticeStatus;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
