import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AgencyEntity } from '../../agencies/entities/agency.entity';

/** An agency's report on its year: the narrative it writes; the figures are the platform's. */
@Entity('agency_report')
@Unique('UQ_agency_report_agency_year', ['agencyId', 'year'])
@Index('IDX_agency_report_area_year', ['areaId', 'year'])
@Check('CHK_agency_report_target', '"target_next_year" IS NULL OR ("target_next_year" >= 0 AND "target_next_year" <= 500)')
export class AgencyReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'int' }) year: number;
  /** How the year went. */
  @Column({ type: 'text', name: 'year_in_review', default: '' }) yearInReview: string;
  @Column({ type: 'text', name: 'what_worked', default: '' }) whatWorked: string;
  @Column({ type: 'text', default: '' }) challenges: string;
  /** Trades the agency has assessed for next year. */
  @Column({ type: 'uuid', name: 'next_year_trade_ids', array: true }) nextYearTradeIds: string[];
  @Column({ type: 'text', name: 'next_year_trades_note', default: '' }) nextYearTradesNote: string;
  @Column({ type: 'int', name: 'target_next_year', nullable: true }) targetNextYear: number | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', name: 'submitted_by_user_id', nullable: true }) submittedByUserId: string | null;
  /** The platform's figures as they stood when the report was submitted. */
  @Column({ type: 'jsonb', name: 'submitted_figures', nullable: true }) submittedFigures: unknown;
  @Column({ type: 'timestamptz', name: 'reopened_at', nullable: true }) reopenedAt: Date | null;
  @Column({ type: 'text', name: 'reopen_reason', default: '' }) reopenReason: string;
  @Column({ type: 'uuid', name: 'updated_by_user_id', nullable: true }) updatedByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
