import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutboxService, RELAY_GRACE_MS } from '../queue/outbox.service';
import { MAIL_QUEUE, SEND_MAIL_JOB } from '../queue/queue.constants';
import { MailMessageEntity, MailStatus } from './entities/mail-message.entity';
import { MailTransport } from './mail.transport';
import type { RenderedMail } from './templates/render';

export interface SendMailJob {
  mailId: string;
}

export interface MailRequest extends RenderedMail {
  /** Why the mail is sent; with the recipient, what makes it once-only (e.g. `invitation:<id>`). */
  purpose: string;
  to: string;
  attachments?: MailAttachment[];
}

/**
 * An attachment, given as its bytes or as a reference (`source`, e.g. `summary-pdf:<id>:nb`)
 * that a registered source turns into bytes when the mail is delivered: a large file sent to
 * many recipients is then stored once, not once per mail.
 */
export type MailAttachment = { filename: string; contentType: string } & ({ content: Buffer } | { source: string });
type StoredAttachment = { filename: string; contentType: string; content?: string; source?: string };

/** Attachment sources by prefix (the part of `source` before the first colon). */
const SOURCES = new Map<string, (key: string) => Promise<Buffer>>();


@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
  ) {}

  /**
   * Records the mail (once per purpose and recipient) and queues its delivery. Safe to call
   * again: an existing mail is not duplicated, only re-queued if it has not been sent.
   * Pass the caller's transaction manager to record it atomically with the change that causes it;
   * call `dispatch` after the commit.
   */
  async record(req: MailRequest, manager: EntityManager = this.ds.manager): Promise<string> {
    const to = req.to.trim().toLowerCase();
    await manager
      .createQueryBuilder()
      .insert()
      .into(MailMessageEntity)
      .values({
        purpose: req.purpose,
        recipient: to,
        subject: req.subject,
        text: req.text,
        html: req.html,
        attachments: req.attachments?.map((a) => ('source' in a ? { filename: a.filename, contentType: a.contentType, source: a.source } : { filename: a.filename, contentType: a.contentType, content: a.content.toString('base64') })) ?? null,
      })
      .orIgnore()
      .execute();
    const row = await manager.findOneOrFail(MailMessageEntity, { where: { purpose: req.purpose, recipient: to }, select: { id: true, status: true } });
    return row.id;
  }

  /** Lets a module supply attachments by reference: `load` gets the part of `source` after `<prefix>:`. */
  static registerAttachmentSource(prefix: string, load: (key: string) => Promise<Buffer>): void {
    SOURCES.set(prefix, load);
  }

  private async resolveAttachments(list: StoredAttachment[] | null): Promise<{ filename: string; contentType: string; content: string }[] | undefined> {
    if (!list) return undefined;
    return Promise.all(
      list.map(async (a) => {
        if (a.content !== undefined) return { filename: a.filename, contentType: a.contentType, content: a.content };
        const [prefix, ...rest] = (a.source ?? '').split(':');
        const load = SOURCES.get(prefix);
        if (!load) throw new Error(`No attachment source "${prefix}" for ${a.filename}`);
        return { filename: a.filename, contentType: a.contentType, content: (await load(rest.join(':'))).toString('base64') };
      }),
    );
  }

  /**
   * After the commit that recorded them: puts the mails' delivery jobs on the queue if it answers
   * within a moment. Never fails nor makes the request wait on a queue that is away: the mail
   * rows are the outbox, and the worker's relay (`relay`) enqueues what is still waiting.
   */
  async dispatch(mailIds: string[]): Promise<void> {
    if (mailIds.length === 0) return;
    const rows = await this.ds.getRepository(MailMessageEntity).find({ where: mailIds.map((id) => ({ id, status: MailStatus.QUEUED })), select: { id: true } });
    await this.outbox.within(this.enqueue(rows.map((r) => r.id)));
  }

  /** The relay's round for mail: recorded, not sent, not on the queue (the queue was away, or the process stopped). */
  async relay(limit = 2_000): Promise<number> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_message WHERE status = 'QUEUED' AND enqueued_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [RELAY_GRACE_MS / 1000, limit],
    );
    return this.enqueue(rows.map((r) => r.id));
  }

  private enqueue(ids: string[]): Promise<number> {
    return this.outbox.enqueueEach(
      ids,
      () => MAIL_QUEUE,
      (id) => ({ name: SEND_MAIL_JOB, data: { mailId: id } satisfies SendMailJob, opts: { jobId: `mail-${id}` } }),
      (done) => this.ds.getRepository(MailMessageEntity).update({ id: In(done) }, { enqueuedAt: new Date() }),
    );
  }

  /** Delivers one recorded mail. Does nothing for a mail already sent (the retry-safe marker). */
  async deliver(mailId: string): Promise<'sent' | 'already-sent' | 'missing'> {
    const repo = this.ds.getRepository(MailMessageEntity);
    const m = await repo.findOne({ where: { id: mailId } });
    if (!m) return 'missing';
    if (m.status === MailStatus.SENT) return 'already-sent';
    await repo.increment({ id: m.id }, 'attempts', 1);
    try {
      const messageId = await this.transport.send({
        to: m.recipient,
        subject: m.subject,
        text: m.text ?? '',
        html: m.html,
        messageId: `<${m.id}@laerenett.no>`,
        attachments: await this.resolveAttachments(m.attachments as StoredAttachment[] | null),
        headers: { 'X-Laerenett-Purpose': m.purpose },
      });
      await repo.update({ id: m.id, status: MailStatus.QUEUED }, { status: MailStatus.SENT, sentAt: new Date(), messageId, text: null, html: null, attachments: null, lastError: null });
      return 'sent';
    } catch (e) {
      await repo.update({ id: m.id }, { lastError: String((e as Error).message).slice(0, 2000) });
      this.logger.warn(`Delivery of mail ${m.id} failed; it will be retried: ${(e as Error).message}`);
      throw e;
    }
  }

  async markFailed(mailId: string): Promise<void> {
    await this.ds.getRepository(MailMessageEntity).update({ id: mailId, status: MailStatus.QUEUED }, { status: MailStatus.FAILED });
  }
}
