import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService, RELAY_GRACE_MS } from '../queue/outbox.service';
import { SEND_MAIL } from './jobs/send-mail.job';
import { MailMessageEntity } from './entities/mail-message.entity';
import { MailTransport } from './mail.transport';
import type { RenderedMail } from './templates/render';

/** Mails per delivery job: few enough that a retried job repeats little, many enough that the queue's cost per mail is small. */
export const MAIL_JOB_SIZE = 50;

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

/**
 * The rows of the mails in $1, locked in the order of their ids: every statement that updates
 * several mails at once takes their locks in this order, so that two of them (a delivery and the
 * enqueue marker of the same mails, say) wait for each other rather than deadlock.
 */
const LOCK_IN_ORDER = `SELECT id FROM mail_message WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

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
    return (await this.recordMany([req], manager))[0];
  }

  /**
   * `record` for many mails in two statements: the ids of the mails, in the order asked (a mail
   * recorded before keeps its row and its id).
   */
  async recordMany(reqs: MailRequest[], manager: EntityManager = this.ds.manager): Promise<string[]> {
    if (!reqs.length) return [];
    const rows = reqs.map((r) => ({ ...r, to: r.to.trim().toLowerCase() }));
    const stored = (r: MailRequest) =>
      r.attachments
        ? JSON.stringify(
            r.attachments.map((a) =>
              'source' in a
                ? { filename: a.filename, contentType: a.contentType, source: a.source }
                : { filename: a.filename, contentType: a.contentType, content: a.content.toString('base64') },
            ),
          )
        : null;
    await manager.query(
      `INSERT INTO mail_message (purpose, recipient, subject, text, html, attachments)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::text[], $6::jsonb[])
       ON CONFLICT ON CONSTRAINT "UQ_mail_purpose_recipient" DO NOTHING`,
      [
        rows.map((r) => r.purpose),
        rows.map((r) => r.to),
        rows.map((r) => r.subject),
        rows.map((r) => r.text),
        rows.map((r) => r.html),
        rows.map(stored),
      ],
    );
    const found: { id: string; purpose: string; recipient: string }[] = await manager.query(
      `SELECT m.id, m.purpose, m.recipient FROM mail_message m JOIN unnest($1::varchar[], $2::varchar[]) AS k(purpose, recipient) USING (purpose, recipient)`,
      [rows.map((r) => r.purpose), rows.map((r) => r.to)],
    );
    const ids = new Map(found.map((f) => [`${f.purpose}\n${f.recipient}`, f.id]));
    return rows.map((r) => ids.get(`${r.purpose}\n${r.to}`) as string);
  }

  /** Lets a module supply attachments by reference: `load` gets the part of `source` after `<prefix>:`. */
  static registerAttachmentSource(prefix: string, load: (key: string) => Promise<Buffer>): void {
    SOURCES.set(prefix, load);
  }

  /** `loaded` holds what the sources gave within one delivery job: a file many mails share is loaded once. */
  private async resolveAttachments(
    list: StoredAttachment[] | null,
    loaded: Map<string, Promise<string>>,
  ): Promise<{ filename: string; contentType: string; content: string }[] | undefined> {
    if (!list) return undefined;
    return Promise.all(
      list.map(async (a) => {
        if (a.content !== undefined) return { filename: a.filename, contentType: a.contentType, content: a.content };
        const source = a.source ?? '';
        let content = loaded.get(source);
        if (!content) {
          const [prefix, ...rest] = source.split(':');
          const load = SOURCES.get(prefix);
          if (!load) throw new Error(`No attachment source "${prefix}" for ${a.filename}`);
          content = load(rest.join(':')).then((b) => b.toString('base64'));
          loaded.set(source, content);
        }
        return { filename: a.filename, contentType: a.contentType, content: await content };
      }),
    );
  }

  /**
   * After the commit that recorded them: puts the mails' delivery jobs on the queue if it answers
   * within a moment. Never fails nor makes the request wait on a queue that is away: the mail
   * rows are the outbox, and the worker's relay (`relay`) enqueues what is still waiting. A mail
   * already on the queue is left there (queued again in another batch, it could be sent twice).
   */
  async dispatch(mailIds: string[]): Promise<void> {
    if (mailIds.length === 0) return;
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_message WHERE id = ANY($1::uuid[]) AND status = 'QUEUED' AND enqueued_at IS NULL ORDER BY created_at`,
      [mailIds],
    );
    await this.outbox.within(this.enqueue(rows.map((r) => r.id)));
  }

  /** Who has a mail for each of these purposes (lower-cased addresses): to send each recipient a purpose's mail once. */
  async recipientsByPurpose(purposes: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>(purposes.map((p) => [p, new Set<string>()]));
    if (!purposes.length) return out;
    const rows: { purpose: string; recipient: string }[] = await this.ds.query(
      `SELECT purpose, recipient FROM mail_message WHERE purpose = ANY($1::text[])`,
      [purposes],
    );
    for (const r of rows) out.get(r.purpose)?.add(r.recipient);
    return out;
  }

  /** `recipientsByPurpose` for one purpose. */
  async recipientsOf(purpose: string): Promise<Set<string>> {
    return (await this.recipientsByPurpose([purpose])).get(purpose)!;
  }

  /** Queues the mails of a purpose that were recorded and never queued (a run interrupted between the two). */
  async dispatchPending(purpose: string): Promise<void> {
    const pending: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_message WHERE purpose = $1 AND status = 'QUEUED' AND enqueued_at IS NULL`,
      [purpose],
    );
    await this.dispatch(pending.map((p) => p.id));
  }

  /** How many mails each purpose has, and how many of them were delivered. */
  async deliveryByPurpose(purposes: string[]): Promise<Map<string, { recipients: number; delivered: number }>> {
    const out = new Map<string, { recipients: number; delivered: number }>(purposes.map((p) => [p, { recipients: 0, delivered: 0 }]));
    if (!purposes.length) return out;
    const rows: { purpose: string; recipients: number; delivered: number }[] = await this.ds.query(
      `SELECT purpose, count(*)::int AS recipients, (count(*) FILTER (WHERE status = 'SENT'))::int AS delivered
         FROM mail_message WHERE purpose = ANY($1::text[]) GROUP BY purpose`,
      [purposes],
    );
    for (const r of rows) out.set(r.purpose, { recipients: r.recipients, delivered: r.delivered });
    return out;
  }

  /** The relay's round for mail: recorded, not sent, not on the queue (the queue was away, or the process stopped). */
  async relay(limit = 2_000): Promise<number> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_message WHERE status = 'QUEUED' AND enqueued_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [RELAY_GRACE_MS / 1000, limit],
    );
    return this.enqueue(rows.map((r) => r.id));
  }

  /**
   * Puts the mails on the queue, MAIL_JOB_SIZE to a job. A job's id follows from its mails (one
   * mail: `mail-<id>`, as before batching), so the same batch enqueued twice runs once.
   */
  private async enqueue(ids: string[]): Promise<number> {
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += MAIL_JOB_SIZE) batches.push(ids.slice(i, i + MAIL_JOB_SIZE));
    await this.outbox.enqueueEach(
      batches,
      () => SEND_MAIL.queue,
      (b) =>
        SEND_MAIL.bulk(
          { mailIds: b },
          { jobId: b.length === 1 ? `mail-${b[0]}` : `mails-${createHash('sha1').update(b.join(',')).digest('hex')}` },
        ),
      (done) => this.ds.query(`UPDATE mail_message m SET enqueued_at = now() FROM (${LOCK_IN_ORDER}) l WHERE m.id = l.id`, [done.flat()]),
    );
    return ids.length;
  }

  /** Delivers one recorded mail. Does nothing for a mail already sent (the retry-safe marker). */
  async deliver(mailId: string): Promise<'sent' | 'already-sent' | 'missing'> {
    const r = await this.deliverMany([mailId]);
    return r.sent ? 'sent' : r.alreadySent ? 'already-sent' : 'missing';
  }

  /**
   * Delivers recorded mails: one read for them all, then each through the transport's pool, each
   * marked SENT as soon as the server has taken it (the markers of mails sent meanwhile go in one
   * statement, so a crash repeats at most the mails in flight). Mails already sent are skipped, so
   * a retried or repeated job sends nothing twice. If any mail failed, throws once the others are
   * sent and marked: the job's retry sends only those.
   */
  async deliverMany(mailIds: string[]): Promise<{ sent: number; alreadySent: number; missing: number; failed: number }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [
      (Pick<MailMessageEntity, 'id' | 'purpose' | 'recipient' | 'subject' | 'text' | 'html'> & {
        attachments: StoredAttachment[] | null;
      })[],
      number,
    ] = await this.ds.query(
      `UPDATE mail_message m SET attempts = attempts + 1 FROM (${LOCK_IN_ORDER}) l WHERE m.id = l.id AND m.status = 'QUEUED'
       RETURNING m.id, m.purpose, m.recipient, m.subject, m.text, m.html, m.attachments`,
      [mailIds],
    );
    const known: number =
      rows.length === mailIds.length
        ? mailIds.length
        : ((await this.ds.query(`SELECT count(*)::int AS n FROM mail_message WHERE id = ANY($1::uuid[])`, [mailIds])) as { n: number }[])[0]
            .n;
    const marker = new SentMarker(this.ds);
    const loaded = new Map<string, Promise<string>>();
    const failures: { id: string; error: string }[] = [];
    await Promise.all(
      rows.map(async (m) => {
        try {
          const messageId = await this.transport.send({
            to: m.recipient,
            subject: m.subject,
            text: m.text ?? '',
            html: m.html,
            messageId: `<${m.id}@laerenett.no>`,
            attachments: await this.resolveAttachments(m.attachments, loaded),
            headers: { 'X-Laerenett-Purpose': m.purpose },
          });
          marker.add(m.id, messageId);
        } catch (e) {
          failures.push({ id: m.id, error: String((e as Error).message).slice(0, 2000) });
        }
      }),
    );
    await marker.done();
    if (failures.length) {
      await this.ds.query(
        `UPDATE mail_message m SET last_error = f.error FROM (${LOCK_IN_ORDER}) l JOIN unnest($1::uuid[], $2::text[]) AS f(id, error) USING (id) WHERE m.id = l.id`,
        [failures.map((f) => f.id), failures.map((f) => f.error)],
      );
      this.logger.warn(`Delivery of ${failures.length} of ${rows.length} mail(s) failed; they will be retried: ${failures[0].error}`);
      throw new Error(`${failures.length} of ${rows.length} mail(s) not delivered: ${failures[0].error}`);
    }
    return { sent: rows.length, alreadySent: known - rows.length, missing: mailIds.length - known, failed: 0 };
  }

  async markFailed(mailIds: string[]): Promise<void> {
    await this.ds.query(`UPDATE mail_message m SET status = 'FAILED' FROM (${LOCK_IN_ORDER}) l WHERE m.id = l.id AND m.status = 'QUEUED'`, [
      mailIds,
    ]);
  }
}

/**
 * Marks delivered mails SENT in groups: one statement at a time, holding what was delivered
 * meanwhile for the next. Under load a statement carries many mails; when mails come slowly, each
 * is marked at once.
 */
class SentMarker {
  private pending: { id: string; messageId: string }[] = [];
  private writing: Promise<void> | null = null;
  private failed: Error | null = null;

  constructor(private readonly ds: DataSource) {}

  add(id: string, messageId: string) {
    this.pending.push({ id, messageId });
    if (!this.writing) this.writing = this.flush();
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const group = this.pending;
      this.pending = [];
      try {
        await this.ds.query(
          `UPDATE mail_message m SET status = 'SENT', sent_at = now(), message_id = s.message_id, text = NULL, html = NULL, attachments = NULL, last_error = NULL
             FROM (${LOCK_IN_ORDER}) l JOIN unnest($1::uuid[], $2::varchar[]) AS s(id, message_id) USING (id) WHERE m.id = l.id AND m.status = 'QUEUED'`,
          [group.map((g) => g.id), group.map((g) => g.messageId)],
        );
      } catch (e) {
        this.failed = e as Error;
      }
    }
    this.writing = null;
  }

  /** Once every marker is written; throws if one could not be (the job is retried; what was sent is not sent again only if marked). */
  async done(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failed) throw this.failed;
  }
}
