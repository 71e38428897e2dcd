import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { TradeEntity } from '../../areas/entities/trade.entity';
import { TargetEntity } from './target.entity';

@Entity('trade_target')
@Check('CHK_trade_target_count', '"count" >= 0')
export class TradeTargetEntity {
  @PrimaryColumn({ type: 'uuid', name: 'target_id' }) targetId: string;
  @PrimaryColumn({ type: 'uuid', name: 'trade_id' }) tradeId: string;
  @ManyToOne(() => TargetEntity, (t) => t.byTrade, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: Relation<TargetEntity>;
  @ManyToOne(() => TradeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trade_id' })
  trade?: TradeEntity;
  @Column({ type: 'int' }) count: number;
}
