import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { eligible, ErrorCode, isIsoDate, proposeStaffing, Role, StaffingHelper, StaffingShift } from '@laerenett/shared-domain';
import { isAdmin } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { MailLanguage } from '../mail/templates/render';
import {
  AcceptStaffingInput,
  AttendanceInput,
  DecideSignupInput,
  PoolEventInput,
  PoolHelperInput,
  ReviewPoolEventInput,
} from './dto/pooling.inputs';
import { EventShiftEntity } from './entities/event-shift.entity';
import { PoolHelperEntity } from './entities/pool-helper.entity';
import { PooledEventEntity, PoolEventStatus } from './entities/pooled-event.entity';
import { ShiftSignupEntity, SignupOrigin, SignupState } from './entities/shift-signup.entity';
import {
  PoolAssigneeModel,
  PoolEventModel,
  PoolRecordModel,
  PoolShiftModel,
  ShiftSignupModel,
  StaffingProposalModel,
} from './models/pooling.models';
import { PoolingException } from './pooling.exception';
import { approvalNeededMail, decisionMail, newPoolEventMail, returnedPoolEventMail } from './templates/pool-mails';

const eventNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The event was not found, or you do not have access to it');
const shiftNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The shift was not found, or you do not have access to it');
const signupNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The sign-up was not found, or you do not have access to it');
const invalid = (field: string, message: string) =>
  new PoolingException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });
const conflict = (reason: string, message: string) => new PoolingException(ErrorCode.CONFLICT, message, { reason });

/** Default cap of pool work per month for apprentices who have not set their own. */
export const DEFAULT_HOURS_PER_MONTH = 16;
const ACTIVE = [SignupState.PENDING, SignupState.APPROVED];
/** An event can be changed (and sent in again) while it waits for review or after it was sent back. */
const EDITABLE = [PoolEventStatus.SUBMITTED, PoolEventStatus.RETURNED];
/** An apprentice user's trade: from their active apprenticeship in their agency (matched by e-mail). */
const APPRENTICE_TRADE = `(SELECT p.trade_id FROM apprentice p WHERE p.user_id = u.id AND p.status = 'ACTIVE') AS trade_id`;
const minutes = (d: Date) => Math.floor(d.getTime() / 60_000);
const osloDate = (d: Date) => todayInOslo(d);
const osloMonth = (d: Date) => todayInOslo(d).slice(0, 7);

interface ApprenticeUser {
  id: string;
  name: string;
  email: string;
  language: string;
  agency_id: string;
  area_id: string;
  trade_id: string | null;
  agency_name: string;
}

type Lang = MailLanguage;
const lang = (l: string): Lang => (l === 'en' ? 'en' : 'nb');

@Injectable()
export class PoolingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  private url(path: string) {
    return `${this.config.app.publicUrl}${path}`;
  }

  // ——— Who may do what ———

  private isMinistryOf(actor: Actor, areaId: string) {
    return isAdmin(actor) || (actor.role === Role.MINISTRY_COORDINATOR && actor.areaId === areaId);
  }

  private canSeeEvent(actor: Actor, e: PooledEventEntity) {
    if (this.isMinistryOf(actor, e.areaId)) return true;
    if (actor.areaId !== e.areaId) return false;
    if (e.status === PoolEventStatus.APPROVED) return true;
    return actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === e.agencyId;
  }

  private canManageEvent(actor: Actor, e: PooledEventEntity) {
    return this.isMinistryOf(actor, e.areaId) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === e.agencyId);
  }

  private canEditEvent(actor: Actor, e: PooledEventEntity) {
    return this.canManageEvent(actor, e) && EDITABLE.includes(e.status);
  }

  /** The host (or the ministry) writes the feedback once the event is in the pool and its first shift has begun. */
  private canGiveFeedback(actor: Actor, e: PooledEventEntity, firstShiftStart: Date | null) {
    return (
      this.canManageEvent(actor, e) &&
      e.status === PoolEventStatus.APPROVED &&
      firstShiftStart !== null &&
      firstShiftStart.getTime() <= Date.now()
    );
  }

  /** A coordinator of the area may put apprentices on a shift of the pool that has not begun (whom: see mayAssign). */
  private canAssignTo(actor: Actor, e: PooledEventEntity, startsAt: Date) {
    const coordinator =
      this.isMinistryOf(actor, e.areaId) || (actor.role === Role.AGENCY_COORDINATOR && !!actor.agencyId && actor.areaId === e.areaId);
    return coordinator && e.status === PoolEventStatus.APPROVED && Date.now() < startsAt.getTime();
  }

  /** An agency assigns its own apprentices; the ministry those of its area. */
  private mayAssign(actor: Actor, u: { agency_id: string; area_id: string }) {
    return this.isMinistryOf(actor, u.area_id) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === u.agency_id);
  }

  private async apprentice(m: EntityManager, userId: string): Promise<ApprenticeUser | null> {
    const rows: ApprenticeUser[] = await m.query(
      `SELECT u.id, u.name, u.email, u.language, u.agency_id, u.area_id, a.name AS agency_name,
              ${APPRENTICE_TRADE}
         FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1 AND u.role = 'APPRENTICE'`,
      [userId],
    );
    return rows[0] ?? null;
  }

  // ——— Events ———

  private async checkEventInput(actor: Actor, input: PoolEventInput): Promise<{ agencyId: string; areaId: string }> {
    const agencyId = input.agencyId ?? actor.agencyId;
    if (!agencyId) throw invalid('agencyId', 'Choose the agency that holds the event');
    const [agency] = (await this.ds.query(`SELECT id, area_id FROM agency WHERE id = $1`, [agencyId])) as { id: string; area_id: string }[];
    if (!agency) throw invalid('agencyId', 'Choose one of the agencies of your ministry area');
    const own = actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === agency.id;
    if (!own && !this.isMinistryOf(actor, agency.area_id)) {
      if (actor.areaId !== agency.area_id && !isAdmin(actor))
        throw new PoolingException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to it');
      throw new PoolingException(
        ErrorCode.FORBIDDEN,
        'An agency registers its own events; the ministry may register for any agency of its area',
      );
    }
    for (const f of ['startsOn', 'endsOn'] as const)
      if (!isIsoDate(input[f])) throw invalid(f, `${input[f]} is not a date in the calendar`);
    if (input.endsOn < input.startsOn) throw invalid('endsOn', 'The event cannot end before it starts');
    const deadline = new Date(input.signupDeadline);
    let first = Number.POSITIVE_INFINITY;
    input.shifts.forEach((s, i) => {
      const start = new Date(s.startsAt);
      const end = new Date(s.endsAt);
      if (end <= start) throw invalid(`shifts.${i}.endsAt`, 'A shift must end after it starts');
      if (end.getTime() - start.getTime() > 24 * 3_600_000) throw invalid(`shifts.${i}.endsAt`, 'A shift can last at most 24 hours');
      if (osloDate(start) < input.startsOn || osloDate(start) > input.endsOn)
        throw invalid(`shifts.${i}.startsAt`, 'Every shift must start within the dates of the event');
      first = Math.min(first, start.getTime());
    });
    if (deadline.getTime() > first) throw invalid('signupDeadline', 'The sign-up deadline must be before the first shift starts');
    if (deadline.getTime() <= Date.now()) throw invalid('signupDeadline', 'The sign-up deadline has already passed; choose a later one');
    const trades = [...new Set(input.shifts.flatMap((s) => s.tradeIds.map((t) => t.toLowerCase())))];
    if (trades.length) {
      const found: { id: string }[] = await this.ds.query(`SELECT id FROM trade WHERE id = ANY($1::uuid[])`, [trades]);
      if (found.length !== trades.length) throw invalid('tradeIds', 'A trade chosen for a shift does not exist');
    }
    return { agencyId: agency.id, areaId: agency.area_id };
  }

  private async writeShifts(m: EntityManager, eventId: string, input: PoolEventInput) {
    await m.getRepository(EventShiftEntity).insert(
      input.shifts.map((s) => ({
        eventId,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        tasks: s.tasks.trim(),
        places: s.places,
        tradeIds: s.tradeIds.map((t) => t.toLowerCase()),
        competenceGoals: s.competenceGoals.trim(),
      })),
    );
  }

  async register(actor: Actor, input: PoolEventInput): Promise<PoolEventModel> {
    const { agencyId, areaId } = await this.checkEventInput(actor, input);
    const id = await this.ds.transaction(async (m) => {
      const e = await m.getRepository(PooledEventEntity).save({
        areaId,
        agencyId,
        createdByUserId: actor.id,
        title: input.title.trim(),
        kind: input.kind,
        place: input.place.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        description: input.description.trim(),
        signupDeadline: new Date(input.signupDeadline),
        status: PoolEventStatus.SUBMITTED,
      });
      await this.writeShifts(m, e.id, input);
      return e.id;
    });
    return this.event(actor, id);
  }

  /** Changes an event that is not yet in the pool (its shifts are replaced) and sends it in again. */
  async update(actor: Actor, eventId: string, input: PoolEventInput): Promise<PoolEventModel> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id: eventId } });
    if (!e || !this.canSeeEvent(actor, e)) throw eventNotFound();
    if (!this.canManageEvent(actor, e))
      throw new PoolingException(ErrorCode.FORBIDDEN, 'Only the agency holding the event, or the ministry, can change it');
    if (!this.canEditEvent(actor, e))
      throw conflict('IN_POOL', 'The event is already in the pool (or cancelled); it can no longer be changed');
    const { agencyId } = await this.checkEventInput(actor, { ...input, agencyId: input.agencyId ?? e.agencyId });
    await this.ds.transaction(async (m) => {
      await m.getRepository(PooledEventEntity).update(
        { id: e.id },
        {
          agencyId,
          title: input.title.trim(),
          kind: input.kind,
          place: input.place.trim(),
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          description: input.description.trim(),
          signupDeadline: new Date(input.signupDeadline),
          status: PoolEventStatus.SUBMITTED,
        },
      );
      await m.getRepository(EventShiftEntity).delete({ eventId: e.id });
      await this.writeShifts(m, e.id, input);
    });
    return this.event(actor, e.id);
  }

  async review(actor: Actor, input: ReviewPoolEventInput): Promise<PoolEventModel> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id: input.eventId } });
    if (!e || !this.canSeeEvent(actor, e)) throw eventNotFound();
    if (!this.isMinistryOf(actor, e.areaId))
      throw new PoolingException(ErrorCode.FORBIDDEN, "Only the ministry area's coordinator approves events into the pool");
    if (e.status !== PoolEventStatus.SUBMITTED && e.status !== PoolEventStatus.RETURNED)
      throw conflict('NOT_SUBMITTED', 'Only an event waiting for review can be approved or sent back');
    if (!input.approve && input.comment.trim().length < 2)
      throw invalid('comment', 'Say what should be changed when you send an event back');
    const reviewedAt = new Date();
    const mailIds = await this.ds.transaction(async (m) => {
      const changed = await m
        .createQueryBuilder()
        .update(PooledEventEntity)
        .set({
          status: input.approve ? PoolEventStatus.APPROVED : PoolEventStatus.RETURNED,
          reviewComment: input.comment.trim(),
          reviewedAt,
        })
        .where('id = :id AND status IN (:...from)', { id: e.id, from: [PoolEventStatus.SUBMITTED, PoolEventStatus.RETURNED] })
        .execute();
      if (!changed.affected) throw conflict('NOT_SUBMITTED', 'The event was reviewed by someone else just now');
      const ids: string[] = [];
      if (input.approve) {
        // Agencies are told of new events in the pool: every agency coordinator of the area.
        const people: { email: string; name: string; language: string }[] = await m.query(
          `SELECT u.email, u.name, u.language FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE a.area_id = $1 AND u.role = 'AGENCY_COORDINATOR'`,
          [e.areaId],
        );
        const [agency] = (await m.query(`SELECT name FROM agency WHERE id = $1`, [e.agencyId])) as { name: string }[];
        for (const p of people) {
          ids.push(
            await this.mail.record(
              {
                ...newPoolEventMail(lang(p.language), {
                  name: p.name,
                  title: e.title,
                  agency: agency.name,
                  startsOn: e.startsOn,
                  url: this.url(`/arrangementer/${e.id}`),
                }),
                purpose: `pool-event:${e.id}:approved`,
                to: p.email,
              },
              m,
            ),
          );
        }
      } else if (e.createdByUserId) {
        const [creator] = (await m.query(`SELECT email, name, language FROM app_user WHERE id = $1`, [e.createdByUserId])) as {
          email: string;
          name: string;
          language: string;
        }[];
        if (creator)
          ids.push(
            await this.mail.record(
              {
                ...returnedPoolEventMail(lang(creator.language), {
                  name: creator.name,
                  title: e.title,
                  comment: input.comment.trim(),
                  url: this.url(`/arrangementer/${e.id}`),
                }),
                purpose: `pool-event:${e.id}:returned:${reviewedAt.getTime()}`,
                to: creator.email,
              },
              m,
            ),
          );
      }
      return ids;
    });
    await this.mail.dispatch(mailIds);
    return this.event(actor, e.id);
  }

  async cancel(actor: Actor, eventId: string): Promise<PoolEventModel> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id: eventId } });
    if (!e || !this.canSeeEvent(actor, e)) throw eventNotFound();
    if (!this.canManageEvent(actor, e))
      throw new PoolingException(ErrorCode.FORBIDDEN, 'Only the agency holding the event, or the ministry, can cancel it');
    await this.ds.transaction(async (m) => {
      await m.getRepository(PooledEventEntity).update({ id: e.id }, { status: PoolEventStatus.CANCELLED });
      await m.query(
        `UPDATE shift_signup SET state = 'WITHDRAWN' WHERE state IN ('PENDING', 'APPROVED') AND shift_id IN (SELECT id FROM event_shift WHERE event_id = $1)`,
        [e.id],
      );
    });
    return this.event(actor, e.id);
  }

  async setFeedback(actor: Actor, eventId: string, feedback: string): Promise<PoolEventModel> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id: eventId } });
    if (!e || !this.canSeeEvent(actor, e)) throw eventNotFound();
    if (!this.canManageEvent(actor, e))
      throw new PoolingException(ErrorCode.FORBIDDEN, 'Only the agency holding the event, or the ministry, gives feedback on it');
    const [{ first }] = (await this.ds.query(`SELECT min(starts_at) AS first FROM event_shift WHERE event_id = $1`, [e.id])) as {
      first: Date | null;
    }[];
    if (!this.canGiveFeedback(actor, e, first))
      throw conflict('NOT_HELD', 'Feedback is written once the event is in the pool and its first shift has begun');
    await this.ds.getRepository(PooledEventEntity).update({ id: e.id }, { feedback: feedback.trim() });
    return this.event(actor, e.id);
  }

  async event(actor: Actor, id: string): Promise<PoolEventModel> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id } });
    if (!e || !this.canSeeEvent(actor, e)) throw eventNotFound();
    return (await this.models(actor, [e]))[0];
  }

  async events(actor: Actor, areaIdArg: string | undefined, includePast: boolean): Promise<PoolEventModel[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(this.isMinistryOf(actor, areaId) || actor.areaId === areaId))
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const qb = this.ds
      .getRepository(PooledEventEntity)
      .createQueryBuilder('e')
      .where('e.area_id = :areaId', { areaId })
      .orderBy('e.starts_on', 'ASC')
      .take(300);
    if (!includePast) qb.andWhere('e.ends_on >= :today', { today: osloDate(new Date()) });
    if (!this.isMinistryOf(actor, areaId)) {
      if (actor.role === Role.AGENCY_COORDINATOR)
        qb.andWhere("(e.status = 'APPROVED' OR e.agency_id = :agency)", { agency: actor.agencyId });
      else qb.andWhere("e.status = 'APPROVED'");
    }
    return this.models(actor, await qb.getMany());
  }

  /** Events with their shifts, counts and, for an apprentice, whether each shift is open to them. One query per kind of data. */
  private async models(actor: Actor, events: PooledEventEntity[]): Promise<PoolEventModel[]> {
    if (!events.length) return [];
    const ids = events.map((e) => e.id);
    const [shifts, agencies, counts, mine, trades] = await Promise.all([
      this.ds.query(`SELECT * FROM event_shift WHERE event_id = ANY($1::uuid[]) ORDER BY starts_at`, [ids]) as Promise<
        Record<string, unknown>[]
      >,
      this.ds.query(`SELECT id, name FROM agency WHERE id = ANY($1::uuid[])`, [[...new Set(events.map((e) => e.agencyId))]]) as Promise<
        { id: string; name: string }[]
      >,
      this.ds.query(
        `SELECT s.shift_id, count(*)::int AS n FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id WHERE x.event_id = ANY($1::uuid[]) AND s.state IN ('PENDING', 'APPROVED') GROUP BY s.shift_id`,
        [ids],
      ) as Promise<{ shift_id: string; n: number }[]>,
      actor.role === Role.APPRENTICE
        ? (this.ds.query(
            `SELECT s.id, s.shift_id, s.state FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id WHERE x.event_id = ANY($1::uuid[]) AND s.user_id = $2`,
            [ids, actor.id],
          ) as Promise<{ id: string; shift_id: string; state: SignupState }[]>)
        : Promise.resolve([]),
      this.ds.query(`SELECT id, name_nb, name_en FROM trade`) as Promise<{ id: string; name_nb: string; name_en: string }[]>,
    ]);
    const helper = actor.role === Role.APPRENTICE ? await this.helperFor(this.ds.manager, actor.id) : null;
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    const taken = new Map(counts.map((c) => [c.shift_id, c.n]));
    const mySignup = new Map(mine.map((s) => [s.shift_id, s]));
    const tradeName = new Map(trades.map((t) => [t.id, actor.language === 'en' ? t.name_en : t.name_nb]));
    const now = Date.now();
    const firstStart = new Map<string, Date>();
    for (const s of shifts) if (!firstStart.has(s['event_id'] as string)) firstStart.set(s['event_id'] as string, s['starts_at'] as Date);
    return events.map((e) => ({
      id: e.id,
      areaId: e.areaId,
      agencyId: e.agencyId,
      agencyName: agencyName.get(e.agencyId) ?? '',
      title: e.title,
      kind: e.kind,
      place: e.place,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      description: e.description,
      signupDeadline: e.signupDeadline,
      status: e.status,
      reviewComment: e.reviewComment,
      feedback: e.feedback,
      canManage: this.canManageEvent(actor, e),
      canReview: this.isMinistryOf(actor, e.areaId),
      canEdit: this.canEditEvent(actor, e),
      canGiveFeedback: this.canGiveFeedback(actor, e, firstStart.get(e.id) ?? null),
      shifts: shifts
        .filter((s) => s['event_id'] === e.id)
        .map((s): PoolShiftModel => {
          const id = s['id'] as string;
          const startsAt = s['starts_at'] as Date;
          const endsAt = s['ends_at'] as Date;
          const tradeIds = s['trade_ids'] as string[];
          const places = s['places'] as number;
          const n = taken.get(id) ?? 0;
          const my = mySignup.get(id);
          let eligibility: string | null = null;
          if (helper) {
            const active = my && ACTIVE.includes(my.state);
            const shift: StaffingShift = {
              id,
              start: minutes(startsAt),
              end: minutes(endsAt),
              month: osloMonth(startsAt),
              open: places - n,
              tradeIds,
            };
            if (active) eligibility = 'SIGNED_UP';
            else if (e.status !== PoolEventStatus.APPROVED || now >= e.signupDeadline.getTime() || now >= startsAt.getTime())
              eligibility = 'DEADLINE';
            else if (n >= places) eligibility = 'FULL';
            else if (tradeIds.length && (!helper.tradeId || !tradeIds.includes(helper.tradeId))) eligibility = 'TRADE';
            else if (helper.busy.some((b) => b.start < shift.end && shift.start < b.end)) eligibility = 'CLASH';
            else if (!eligible(helper, shift)) eligibility = 'CAP';
            else eligibility = 'OK';
          }
          return {
            id,
            eventId: e.id,
            startsAt,
            endsAt,
            tasks: s['tasks'] as string,
            places,
            taken: n,
            tradeIds,
            tradeNames: tradeIds.map((t) => tradeName.get(t) ?? ''),
            competenceGoals: s['competence_goals'] as string,
            mySignup: my ? { id: my.id, state: my.state } : null,
            eligibility,
            canAssign: this.canAssignTo(actor, e, startsAt),
          };
        }),
    }));
  }

  // ——— Helpers (apprentices who offered to help) ———

  /** An apprentice as the staffing rules see them: trade, cap, what they are busy with, what they have done. */
  private async helperFor(m: EntityManager, userId: string, excludeShiftId: string | null = null): Promise<StaffingHelper | null> {
    const u = await this.apprentice(m, userId);
    if (!u) return null;
    return (await this.helpers(m, [u], excludeShiftId))[0];
  }

  private async helpers(m: EntityManager, users: ApprenticeUser[], excludeShiftId: string | null = null): Promise<StaffingHelper[]> {
    if (!users.length) return [];
    const ids = users.map((u) => u.id);
    const [caps, booked, gatherings, helped] = await Promise.all([
      m.query(`SELECT user_id, max_hours_per_month FROM pool_helper WHERE user_id = ANY($1::uuid[])`, [ids]) as Promise<
        { user_id: string; max_hours_per_month: number }[]
      >,
      m.query(
        `SELECT s.user_id, s.shift_id, x.starts_at, x.ends_at FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id
          WHERE s.user_id = ANY($1::uuid[]) AND s.state IN ('PENDING', 'APPROVED') AND ($2::uuid IS NULL OR s.shift_id <> $2::uuid)`,
        [ids, excludeShiftId],
      ) as Promise<{ user_id: string; shift_id: string; starts_at: Date; ends_at: Date }[]>,
      m.query(
        `SELECT r.user_id, g.starts_at, g.ends_at FROM gathering_rsvp r JOIN gathering g ON g.id = r.gathering_id
          WHERE r.user_id = ANY($1::uuid[]) AND r.state = 'YES' AND g.status = 'PUBLISHED' AND g.ends_at > now() - interval '1 day'`,
        [ids],
      ) as Promise<{ user_id: string; starts_at: Date; ends_at: Date }[]>,
      m.query(
        `SELECT s.user_id, sum(coalesce(s.hours * 60, extract(epoch FROM x.ends_at - x.starts_at) / 60))::int AS minutes FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id
          WHERE s.user_id = ANY($1::uuid[]) AND s.state = 'APPROVED' AND x.ends_at < now() AND s.attendance IS DISTINCT FROM 'NO_SHOW' GROUP BY s.user_id`,
        [ids],
      ) as Promise<{ user_id: string; minutes: number }[]>,
    ]);
    const cap = new Map(caps.map((c) => [c.user_id, c.max_hours_per_month]));
    const done = new Map(helped.map((h) => [h.user_id, h.minutes]));
    return users.map((u) => {
      const mine = booked.filter((b) => b.user_id === u.id);
      const monthLoad: Record<string, number> = {};
      for (const b of mine)
        monthLoad[osloMonth(b.starts_at)] = (monthLoad[osloMonth(b.starts_at)] ?? 0) + minutes(b.ends_at) - minutes(b.starts_at);
      return {
        id: u.id,
        agencyId: u.agency_id,
        tradeId: u.trade_id,
        capMinutes: (cap.get(u.id) ?? DEFAULT_HOURS_PER_MONTH) * 60,
        busy: [...mine, ...gatherings.filter((g) => g.user_id === u.id)].map((b) => ({
          start: minutes(b.starts_at),
          end: minutes(b.ends_at),
        })),
        monthLoad,
        helpedBefore: done.get(u.id) ?? 0,
        holds: mine.map((b) => b.shift_id),
      };
    });
  }

  async myHelper(actor: Actor) {
    const h = await this.ds.getRepository(PoolHelperEntity).findOne({ where: { userId: actor.id } });
    return { offering: h?.offering ?? false, maxHoursPerMonth: h?.maxHoursPerMonth ?? DEFAULT_HOURS_PER_MONTH };
  }

  async setHelper(actor: Actor, input: PoolHelperInput) {
    await this.ds
      .getRepository(PoolHelperEntity)
      .upsert({ userId: actor.id, offering: input.offering, maxHoursPerMonth: input.maxHoursPerMonth }, ['userId']);
    return this.myHelper(actor);
  }

  // ——— Sign-ups ———

  /**
   * Puts an apprentice on a shift, inside the caller's transaction. The apprentice's row and then
   * the shift's row are locked (always in that order), so concurrent sign-ups never overfill a
   * shift, double-book anyone or go over their cap.
   */
  private async place(
    m: EntityManager,
    userId: string,
    shiftId: string,
    areaOf: string | null,
    state: SignupState,
    origin: SignupOrigin,
    decidedBy: string | null,
  ): Promise<ShiftSignupEntity> {
    await m.query(`SELECT id FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
    const [shift] = (await m.query(
      `SELECT x.id, x.starts_at, x.ends_at, x.places, x.trade_ids, e.area_id, e.status, e.signup_deadline, e.title FROM event_shift x JOIN pooled_event e ON e.id = x.event_id WHERE x.id = $1 FOR UPDATE OF x`,
      [shiftId],
    )) as {
      id: string;
      starts_at: Date;
      ends_at: Date;
      places: number;
      trade_ids: string[];
      area_id: string;
      status: string;
      signup_deadline: Date;
    }[];
    const u = await this.apprentice(m, userId);
    if (!u) throw invalid('userId', 'Only apprentices can be put on a shift');
    if (!shift || shift.status !== PoolEventStatus.APPROVED || shift.area_id !== u.area_id || (areaOf !== null && shift.area_id !== areaOf))
      throw shiftNotFound();
    const now = Date.now();
    if (now >= shift.starts_at.getTime() || (origin === SignupOrigin.SIGNUP && now >= shift.signup_deadline.getTime()))
      throw new PoolingException(ErrorCode.DEADLINE_PASSED, 'The sign-up deadline for this event has passed', {
        deadline: shift.signup_deadline.toISOString(),
      });
    const existing = await m.getRepository(ShiftSignupEntity).findOne({ where: { shiftId, userId } });
    if (existing && ACTIVE.includes(existing.state)) throw conflict('ALREADY_SIGNED_UP', `${u.name} is already on this shift`);
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM shift_signup WHERE shift_id = $1 AND state IN ('PENDING', 'APPROVED')`, [
      shiftId,
    ])) as { n: number }[];
    if (n >= shift.places) throw conflict('FULL', 'The shift is full');
    const helper = (await this.helpers(m, [u], shiftId))[0];
    const s: StaffingShift = {
      id: shiftId,
      start: minutes(shift.starts_at),
      end: minutes(shift.ends_at),
      month: osloMonth(shift.starts_at),
      open: 1,
      tradeIds: shift.trade_ids,
    };
    if (s.tradeIds.length && (!helper.tradeId || !s.tradeIds.includes(helper.tradeId)))
      throw conflict('TRADE', 'The shift is for apprentices in other trades');
    if (helper.busy.some((b) => b.start < s.end && s.start < b.end))
      throw conflict('CLASH', `${u.name} is already booked at that time (another shift, or a gathering they said yes to)`);
    if (!eligible({ ...helper, holds: [] }, s))
      throw conflict('CAP', `That would take ${u.name} over their cap of ${helper.capMinutes / 60} hours of pool work in the month`);
    const values = {
      state,
      origin,
      agencyId: u.agency_id,
      decidedByUserId: decidedBy,
      decidedAt: decidedBy ? new Date() : null,
      decisionNote: '',
      attendance: null,
      hours: null,
    };
    if (existing) {
      await m.getRepository(ShiftSignupEntity).update({ id: existing.id }, values);
      return { ...existing, ...values };
    }
    return m.getRepository(ShiftSignupEntity).save({ shiftId, userId, ...values });
  }

  /** Tells the apprentice's agency that a sign-up waits for approval. */
  private async askApproval(m: EntityManager, signup: ShiftSignupEntity): Promise<string[]> {
    const [info] = (await m.query(
      `SELECT u.name AS apprentice, e.title, x.starts_at FROM shift_signup s JOIN app_user u ON u.id = s.user_id JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id WHERE s.id = $1`,
      [signup.id],
    )) as { apprentice: string; title: string; starts_at: Date }[];
    const leaders: { email: string; name: string; language: string }[] = await m.query(
      `SELECT email, name, language FROM app_user WHERE agency_id = $1 AND role = 'AGENCY_COORDINATOR'`,
      [signup.agencyId],
    );
    const out: string[] = [];
    for (const l of leaders)
      out.push(
        await this.mail.record(
          {
            ...approvalNeededMail(lang(l.language), {
              name: l.name,
              apprentice: info.apprentice,
              title: info.title,
              startsAt: info.starts_at,
              url: this.url('/arrangementer'),
            }),
            purpose: `signup:${signup.id}:approve:${Date.now()}`,
            to: l.email,
          },
          m,
        ),
      );
    return out;
  }

  async signUp(actor: Actor, shiftId: string): Promise<ShiftSignupModel> {
    const { signup, mails } = await this.ds.transaction(async (m) => {
      const signup = await this.place(m, actor.id, shiftId, actor.areaId, SignupState.PENDING, SignupOrigin.SIGNUP, null);
      return { signup, mails: await this.askApproval(m, signup) };
    });
    await this.mail.dispatch(mails);
    return this.signup(actor, signup.id);
  }

  /**
   * A coordinator puts an apprentice on a shift. The apprentice's own agency approves at once;
   * when the ministry assigns, the agency is asked to approve.
   */
  async assign(actor: Actor, shiftId: string, userId: string): Promise<ShiftSignupModel> {
    const u = await this.apprentice(this.ds.manager, userId);
    if (!u || !this.mayAssign(actor, u))
      throw new PoolingException(
        ErrorCode.NOT_FOUND,
        'The apprentice was not found, or is not yours to assign: an agency assigns its own apprentices, the ministry those of the area',
      );
    const own = isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === u.agency_id);
    const { signup, mails } = await this.ds.transaction(async (m) => {
      const signup = await this.place(
        m,
        userId,
        shiftId,
        u.area_id,
        own ? SignupState.APPROVED : SignupState.PENDING,
        SignupOrigin.ASSIGNED,
        own ? actor.id : null,
      );
      return { signup, mails: own ? await this.tellDecision(m, signup.id, true, '') : await this.askApproval(m, signup) };
    });
    await this.mail.dispatch(mails);
    return this.signup(actor, signup.id);
  }

  /** The apprentices the caller may put on a shift by hand, by name. */
  async assignees(actor: Actor, areaIdArg?: string): Promise<PoolAssigneeModel[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId) return [];
    if (!(this.isMinistryOf(actor, areaId) || actor.areaId === areaId))
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const rows: { id: string; name: string; agency_id: string; area_id: string; agency_name: string }[] = await this.ds.query(
      `SELECT u.id, u.name, u.agency_id, u.area_id, a.name AS agency_name FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.role = 'APPRENTICE' AND u.area_id = $1 ORDER BY u.name, a.name LIMIT 2000`,
      [areaId],
    );
    return rows.filter((u) => this.mayAssign(actor, u)).map((u) => ({ userId: u.id, name: u.name, agencyName: u.agency_name }));
  }

  private async tellDecision(m: EntityManager, signupId: string, approved: boolean, note: string): Promise<string[]> {
    const [info] = (await m.query(
      `SELECT u.email, u.name, u.language, e.title, x.starts_at FROM shift_signup s JOIN app_user u ON u.id = s.user_id JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id WHERE s.id = $1`,
      [signupId],
    )) as { email: string; name: string; language: string; title: string; starts_at: Date }[];
    return [
      await this.mail.record(
        {
          ...decisionMail(lang(info.language), {
            name: info.name,
            title: info.title,
            startsAt: info.starts_at,
            approved,
            note,
            url: this.url('/mine-vakter'),
          }),
          purpose: `signup:${signupId}:${approved ? 'approved' : 'declined'}:${Date.now()}`,
          to: info.email,
        },
        m,
      ),
    ];
  }

  private async loadSignup(actor: Actor, id: string) {
    const s = await this.ds.getRepository(ShiftSignupEntity).findOne({ where: { id } });
    if (!s) throw signupNotFound();
    const [ctx] = (await this.ds.query(
      `SELECT e.area_id, e.agency_id AS event_agency_id, e.signup_deadline, x.starts_at, x.ends_at FROM event_shift x JOIN pooled_event e ON e.id = x.event_id WHERE x.id = $1`,
      [s.shiftId],
    )) as {
      area_id: string;
      event_agency_id: string;
      signup_deadline: Date;
      starts_at: Date;
      ends_at: Date;
    }[];
    const mine = actor.id === s.userId;
    const leader = actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === s.agencyId;
    const host = actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === ctx.event_agency_id;
    const ministry = this.isMinistryOf(actor, ctx.area_id);
    if (!mine && !leader && !host && !ministry) throw signupNotFound();
    return { s, ctx, mine, leader, host, ministry };
  }

  /** The apprentice's own agency (the professional leader) approves or declines; the apprentice is told either way. */
  async decide(actor: Actor, input: DecideSignupInput): Promise<ShiftSignupModel> {
    const { s, leader } = await this.loadSignup(actor, input.signupId);
    if (!leader && !isAdmin(actor))
      throw new PoolingException(
        ErrorCode.FORBIDDEN,
        "Apprentices are employees of their own agency: only that agency's coordinator approves their sign-ups",
      );
    const mails = await this.ds.transaction(async (m) => {
      const changed = await m
        .createQueryBuilder()
        .update(ShiftSignupEntity)
        .set({
          state: input.approve ? SignupState.APPROVED : SignupState.DECLINED,
          decidedByUserId: actor.id,
          decidedAt: new Date(),
          decisionNote: input.note.trim(),
        })
        .where('id = :id AND state = :pending', { id: s.id, pending: SignupState.PENDING })
        .execute();
      if (!changed.affected) throw conflict('NOT_PENDING', 'This sign-up has already been decided or withdrawn');
      return this.tellDecision(m, s.id, input.approve, input.note.trim());
    });
    await this.mail.dispatch(mails);
    return this.signup(actor, s.id);
  }

  /** The apprentice withdraws before the deadline; after it, only a coordinator can take them off. */
  async withdraw(actor: Actor, signupId: string): Promise<ShiftSignupModel> {
    const { s, ctx, mine, leader, ministry } = await this.loadSignup(actor, signupId);
    if (!mine && !leader && !ministry)
      throw new PoolingException(ErrorCode.FORBIDDEN, 'Only the apprentice, their agency or the ministry can withdraw a sign-up');
    if (mine && !leader && !ministry && Date.now() >= ctx.signup_deadline.getTime())
      throw new PoolingException(
        ErrorCode.DEADLINE_PASSED,
        'The deadline for withdrawing has passed; ask your agency coordinator to take you off the shift',
        { deadline: ctx.signup_deadline.toISOString() },
      );
    const changed = await this.ds
      .createQueryBuilder()
      .update(ShiftSignupEntity)
      .set({ state: SignupState.WITHDRAWN })
      .where('id = :id AND state IN (:...active)', { id: s.id, active: ACTIVE })
      .execute();
    if (!changed.affected) throw conflict('NOT_ACTIVE', 'This sign-up is not active');
    return this.signup(actor, s.id);
  }

  /** On the day and after: present or no-show, and the hours worked. */
  async attendance(actor: Actor, input: AttendanceInput): Promise<ShiftSignupModel> {
    const { s, ctx, host, ministry } = await this.loadSignup(actor, input.signupId);
    if (!host && !ministry) throw new PoolingException(ErrorCode.FORBIDDEN, 'The agency holding the event records attendance');
    if (s.state !== SignupState.APPROVED) throw conflict('NOT_APPROVED', 'Only approved sign-ups have attendance');
    if (Date.now() < ctx.starts_at.getTime()) throw invalid('attendance', 'Attendance is recorded once the shift has begun');
    const full = (ctx.ends_at.getTime() - ctx.starts_at.getTime()) / 3_600_000;
    const hours = input.attendance === 'NO_SHOW' ? 0 : (input.hours ?? Math.round(full * 100) / 100);
    await this.ds.getRepository(ShiftSignupEntity).update({ id: s.id }, { attendance: input.attendance, hours });
    return this.signup(actor, s.id);
  }

  private readonly SIGNUP_SQL = `SELECT s.id, s.shift_id AS "shiftId", s.user_id AS "userId", u.name, a.name AS "agencyName", s.state, s.origin, s.attendance, s.hours::float AS hours, s.decision_note AS "decisionNote",
      e.id AS "eventId", e.title AS "eventTitle", x.starts_at AS "startsAt", x.ends_at AS "endsAt", x.tasks, e.signup_deadline AS "signupDeadline"
     FROM shift_signup s JOIN app_user u ON u.id = s.user_id JOIN agency a ON a.id = s.agency_id JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id`;

  async signup(actor: Actor, id: string): Promise<ShiftSignupModel> {
    await this.loadSignup(actor, id);
    const [row] = (await this.ds.query(`${this.SIGNUP_SQL} WHERE s.id = $1`, [id])) as ShiftSignupModel[];
    return row;
  }

  /** An apprentice's own shifts, newest first. */
  async mySignups(actor: Actor): Promise<ShiftSignupModel[]> {
    return this.ds.query(`${this.SIGNUP_SQL} WHERE s.user_id = $1 ORDER BY x.starts_at DESC LIMIT 500`, [actor.id]);
  }

  /** Sign-ups waiting for the caller's agency to decide. */
  async pendingApprovals(actor: Actor): Promise<ShiftSignupModel[]> {
    if (actor.role !== Role.AGENCY_COORDINATOR || !actor.agencyId) return [];
    return this.ds.query(`${this.SIGNUP_SQL} WHERE s.agency_id = $1 AND s.state = 'PENDING' ORDER BY x.starts_at LIMIT 500`, [
      actor.agencyId,
    ]);
  }

  /** Who is on an event's shifts: the host agency and the ministry see everyone; other agencies their own apprentices. */
  async eventSignups(actor: Actor, eventId: string): Promise<ShiftSignupModel[]> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id: eventId } });
    if (!e || !this.canSeeEvent(actor, e)) throw eventNotFound();
    if (this.canManageEvent(actor, e)) return this.ds.query(`${this.SIGNUP_SQL} WHERE e.id = $1 ORDER BY x.starts_at, u.name`, [eventId]);
    if (actor.role === Role.AGENCY_COORDINATOR)
      return this.ds.query(`${this.SIGNUP_SQL} WHERE e.id = $1 AND s.agency_id = $2 ORDER BY x.starts_at, u.name`, [
        eventId,
        actor.agencyId,
      ]);
    return this.ds.query(`${this.SIGNUP_SQL} WHERE e.id = $1 AND s.user_id = $2 ORDER BY x.starts_at`, [eventId, actor.id]);
  }

  // ——— Fair staffing ———

  private async staffingInput(areaId: string) {
    const rows: (Record<string, unknown> & {
      id: string;
      starts_at: Date;
      ends_at: Date;
      places: number;
      trade_ids: string[];
      taken: number;
      title: string;
    })[] = await this.ds.query(
      `SELECT x.id, x.starts_at, x.ends_at, x.places, x.trade_ids, e.title,
              (SELECT count(*)::int FROM shift_signup s WHERE s.shift_id = x.id AND s.state IN ('PENDING', 'APPROVED')) AS taken
         FROM event_shift x JOIN pooled_event e ON e.id = x.event_id
        WHERE e.area_id = $1 AND e.status = 'APPROVED' AND x.starts_at > now()`,
      [areaId],
    );
    const shifts: StaffingShift[] = rows.map((r) => ({
      id: r.id,
      start: minutes(r.starts_at),
      end: minutes(r.ends_at),
      month: osloMonth(r.starts_at),
      open: Math.max(0, r.places - r.taken),
      tradeIds: r.trade_ids,
    }));
    const users: ApprenticeUser[] = await this.ds.query(
      `SELECT u.id, u.name, u.email, u.language, u.agency_id, u.area_id, a.name AS agency_name,
              ${APPRENTICE_TRADE}
         FROM pool_helper h JOIN app_user u ON u.id = h.user_id JOIN agency a ON a.id = u.agency_id
        WHERE h.offering AND u.role = 'APPRENTICE' AND u.area_id = $1`,
      [areaId],
    );
    return { rows, shifts, users, helpers: await this.helpers(this.ds.manager, users) };
  }

  /** Proposes who fills the pool's open places. Nothing is assigned until the ministry accepts. */
  async propose(actor: Actor, areaIdArg?: string): Promise<StaffingProposalModel> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !this.isMinistryOf(actor, areaId))
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const { rows, shifts, users, helpers } = await this.staffingInput(areaId);
    const p = proposeStaffing(shifts, helpers);
    const user = new Map(users.map((u) => [u.id, u]));
    const shift = new Map(rows.map((r) => [r.id, r]));
    const loads = Object.values(p.loads);
    return {
      assignments: p.assignments.map((a) => ({
        shiftId: a.shiftId,
        userId: a.helperId,
        name: user.get(a.helperId)!.name,
        agencyName: user.get(a.helperId)!.agency_name,
        eventTitle: shift.get(a.shiftId)!.title,
        startsAt: shift.get(a.shiftId)!.starts_at,
        endsAt: shift.get(a.shiftId)!.ends_at,
      })),
      open: p.open,
      filled: p.filled,
      upperBound: p.upperBound,
      largestLoad: p.maxLoad / 60,
      meanLoad: helpers.length ? loads.reduce((a, b) => a + b, 0) / 60 / helpers.length : 0,
      helpers: helpers.length,
    };
  }

  /**
   * Accepts a proposal in whole or in part. All or nothing: if anything has changed since (a shift
   * filled up, someone got busy), no assignment is made and the error says which.
   */
  async accept(actor: Actor, input: AcceptStaffingInput): Promise<ShiftSignupModel[]> {
    if (!actor.areaId && !isAdmin(actor)) throw new PoolingException(ErrorCode.FORBIDDEN, 'Only the ministry accepts staffing proposals');
    const areaId = actor.areaId;
    const { ids, mails } = await this.ds.transaction(async (m) => {
      const ids: string[] = [];
      const mails: string[] = [];
      for (const [i, a] of input.assignments.entries()) {
        try {
          const s = await this.place(
            m,
            a.userId,
            a.shiftId,
            isAdmin(actor) ? null : areaId,
            SignupState.PENDING,
            SignupOrigin.PROPOSAL,
            null,
          );
          ids.push(s.id);
          mails.push(...(await this.askApproval(m, s)));
        } catch (e) {
          if (e instanceof PoolingException)
            throw new PoolingException(e.code, `Assignment ${i + 1}: ${e.message}. Nothing was assigned; propose again.`, {
              ...(e.details ?? {}),
              index: i,
            });
          throw e;
        }
      }
      return { ids, mails };
    });
    await this.mail.dispatch(mails);
    return ids.length ? this.ds.query(`${this.SIGNUP_SQL} WHERE s.id = ANY($1::uuid[]) ORDER BY x.starts_at`, [ids]) : [];
  }

  // ——— The apprentice's record ———

  async record(actor: Actor, userIdArg?: string): Promise<PoolRecordModel> {
    const userId = userIdArg ?? actor.id;
    const u = await this.apprentice(this.ds.manager, userId);
    const allowed =
      u && (actor.id === userId || isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === u.agency_id));
    if (!u || !allowed)
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to their record');
    const entries: {
      eventTitle: string;
      agencyName: string;
      startsAt: Date;
      endsAt: Date;
      tasks: string;
      hours: number;
      competenceGoals: string;
    }[] = await this.ds.query(
      `SELECT e.title AS "eventTitle", a.name AS "agencyName", x.starts_at AS "startsAt", x.ends_at AS "endsAt", x.tasks,
              coalesce(s.hours, round((extract(epoch FROM x.ends_at - x.starts_at) / 3600)::numeric, 2))::float AS hours, x.competence_goals AS "competenceGoals"
         FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id JOIN agency a ON a.id = e.agency_id
        WHERE s.user_id = $1 AND s.state = 'APPROVED' AND s.attendance = 'PRESENT'
        ORDER BY x.starts_at`,
      [userId],
    );
    return { userId, name: u.name, totalHours: Math.round(entries.reduce((t, e) => t + e.hours, 0) * 100) / 100, entries };
  }
}
