import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, RsvpState, seatFor } from '@laerenett/shared-domain';
import { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { loaderByKey } from '../../common/loaders';
import type { Actor } from '../../common/request-context';
import { sign, verify } from '../../common/tokens';
import { MailService } from '../mail/mail.service';
import { MailLanguage } from '../mail/templates/render';
import { NetworksService } from '../networks/networks.service';
import { AnswerInput } from './dto/gathering.inputs';
import { GatheringEntity, GatheringStatus } from './entities/gathering.entity';
import { GatheringRsvpEntity } from './entities/gathering-rsvp.entity';
import { GatheringsException } from './gatherings.exception';
import { GatheringsService } from './gatherings.service';
import { promotedMail } from './templates/gathering-mails';

const badToken = () =>
  new GatheringsException(
    ErrorCode.INVALID_TOKEN,
    'The answer link is not valid. Use the link in the newest invitation, or answer in Lærenett.',
  );

@Injectable()
export class RsvpService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly networks: NetworksService,
    private readonly gatherings: GatheringsService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** Per-request loader: the answers to each gathering, counted. */
  readonly countsByGathering = loaderByKey<string, { yes: number; no: number; waitlist: number; checkedIn: number }>(
    async (ids) => {
      const rows: { gathering_id: string; yes: number; no: number; waitlist: number; checked_in: number }[] = await this.ds.query(
        `SELECT gathering_id, count(*) FILTER (WHERE state = 'YES')::int AS yes, count(*) FILTER (WHERE state = 'NO')::int AS no,
                count(*) FILTER (WHERE state = 'WAITLIST')::int AS waitlist, count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS checked_in
           FROM gathering_rsvp WHERE gathering_id = ANY($1::uuid[]) GROUP BY gathering_id`,
        [ids],
      );
      return new Map(rows.map((r) => [r.gathering_id, { yes: r.yes, no: r.no, waitlist: r.waitlist, checkedIn: r.checked_in }]));
    },
    () => ({ yes: 0, no: 0, waitlist: 0, checkedIn: 0 }),
  );

  /** The signed link a member answers with, without signing in. */
  answerToken(gatheringId: string, userId: string): string {
    return sign(this.config.auth.secret, `rsvp.${gatheringId}.${userId}`);
  }

  answerUrl(gatheringId: string, userId: string, answer: 'ja' | 'nei'): string {
    return `${this.config.app.publicUrl}/svar/${encodeURIComponent(this.answerToken(gatheringId, userId))}?svar=${answer}`;
  }

  private readToken(token: string): { gatheringId: string; userId: string } {
    const payload = typeof token === 'string' && token.length < 300 ? verify(this.config.auth.secret, token) : null;
    const m = payload ? /^rsvp\.([0-9a-f-]{36})\.([0-9a-f-]{36})$/.exec(payload) : null;
    if (!m) throw badToken();
    return { gatheringId: m[1], userId: m[2] };
  }

  private async isInvitee(g: GatheringEntity, userId: string): Promise<{ agencyId: string | null } | null> {
    // One person, not the whole audience: this runs on every answer.
    const [r] = await this.networks.recipients(g.areaId, g.audience, userId);
    if (r) return { agencyId: r.agencyId };
    const had: { agency_id: string | null }[] = await this.ds.query(
      `SELECT agency_id FROM gathering_rsvp WHERE gathering_id = $1 AND user_id = $2`,
      [g.id, userId],
    );
    return had[0] ? { agencyId: had[0].agency_id } : null;
  }

  async answerAsUser(actor: Actor, gatheringId: string, input: AnswerInput): Promise<GatheringRsvpEntity> {
    const g = await this.gatherings.get(actor, gatheringId);
    return this.answer(g.id, actor.id, input);
  }

  async answerByToken(token: string, input: AnswerInput): Promise<GatheringRsvpEntity> {
    const { gatheringId, userId } = this.readToken(token);
    return this.answer(gatheringId, userId, input);
  }

  async view(token: string) {
    const { gatheringId, userId } = this.readToken(token);
    const g = await this.ds.getRepository(GatheringEntity).findOne({ where: { id: gatheringId } });
    if (!g) throw badToken();
    const [user] = await this.ds.query(`SELECT name FROM user_directory WHERE id = $1`, [userId]);
    const r = await this.ds.getRepository(GatheringRsvpEntity).findOne({ where: { gatheringId, userId } });
    if (!user) throw badToken();
    return {
      gatheringId,
      title: g.title,
      theme: g.theme,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      place: g.place,
      videoUrl: g.videoUrl,
      personName: user.name as string,
      status: g.status,
      state: r?.state ?? null,
    };
  }

  /**
   * Records an answer. Answers to one gathering are serialised (row lock on the gathering), so
   * the capacity is never exceeded however many answer at once. Saying no frees a seat for the
   * first on the waitlist, who is told by mail.
   */
  async answer(gatheringId: string, userId: string, input: AnswerInput): Promise<GatheringRsvpEntity> {
    const g0 = await this.ds.getRepository(GatheringEntity).findOne({ where: { id: gatheringId } });
    if (!g0) throw new GatheringsException(ErrorCode.NOT_FOUND, 'The gathering was not found');
    const invitee = await this.isInvitee(g0, userId);
    if (!invitee) throw new GatheringsException(ErrorCode.FORBIDDEN, 'You are not invited to this gathering');
    const { saved, mailIds } = await this.ds.transaction(async (m) => {
      const [g] = (await m.query(
        `SELECT id, status, starts_at, ends_at, capacity, seats_per_agency FROM gathering WHERE id = $1 FOR UPDATE`,
        [gatheringId],
      )) as {
        id: string;
        status: GatheringStatus;
        starts_at: Date;
        ends_at: Date;
        capacity: number | null;
        seats_per_agency: number | null;
      }[];
      if (g.status !== GatheringStatus.PUBLISHED)
        throw new GatheringsException(
          ErrorCode.CONFLICT,
          g.status === GatheringStatus.CANCELLED ? 'The gathering is cancelled' : 'The gathering is not open for answers yet',
        );
      if (new Date(g.ends_at).getTime() < this.clock.ms())
        throw new GatheringsException(ErrorCode.CONFLICT, 'The gathering is over; answers are closed');
      const repo = m.getRepository(GatheringRsvpEntity);
      const existing = await repo.findOne({ where: { gatheringId, userId } });
      const needs = { accessibilityNeeds: input.accessibilityNeeds.trim(), dietaryNeeds: input.dietaryNeeds.trim() };
      let state: RsvpState;
      if (input.answer === 'YES') {
        if (existing && existing.state !== RsvpState.NO) state = existing.state;
        else {
          const [{ taken, by_agency }] = await m.query(
            `SELECT count(*)::int AS taken, count(*) FILTER (WHERE agency_id IS NOT DISTINCT FROM $2)::int AS by_agency FROM gathering_rsvp WHERE gathering_id = $1 AND state = 'YES'`,
            [gatheringId, invitee.agencyId],
          );
          state = seatFor({ capacity: g.capacity, seatsPerAgency: g.seats_per_agency, taken, takenByAgency: by_agency });
        }
      } else state = RsvpState.NO;
      const keepOrder = existing && existing.state === state;
      await repo.save({
        gatheringId,
        userId,
        agencyId: invitee.agencyId,
        state,
        ...needs,
        answeredAt: keepOrder ? existing.answeredAt : this.clock.now(),
        checkedInAt: existing?.checkedInAt ?? null,
      });
      const mailIds =
        existing?.state === RsvpState.YES && state === RsvpState.NO
          ? await this.promote(m, gatheringId, g.capacity, g.seats_per_agency)
          : [];
      return { saved: await repo.findOneByOrFail({ gatheringId, userId }), mailIds };
    });
    await this.mail.dispatch(mailIds);
    return saved;
  }

  /** Gives free seats to the waitlist in the order people answered, within the per-agency limit. */
  private async promote(m: EntityManager, gatheringId: string, capacity: number | null, perAgency: number | null): Promise<string[]> {
    const g = await m.findOneByOrFail(GatheringEntity, { id: gatheringId });
    const waiting: { user_id: string; agency_id: string | null; email: string; name: string; language: string }[] = await m.query(
      `SELECT r.user_id, r.agency_id, u.email, u.name, u.language FROM gathering_rsvp r JOIN user_directory u ON u.id = r.user_id
        WHERE r.gathering_id = $1 AND r.state = 'WAITLIST' ORDER BY r.answered_at, r.user_id`,
      [gatheringId],
    );
    const mailIds: string[] = [];
    for (const w of waiting) {
      const [{ taken, by_agency }] = await m.query(
        `SELECT count(*)::int AS taken, count(*) FILTER (WHERE agency_id IS NOT DISTINCT FROM $2)::int AS by_agency FROM gathering_rsvp WHERE gathering_id = $1 AND state = 'YES'`,
        [gatheringId, w.agency_id],
      );
      if (capacity !== null && taken >= capacity) break;
      if (seatFor({ capacity, seatsPerAgency: perAgency, taken, takenByAgency: by_agency }) !== RsvpState.YES) continue;
      await m.update(GatheringRsvpEntity, { gatheringId, userId: w.user_id }, { state: RsvpState.YES, answeredAt: this.clock.now() });
      const rendered = promotedMail(w.language as MailLanguage, {
        title: g.title,
        startsAt: g.startsAt,
        endsAt: g.endsAt,
        place: g.place,
        name: w.name,
      });
      mailIds.push(
        await this.mail.record({ ...rendered, purpose: `gathering:${gatheringId}:promoted:${this.clock.ms()}`, to: w.email }, m),
      );
    }
    return mailIds;
  }

  async list(actor: Actor, gatheringId: string) {
    const g = await this.gatherings.get(actor, gatheringId);
    if (!(await this.networks.canRunNetwork(actor, g.areaId, g.audience)))
      throw new GatheringsException(ErrorCode.FORBIDDEN, 'Only the network leads and the ministry coordinator see the answers');
    const rows: {
      user_id: string;
      name: string;
      agency_name: string | null;
      state: RsvpState;
      answered_at: Date;
      checked_in_at: Date | null;
    }[] = await this.ds.query(
      `SELECT r.user_id, u.name, a.name AS agency_name, r.state, r.answered_at, r.checked_in_at FROM gathering_rsvp r JOIN user_directory u ON u.id = r.user_id LEFT JOIN agency_directory a ON a.id = r.agency_id
        WHERE r.gathering_id = $1 ORDER BY r.state, r.answered_at`,
      [gatheringId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      agencyName: r.agency_name,
      state: r.state,
      answeredAt: r.answered_at,
      checkedInAt: r.checked_in_at,
    }));
  }

  /**
   * Accessibility and dietary needs, for planning: counted per need, without names — needs can
   * be health information, which stays with the person and their own agency.
   */
  async needs(actor: Actor, gatheringId: string): Promise<string[]> {
    const g = await this.gatherings.get(actor, gatheringId);
    if (!(await this.networks.canRunNetwork(actor, g.areaId, g.audience)))
      throw new GatheringsException(ErrorCode.FORBIDDEN, 'Only the network leads and the ministry coordinator see the needs');
    const rows: { need: string; n: number }[] = await this.ds.query(
      `SELECT need, count(*)::int AS n FROM (
         SELECT lower(trim(accessibility_needs)) AS need FROM gathering_rsvp WHERE gathering_id = $1 AND state = 'YES' AND trim(accessibility_needs) <> ''
         UNION ALL SELECT lower(trim(dietary_needs)) FROM gathering_rsvp WHERE gathering_id = $1 AND state = 'YES' AND trim(dietary_needs) <> '') x
       GROUP BY need ORDER BY n DESC, need`,
      [gatheringId],
    );
    return rows.map((r) => `${r.need} (${r.n})`);
  }

  async checkIn(actor: Actor, gatheringId: string, userId: string, present: boolean) {
    const g = await this.gatherings.get(actor, gatheringId);
    if (!(await this.networks.canRunNetwork(actor, g.areaId, g.audience)))
      throw new GatheringsException(ErrorCode.FORBIDDEN, 'Only the network leads and the ministry coordinator check people in');
    const invitee = await this.isInvitee(g, userId);
    if (!invitee) throw new GatheringsException(ErrorCode.NOT_FOUND, 'The person is not invited to this gathering');
    await this.ds.query(
      `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at) VALUES ($1, $2, $3, 'YES', now(), $4)
       ON CONFLICT (gathering_id, user_id) DO UPDATE SET checked_in_at = EXCLUDED.checked_in_at`,
      [gatheringId, userId, invitee.agencyId, present ? this.clock.now() : null],
    );
    return this.ds.getRepository(GatheringRsvpEntity).findOneByOrFail({ gatheringId, userId });
  }

  /** The link shown at the gathering: attendees who open it (signed in) are checked in. */
  checkInUrl(gatheringId: string): string {
    return `${this.config.app.publicUrl}/innsjekk/${encodeURIComponent(sign(this.config.auth.secret, `checkin.${gatheringId}`))}`;
  }

  async checkInLink(actor: Actor, gatheringId: string): Promise<string | null> {
    const g = await this.gatherings.get(actor, gatheringId);
    return (await this.networks.canRunNetwork(actor, g.areaId, g.audience)) ? this.checkInUrl(g.id) : null;
  }

  /** Checks the signed-in person in with the gathering's code, on the day (two hours either side). */
  async checkInWithCode(actor: Actor, code: string): Promise<GatheringRsvpEntity> {
    const payload = typeof code === 'string' && code.length < 200 ? verify(this.config.auth.secret, code) : null;
    const m = payload ? /^checkin\.([0-9a-f-]{36})$/.exec(payload) : null;
    if (!m) throw new GatheringsException(ErrorCode.INVALID_TOKEN, 'The check-in code is not valid; ask the organisers for the link');
    const g = await this.gatherings.get(actor, m[1]);
    const now = this.clock.ms();
    if (g.status !== GatheringStatus.PUBLISHED || now < g.startsAt.getTime() - 2 * 3600_000 || now > g.endsAt.getTime() + 2 * 3600_000) {
      throw new GatheringsException(ErrorCode.CONFLICT, 'Check-in is open on the day of the gathering only');
    }
    const invitee = await this.isInvitee(g, actor.id);
    if (!invitee) throw new GatheringsException(ErrorCode.FORBIDDEN, 'You are not invited to this gathering');
    await this.ds.query(
      `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at) VALUES ($1, $2, $3, 'YES', now(), now())
       ON CONFLICT (gathering_id, user_id) DO UPDATE SET checked_in_at = coalesce(gathering_rsvp.checked_in_at, now())`,
      [g.id, actor.id, invitee.agencyId],
    );
    return this.ds.getRepository(GatheringRsvpEntity).findOneByOrFail({ gatheringId: g.id, userId: actor.id });
  }

  async mine(actor: Actor, gatheringId: string) {
    return this.ds.getRepository(GatheringRsvpEntity).findOne({ where: { gatheringId, userId: actor.id } });
  }
}
