import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { InterruptionKind } from '@laerenett/shared-domain';
import { ApprenticeshipContractEntity } from './apprenticeship-contract.entity';

/** An interruption (avbrudd): a period away with a kind; the planned end moves by it. The county must be told. */
@Entity('apprenticeship_interruption')
@Index('IDX_apprenticeship_interruption_apprentice', ['apprenticeId', 'startsOn'])
@Check('CHK_apprenticeship_interruption_period', '"ends_on" IS NULL OR "ends_on" >= "starts_on"')
export class ApprenticeshipInterruptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'apprentice_id' }) apprenticeId: string;
  @ManyToOne(() => ApprenticeshipContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apprentice_id' })
  contract?: ApprenticeshipContractEntity;
  @Column({ type: 'enum', enum: InterruptionKind, enumName: 'apprenticeship_interruption_kind' }) kind: InterruptionKind;
  @Column({ type: 'date', name: 'starts_on' }) startsOn: string;
  /** The last day away; null while it goes on. */
  @Column({ type: 'date', name: 'ends_on', nullable: true }) endsOn: string | null;
  /** When the county was notified; null until it is. */
  @Column({ type: 'date', name: 'county_notified_on', nullable: true }) countyNotifiedOn: string | null;
  @Column({ type: 'varchar', length: 500, default: '' }) note: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
