import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { TradeTestResult } from '@laerenett/shared-domain';
import { ApprenticeshipContractEntity } from './apprenticeship-contract.entity';

/** One attempt at the trade test (fag-/svenneprøve, or kompetanseprøve): registered, held, graded. A retake is a new attempt. */
@Entity('trade_test')
@Unique('UQ_trade_test_attempt', ['apprenticeId', 'attempt'])
export class TradeTestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'apprentice_id' }) apprenticeId: string;
  @ManyToOne(() => ApprenticeshipContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apprentice_id' })
  contract?: ApprenticeshipContractEntity;
  @Column({ type: 'smallint' }) attempt: number;
  @Column({ type: 'date', name: 'registered_on' }) registeredOn: string;
  @Column({ type: 'date', name: 'test_date', nullable: true }) testDate: string | null;
  @Column({ type: 'enum', enum: TradeTestResult, enumName: 'trade_test_result', nullable: true }) result: TradeTestResult | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
