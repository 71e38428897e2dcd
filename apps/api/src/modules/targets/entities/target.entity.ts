import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { TradeTargetEntity } from './trade-target.entity';

/** An agency's target (måltall) for a year. */
@Entity('target')
@Unique('UQ_target_agency_year', ['agencyId', 'year'])
@Check('CHK_target_total', '"total" >= 0 AND "total" <= 500')
@Check('CHK_target_year', '"year" BETWEEN 2000 AND 2100')
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'int' }) total: number;
  /** How the target was set (e.g. "agreed in the bilateral meeting 12 June"). */
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ type: 'uuid', name: 'set_by_user_id', nullable: true }) setByUserId: string | null;
  @OneToMany(() => TradeTargetEntity, (t) => t.target, { cascade: true })
  byTrade?: Relation<TradeTargetEntity[]>;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
