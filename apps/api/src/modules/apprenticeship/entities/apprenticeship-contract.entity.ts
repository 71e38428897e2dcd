import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AfterPlan, ContractKind } from '@laerenett/shared-domain';
import { AgencyEntity } from '../../agencies/entities/agency.entity';
import { TrainingOfficeEntity } from '../../areas/entities/training-office.entity';
import { ApprenticeEntity } from '../../apprentices/entities/apprentice.entity';
import { UserEntity } from '../../identity/entities/user.entity';

/**
 * The details of an apprentice's contract (lærekontrakt / opplæringskontrakt) beyond what the
 * apprentice's record holds (trade, start, the planned end in force, status): the kind, the
 * county that approved it, the training office, the professional leader, the planned end as
 * signed (before interruptions moved it), probation's facts and the plan for after.
 */
@Entity('apprenticeship_contract')
@Index('IDX_apprenticeship_contract_agency', ['agencyId'])
export class ApprenticeshipContractEntity {
  @PrimaryColumn({ type: 'uuid', name: 'apprentice_id' }) apprenticeId: string;
  @OneToOne(() => ApprenticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'apprentice_id' })
  apprentice?: ApprenticeEntity;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ type: 'enum', enum: ContractKind, enumName: 'apprenticeship_contract_kind', default: ContractKind.APPRENTICE })
  kind: ContractKind;
  /** The county (fylkeskommune) that approved the contract, as named in COUNTIES. */
  @Column({ type: 'varchar', length: 60, nullable: true }) county: string | null;
  @Column({ type: 'uuid', name: 'training_office_id', nullable: true }) trainingOfficeId: string | null;
  @ManyToOne(() => TrainingOfficeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'training_office_id' })
  trainingOffice?: TrainingOfficeEntity;
  @Column({ type: 'date', name: 'signed_on', nullable: true }) signedOn: string | null;
  /** Only to decide probation (over 21 at signing); shown to the agency and the apprentice. */
  @Column({ type: 'date', name: 'birth_date', nullable: true }) birthDate: string | null;
  /** The planned end as signed; the record's contract_end is this moved by the interruptions. */
  @Column({ type: 'date', name: 'original_end' }) originalEnd: string;
  /** The professional leader (faglig leder): a user of the agency. */
  @Column({ type: 'uuid', name: 'leader_id', nullable: true }) leaderId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'leader_id' })
  leader?: UserEntity;
  @Column({ type: 'enum', enum: AfterPlan, enumName: 'apprenticeship_after_plan', name: 'after_plan', nullable: true })
  afterPlan: AfterPlan | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
