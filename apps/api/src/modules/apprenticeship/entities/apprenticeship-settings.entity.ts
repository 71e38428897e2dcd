import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '../../agencies/entities/agency.entity';

/** An agency's settings for keeping apprentices; without a row, the defaults (DEFAULT_LIFECYCLE_SETTINGS). */
@Entity('apprenticeship_settings')
@Check('CHK_apprenticeship_settings_range', '"trade_test_lead_months" BETWEEN 1 AND 12 AND "long_interruption_weeks" BETWEEN 1 AND 52')
export class ApprenticeshipSettingsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @OneToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'smallint', name: 'trade_test_lead_months', default: 3 }) tradeTestLeadMonths: number;
  @Column({ type: 'smallint', name: 'long_interruption_weeks', default: 8 }) longInterruptionWeeks: number;
}
