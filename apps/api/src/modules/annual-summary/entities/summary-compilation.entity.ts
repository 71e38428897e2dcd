import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';

export enum CompilationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETE = 'COMPLETE',
  FAILED = 'FAILED',
}

export enum CompilationTrigger {
  MANUAL = 'MANUAL',
  /** Started by the schedule at the start of the compilation window. */
  AUTO = 'AUTO',
}

/**
 * One request to compile an area's summary, and its progress. The queue's job id is this row's
 * id, so the job and its outcome are found from either side. The schedule's own compilation is
 * unique per area and year.
 */
@Entity('summary_compilation')
@Index('IDX_summary_compilation_area_year', ['areaId', 'year', 'createdAt'])
@Index('UQ_summary_compilation_auto', ['areaId', 'year'], { unique: true, where: `"trigger" = 'AUTO'` })
export class SummaryCompilationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'enum', enum: CompilationTrigger, enumName: 'compilation_trigger' }) trigger: CompilationTrigger;
  @Column({ type: 'enum', enum: CompilationStatus, enumName: 'compilation_status', default: CompilationStatus.QUEUED })
  status: CompilationStatus;
  /** The step running (collect, agencies, pdf, xlsx, save) and how far it has come. */
  @Column({ type: 'varchar', length: 40, default: 'queued' }) step: string;
  @Column({ type: 'int', default: 0 }) done: number;
  @Column({ type: 'int', default: 0 }) total: number;
  /** Where the per-agency step is: the agency being compiled. */
  @Column({ type: 'varchar', length: 200, name: 'current_item', default: '' }) currentItem: string;
  @Column({ type: 'uuid', name: 'requested_by_user_id', nullable: true }) requestedByUserId: string | null;
  @Column({ type: 'uuid', name: 'version_id', nullable: true }) versionId: string | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'text', default: '' }) error: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true }) finishedAt: Date | null;
}
