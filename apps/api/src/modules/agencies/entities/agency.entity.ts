import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';
import { TrainingOfficeEntity } from '../../areas/entities/training-office.entity';

@Entity('agency')
@Check('CHK_agency_employees', '"employees" >= 0')
@Check('CHK_agency_org_number', `"org_number" ~ '^[0-9]{9}$'`)
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_agency_area')
  @Column({ type: 'uuid', name: 'area_id' })
  areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'char', length: 9, name: 'org_number', unique: true }) orgNumber: string;
  @Column({ type: 'int' }) employees: number;
  /** The ministry itself is also an agency of its area. */
  @Column({ type: 'boolean', name: 'is_ministry', default: false }) isMinistry: boolean;
  @Column({ type: 'uuid', name: 'training_office_id', nullable: true }) trainingOfficeId: string | null;
  @ManyToOne(() => TrainingOfficeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'training_office_id' })
  trainingOffice?: TrainingOfficeEntity | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
