import { setImmediate as turn } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/config';
import { MailRequest, MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { NetworksService, Recipient } from '../networks/networks.service';
import { GatheringEntity, GatheringStatus } from './entities/gathering.entity';
import { FanOutJob } from './jobs/fan-out.job';
import { RsvpService } from './rsvp.service';
import { gatheringMail, reminderMail } from './templates/gathering-mails';
import { gatheringIcsForEach } from './utils/ics.util';

/**
 * Recipients recorded per transaction: small batches first, so that the first invitations leave at
 * once, then larger ones (each is queued as delivery jobs of MAIL_JOB_SIZE right after its commit).
 */
const BATCHES = [10, 100, 250];
const BATCH = 500;
/** Mails rendered between two turns of the event loop (see fanOut). */
const RENDER_SLICE = 25;

/**
 * Sends a gathering's invitation, update or cancellation: one mail per person, each with their
 * own answer links and the .ics. Every mail is recorded once per (gathering, version, kind) and
 * recipient, so a fan-out that runs again (a retried or restarted job) adds nobody twice.
 */
@Injectable()
export class GatheringMailService {
  private readonly logger = new Logger('Gatherings');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly networks: NetworksService,
    private readonly rsvp: RsvpService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** What a gathering's mails to one person say: the gathering, their name and their own answer links. */
  private mailFields(g: GatheringEntity, p: Pick<Recipient, 'userId' | 'name'>) {
    return {
      title: g.title,
      theme: g.theme,
      agenda: g.agenda,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      place: g.place,
      videoUrl: g.videoUrl,
      name: p.name,
      yesUrl: this.rsvp.answerUrl(g.id, p.userId, 'ja'),
      noUrl: this.rsvp.answerUrl(g.id, p.userId, 'nei'),
    };
  }

  purpose(job: FanOutJob) {
    return `gathering:${job.gatheringId}:${job.sequence}:${job.kind}`;
  }

  /**
   * How many people a cancellation would tell by e-mail: none for a gathering not sent out (or
   * already cancelled), else the cancellation's own recipients, so the number asked is the number told.
   */
  async cancelReach(g: GatheringEntity): Promise<number> {
    return g.status === GatheringStatus.PUBLISHED ? (await this.recipients(g, 'cancel')).length : 0;
  }

  async recipients(g: GatheringEntity, kind: FanOutJob['kind']): Promise<Recipient[]> {
    const members = await this.networks.recipients(g.areaId, g.audience);
    if (kind === 'invite') return members;
    // Changes and cancellations reach everyone who was invited or answered.
    const answered: { id: string; email: string; name: string; language: string; agency_id: string | null }[] = await this.ds.query(
      `SELECT u.id, u.email, u.name, u.language, u.agency_id FROM gathering_rsvp r JOIN user_directory u ON u.id = r.user_id WHERE r.gathering_id = $1`,
      [g.id],
    );
    const all = new Map(members.map((m) => [m.userId, m]));
    for (const a of answered)
      if (!all.has(a.id)) all.set(a.id, { userId: a.id, email: a.email, name: a.name, language: a.language, agencyId: a.agency_id });
    return [...all.values()];
  }

  /**
   * Reminders to those who said yes, `reminderDays` before (the network's setting), and a nudge
   * to those who have not answered, twice as long before. Each goes once per gathering and
   * person, however often the sweep runs (at `now`, the clock's time when the sweep starts).
   */
  async sendDueReminders(now: Date): Promise<{ reminders: number; nudges: number }> {
    // The networks' notice (the shortest of those a gathering is for), as the networks module keeps it.
    const notice = await this.networks.reminderSettings();
    const due: { id: string; reminder_days: number }[] = await this.ds.query(
      `SELECT g.id, g.reminder_days FROM (
         SELECT g.id, g.starts_at, min(n.reminder_days) AS reminder_days FROM gathering g
           JOIN unnest($2::uuid[], $3::text[], $4::int[]) AS n(area_id, kind, reminder_days)
             ON n.area_id = g.area_id AND (g.audience::text = 'BOTH' OR n.kind = g.audience::text)
          WHERE g.status = 'PUBLISHED' AND g.starts_at > $1
          GROUP BY g.id, g.starts_at) g
        WHERE g.starts_at <= $1::timestamptz + make_interval(days => 2 * g.reminder_days)`,
      [now, notice.map((n) => n.areaId), notice.map((n) => n.kind), notice.map((n) => n.reminderDays)],
    );
    let reminders = 0;
    let nudges = 0;
    for (const d of due) {
      const g = await this.ds.getRepository(GatheringEntity).findOneByOrFail({ id: d.id });
      const remind = g.startsAt.getTime() <= now.getTime() + d.reminder_days * 86_400_000;
      const answered: { user_id: string; state: string }[] = await this.ds.query(
        `SELECT user_id, state FROM gathering_rsvp WHERE gathering_id = $1`,
        [g.id],
      );
      const byUser = new Map(answered.map((a) => [a.user_id, a.state]));
      const people = await this.networks.recipients(g.areaId, g.audience);
      type Kind = 'reminder' | 'nudge';
      const purposeOf = (kind: Kind) => `gathering:${g.id}:${kind}`;
      const sentBefore = await this.mail.recipientsByPurpose([purposeOf('reminder'), purposeOf('nudge')]);
      const targets = people
        .map((p) => ({
          p,
          kind: (byUser.get(p.userId) === 'YES' ? (remind ? 'reminder' : null) : byUser.has(p.userId) ? null : 'nudge') as Kind | null,
        }))
        .filter(
          (x): x is { p: Recipient; kind: Kind } => x.kind !== null && !sentBefore.get(purposeOf(x.kind))?.has(x.p.email.toLowerCase()),
        );
      const ids = await this.ds.transaction(async (m) => {
        const out: string[] = [];
        for (const { p, kind } of targets) {
          const lang = mailLanguage(p.language);
          const rendered = reminderMail(lang, kind, this.mailFields(g, p));
          out.push(await this.mail.record({ ...rendered, purpose: purposeOf(kind), to: p.email }, m));
          if (kind === 'reminder') reminders++;
          else nudges++;
        }
        return out;
      });
      await this.mail.dispatch(ids);
    }
    return { reminders, nudges };
  }

  async fanOut(job: FanOutJob, progress?: (pct: number) => Promise<void>): Promise<{ recorded: number; skipped?: string }> {
    const g = await this.ds.getRepository(GatheringEntity).findOne({ where: { id: job.gatheringId } });
    if (!g) return { recorded: 0, skipped: 'gathering deleted' };
    if (job.kind !== 'cancel' && (g.status !== GatheringStatus.PUBLISHED || g.sequence !== job.sequence))
      return { recorded: 0, skipped: 'superseded by a newer version' };
    const recipients = await this.recipients(g, job.kind);
    const organizer = (await this.networks.organizer(g.areaId)) ?? { name: 'Lærenett', email: 'noreply@laerenett.no' };
    const purpose = this.purpose(job);
    const done = await this.mail.recipientsOf(purpose);
    // What every mail shares is built once: the calendar file (each attendee's line filled in) and the texts' common parts.
    const kindMethod = job.kind === 'cancel' ? 'CANCEL' : 'REQUEST';
    const ics = gatheringIcsForEach(
      [
        {
          id: g.id,
          sequence: g.sequence,
          cancelled: job.kind === 'cancel',
          title: g.title,
          description: [g.theme, g.agenda].filter(Boolean).join('\n\n'),
          location: g.place || g.videoUrl,
          url: `${this.config.app.publicUrl}/samlinger/${g.id}`,
          startsAt: g.startsAt,
          endsAt: g.endsAt,
        },
      ],
      { method: kindMethod, organizer },
      this.clock.now(),
    );
    const calendar = {
      filename: job.kind === 'cancel' ? 'avlyst.ics' : 'invitasjon.ics',
      contentType: `text/calendar; charset=utf-8; method=${kindMethod}`,
    };
    const todo = recipients.filter((r) => !done.has(r.email.trim().toLowerCase()));
    let recorded = 0;
    for (let i = 0, n = 0; i < todo.length; i += BATCHES[n++] ?? BATCH) {
      const batch = todo.slice(i, i + (BATCHES[n] ?? BATCH));
      const mails: MailRequest[] = [];
      for (const r of batch) {
        // The mails already queued are being delivered from this process too, over SMTP's many
        // round trips: a pause every few mails lets their answers in (one batch built in one go
        // held each of them up for its whole length, and the first mail for over a second).
        if (mails.length > 0 && mails.length % RENDER_SLICE === 0) await turn();
        mails.push({
          ...gatheringMail(mailLanguage(r.language), job.kind, this.mailFields(g, r)),
          purpose,
          to: r.email,
          attachments: [{ ...calendar, content: Buffer.from(ics({ name: r.name, email: r.email })) }],
        });
      }
      const ids = await this.ds.transaction((m) => this.mail.recordMany(mails, m));
      await this.mail.dispatch(ids);
      recorded += ids.length;
      await progress?.(Math.round(((i + batch.length) / todo.length) * 100));
    }
    // Mails recorded by an earlier, interrupted run but never queued are queued now.
    await this.mail.dispatchPending(purpose);
    this.logger.log(`${job.kind} for gathering ${g.id} v${job.sequence}: ${recorded} new mails, ${recipients.length} recipients`);
    return { recorded };
  }
}
