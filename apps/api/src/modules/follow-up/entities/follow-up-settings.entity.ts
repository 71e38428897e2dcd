import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DEFAULT_FOLLOW_UP_RETENTION_MONTHS } from '@laerenett/shared-domain';
import { AgencyEntity } from '../../agencies/entities/agency.entity';

/** An agency's settings for follow-up cases; without a row, the defaults. */
@Entity('follow_up_settings')
@Check('CHK_follow_up_settings_range', '"retention_months" BETWEEN 1 AND 120')
export class FollowUpSettingsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @OneToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  /** Months after the contract ended that a closed case is kept. */
  @Column({ type: 'smallint', name: 'retention_months', default: DEFAULT_FOLLOW_UP_RETENTION_MONTHS }) retentionMonths: number;
}
