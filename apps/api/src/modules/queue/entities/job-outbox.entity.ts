import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job to put on a queue, recorded in the same transaction as the change that calls for it (the
 * transactional outbox). It is enqueued right after the commit when the queue answers; otherwise
 * the worker's relay enqueues it once the queue is back. The job id makes enqueueing it twice
 * harmless.
 */
@Entity('job_outbox')
@Index('IDX_job_outbox_pending', ['createdAt'], { where: '"enqueued_at" IS NULL' })
export class JobOutboxEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) queue: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  /** BullMQ's job id: the same job recorded again is enqueued again only if it is not queued. */
  @Column({ type: 'varchar', length: 200, name: 'job_id', unique: true }) jobId: string;
  @Column({ type: 'jsonb', default: {} }) opts: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'enqueued_at', nullable: true }) enqueuedAt: Date | null;
}
