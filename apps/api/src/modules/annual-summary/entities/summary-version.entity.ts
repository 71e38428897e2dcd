import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';
import { SummaryCompilationEntity } from './summary-compilation.entity';

/**
 * A complete compiled summary: its figures and its files, written in one transaction, so a
 * version either exists whole or not at all. Versions are never changed; one per area and year
 * can be sent, and the sent one is the year's archived summary.
 */
@Entity('summary_version')
@Unique('UQ_summary_version_number', ['areaId', 'year', 'version'])
@Unique('UQ_summary_version_compilation', ['compilationId'])
@Index('UQ_summary_version_sent', ['areaId', 'year'], { unique: true, where: '"sent_at" IS NOT NULL' })
export class SummaryVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'uuid', name: 'compilation_id' }) compilationId: string;
  @ManyToOne(() => SummaryCompilationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compilation_id' })
  compilation?: SummaryCompilationEntity;
  /** The compiled figures and narratives (the web page is drawn from these). */
  @Column({ type: 'jsonb' }) data: unknown;
  @Column({ type: 'bytea', name: 'pdf_nb', select: false }) pdfNb: Buffer;
  @Column({ type: 'bytea', name: 'pdf_en', select: false }) pdfEn: Buffer;
  @Column({ type: 'bytea', select: false }) xlsx: Buffer;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true }) createdByUserId: string | null;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column({ type: 'uuid', name: 'sent_by_user_id', nullable: true }) sentByUserId: string | null;
}
