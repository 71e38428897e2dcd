import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum MailStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/**
 * One e-mail to one recipient for one purpose. The unique (purpose, recipient) pair is the
 * once-only guarantee: enqueueing the same mail twice finds the existing row; the SENT marker
 * stops a retried job from sending it again.
 */
@Entity('mail_message')
@Unique('UQ_mail_purpose_recipient', ['purpose', 'recipient'])
@Index('IDX_mail_message_not_enqueued', ['createdAt'], { where: `"status" = 'QUEUED' AND "enqueued_at" IS NULL` })
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** e.g. `invitation:<id>`. */
  @Column({ type: 'varchar', length: 200 }) purpose: string;
  @Column({ type: 'varchar', length: 254 }) recipient: string;
  @Column({ type: 'varchar', length: 300 }) subject: string;
  /** Rendered bodies; cleared once sent (they may carry one-time links). */
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column({ type: 'text', nullable: true }) html: string | null;
  @Column({ type: 'jsonb', nullable: true }) attachments:
    { filename: string; contentType: string; content?: string; source?: string }[] | null;
  @Column({ type: 'enum', enum: MailStatus, enumName: 'mail_status', default: MailStatus.QUEUED }) status: MailStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'varchar', length: 300, name: 'message_id', nullable: true }) messageId: string | null;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  /**
   * When its delivery job was put on the queue. The row itself is the outbox: recorded with the
   * change that causes it, enqueued after the commit, or by the worker's relay if the queue was
   * not there then.
   */
  @Column({ type: 'timestamptz', name: 'enqueued_at', nullable: true }) enqueuedAt: Date | null;
}
