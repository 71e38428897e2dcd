import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, isIsoDate, POOL_LIMITS, Role, shiftEligibility, PoolEventStatus } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import {
  EDITABLE_POOL_EVENT,
  canAssignInPool,
  canEditPoolEvent,
  canGivePoolFeedback,
  canManageArea,
  canManagePoolEvent,
  canReadPool,
  canSeePoolEvent,
  isAdmin,
} from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { MailService } from '../mail/mail.service';
import { PoolEventInput, ReviewPoolEventInput } from './dto/pooling.inputs';
import { EventShiftEntity } from './entities/event-shift.entity';
import { PooledEventEntity } from './entities/pooled-event.entity';
import { SignupState } from './entities/shift-signup.entity';
import { PoolEventModel, PoolShiftModel } from './models/pooling.models';
import { ACTIVE, PoolHelpersService, staffingShift } from './pool-helpers.service';
import { PoolMailService } from './pool-mail.service';
import { areaNotFound, conflict, eventNotFound, forbidden, invalid, PoolingException } from './pooling.exception';

/** Pooled events and their shifts: registered by an agency, changed, approved into the pool by the ministry, cancelled. */
@Injectable()
export class PoolEventsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly helpers: PoolHelpersService,
    private readonly mails: PoolMailService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** The event, if the actor may see it (NOT_FOUND otherwise). */
  async find(actor: Actor, id: string): Promise<PooledEventEntity> {
    const e = await this.ds.getRepository(PooledEventEntity).findOne({ where: { id } });
    if (!e || !canSeePoolEvent(actor, e)) throw eventNotFound();
    return e;
  }

  /** The event, if the actor holds it or is its ministry (FORBIDDEN with `refusal` otherwise). */
  async findManaged(actor: Actor, id: string, refusal: string): Promise<PooledEventEntity> {
    const e = await this.find(actor, id);
    if (!canManagePoolEvent(actor, e)) throw forbidden(refusal);
    return e;
  }

  private async checkEventInput(actor: Actor, input: PoolEventInput): Promise<{ agencyId: string; areaId: string }> {
    const agencyId = input.agencyId ?? actor.agencyId;
    if (!agencyId) throw invalid('agencyId', 'Choose the agency that holds the event');
    const [agency] = (await this.ds.query(`SELECT id, area_id FROM agency_directory WHERE id = $1`, [agencyId])) as {
      id: string;
      area_id: string;
    }[];
    if (!agency) throw invalid('agencyId', 'Choose one of the agencies of your ministry area');
    const own = actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === agency.id;
    if (!own && !canManageArea(actor, agency.area_id)) {
      if (actor.areaId !== agency.area_id && !isAdmin(actor))
        throw new PoolingException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to it');
      throw forbidden('An agency registers its own events; the ministry may register for any agency of its area');
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
      if (end.getTime() - start.getTime() > POOL_LIMITS.maxShiftHours * 3_600_000)
        throw invalid(`shifts.${i}.endsAt`, `A shift can last at most ${POOL_LIMITS.maxShiftHours} hours`);
      if (todayInOslo(start) < input.startsOn || todayInOslo(start) > input.endsOn)
        throw invalid(`shifts.${i}.startsAt`, 'Every shift must start within the dates of the event');
      first = Math.min(first, start.getTime());
    });
    if (deadline.getTime() > first) throw invalid('signupDeadline', 'The sign-up deadline must be before the first shift starts');
    if (deadline.getTime() <= this.clock.ms())
      throw invalid('signupDeadline', 'The sign-up deadline has already passed; choose a later one');
    const trades = [...new Set(input.shifts.flatMap((s) => s.tradeIds.map((t) => t.toLowerCase())))];
    if (trades.length) {
      const found: { id: string }[] = await this.ds.query(`SELECT id FROM trade_directory WHERE id = ANY($1::uuid[])`, [trades]);
      if (found.length !== trades.length) throw invalid('tradeIds', 'A trade chosen for a shift does not exist');
    }
    return { agencyId: agency.id, areaId: agency.area_id };
  }

  /** The event's own fields from the input, as registered or changed (sent in for review either way). */
  private fields(input: PoolEventInput) {
    return {
      title: input.title.trim(),
      kind: input.kind,
      place: input.place.trim(),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      description: input.description.trim(),
      signupDeadline: new Date(input.signupDeadline),
      status: PoolEventStatus.SUBMITTED,
    };
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
      const e = await m.getRepository(PooledEventEntity).save({ areaId, agencyId, createdByUserId: actor.id, ...this.fields(input) });
      await this.writeShifts(m, e.id, input);
      return e.id;
    });
    return this.event(actor, id);
  }

  /** Changes an event that is not yet in the pool (its shifts are replaced) and sends it in again. */
  async update(actor: Actor, eventId: string, input: PoolEventInput): Promise<PoolEventModel> {
    const e = await this.findManaged(actor, eventId, 'Only the agency holding the event, or the ministry, can change it');
    if (!canEditPoolEvent(actor, e))
      throw conflict('IN_POOL', 'The event is already in the pool (or cancelled); it can no longer be changed');
    const { agencyId } = await this.checkEventInput(actor, { ...input, agencyId: input.agencyId ?? e.agencyId });
    await this.ds.transaction(async (m) => {
      await m.getRepository(PooledEventEntity).update({ id: e.id }, { agencyId, ...this.fields(input) });
      await m.getRepository(EventShiftEntity).delete({ eventId: e.id });
      await this.writeShifts(m, e.id, input);
    });
    return this.event(actor, e.id);
  }

  async review(actor: Actor, input: ReviewPoolEventInput): Promise<PoolEventModel> {
    const e = await this.find(actor, input.eventId);
    if (!canManageArea(actor, e.areaId)) throw forbidden("Only the ministry area's coordinator approves events into the pool");
    if (!EDITABLE_POOL_EVENT.includes(e.status))
      throw conflict('NOT_SUBMITTED', 'Only an event waiting for review can be approved or sent back');
    const comment = input.comment.trim();
    if (!input.approve && comment.length < 2) throw invalid('comment', 'Say what should be changed when you send an event back');
    const reviewedAt = this.clock.now();
    const mailIds = await this.ds.transaction(async (m) => {
      const changed = await m
        .createQueryBuilder()
        .update(PooledEventEntity)
        .set({ status: input.approve ? PoolEventStatus.APPROVED : PoolEventStatus.RETURNED, reviewComment: comment, reviewedAt })
        .where('id = :id AND status IN (:...from)', { id: e.id, from: EDITABLE_POOL_EVENT })
        .execute();
      if (!changed.affected) throw conflict('NOT_SUBMITTED', 'The event was reviewed by someone else just now');
      return input.approve ? this.mails.approved(m, e) : this.mails.returned(m, e, comment, reviewedAt);
    });
    await this.mail.dispatch(mailIds);
    return this.event(actor, e.id);
  }

  async cancel(actor: Actor, eventId: string): Promise<PoolEventModel> {
    const e = await this.findManaged(actor, eventId, 'Only the agency holding the event, or the ministry, can cancel it');
    await this.ds.transaction(async (m) => {
      await m.getRepository(PooledEventEntity).update({ id: e.id }, { status: PoolEventStatus.CANCELLED });
      await m.query(
        `UPDATE shift_signup SET state = 'WITHDRAWN' WHERE state IN ('PENDING', 'APPROVED') AND shift_id IN (SELECT id FROM event_shift WHERE event_id = $1)`,
        [e.id],
      );
    });
    return this.event(actor, e.id);
  }

  async event(actor: Actor, id: string): Promise<PoolEventModel> {
    return (await this.models(actor, [await this.find(actor, id)]))[0];
  }

  async events(actor: Actor, areaIdArg: string | undefined, includePast: boolean): Promise<PoolEventModel[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !canReadPool(actor, areaId)) throw areaNotFound();
    const qb = this.ds
      .getRepository(PooledEventEntity)
      .createQueryBuilder('e')
      .where('e.area_id = :areaId', { areaId })
      .orderBy('e.starts_on', 'ASC')
      .take(300);
    if (!includePast) qb.andWhere('e.ends_on >= :today', { today: todayInOslo(this.clock.now()) });
    if (!canManageArea(actor, areaId)) {
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
      this.ds.query(`SELECT id, name FROM agency_directory WHERE id = ANY($1::uuid[])`, [
        [...new Set(events.map((e) => e.agencyId))],
      ]) as Promise<{ id: string; name: string }[]>,
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
      this.ds.query(`SELECT id, name_nb, name_en FROM trade_directory`) as Promise<{ id: string; name_nb: string; name_en: string }[]>,
    ]);
    const helper = actor.role === Role.APPRENTICE ? await this.helpers.helperFor(this.ds.manager, actor.id) : null;
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    const taken = new Map(counts.map((c) => [c.shift_id, c.n]));
    const mySignup = new Map(mine.map((s) => [s.shift_id, s]));
    const tradeName = new Map(trades.map((t) => [t.id, actor.language === 'en' ? t.name_en : t.name_nb]));
    const now = this.clock.ms();
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
      canManage: canManagePoolEvent(actor, e),
      canReview: canManageArea(actor, e.areaId),
      canEdit: canEditPoolEvent(actor, e),
      canGiveFeedback: canGivePoolFeedback(actor, e, firstStart.get(e.id) ?? null, now),
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
          // An apprentice sees their own place first; otherwise whether they may sign up, or why not.
          const eligibility = !helper
            ? null
            : my && ACTIVE.includes(my.state)
              ? 'SIGNED_UP'
              : shiftEligibility(helper, staffingShift(id, startsAt, endsAt, places - n, tradeIds), {
                  inPool: e.status === PoolEventStatus.APPROVED,
                  now,
                  signupDeadline: e.signupDeadline.getTime(),
                  startsAt: startsAt.getTime(),
                  bySelf: true,
                  signedUp: false,
                });
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
            canAssign: canAssignInPool(actor, e, startsAt, now),
          };
        }),
    }));
  }
}
