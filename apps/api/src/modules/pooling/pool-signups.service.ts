import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, Role, shiftEligibility, ShiftEligibility, PoolEventStatus } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import { canAssignToShift, canManageArea, canManagePoolEvent, canReadPool, isAdmin } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { MailService } from '../mail/mail.service';
import { AttendanceInput, DecideSignupInput } from './dto/pooling.inputs';
import { ShiftSignupEntity, SignupOrigin, SignupState } from './entities/shift-signup.entity';
import { PoolAssigneeModel, ShiftSignupModel } from './models/pooling.models';
import { PoolEventsService } from './pool-events.service';
import { ACTIVE, PoolHelpersService, staffingShift } from './pool-helpers.service';
import { PoolMailService } from './pool-mail.service';
import { areaNotFound, conflict, forbidden, invalid, PoolingException, shiftNotFound, signupNotFound } from './pooling.exception';

const SIGNUP_SQL = `SELECT s.id, s.shift_id AS "shiftId", s.user_id AS "userId", u.name, a.name AS "agencyName", s.state, s.origin, s.attendance, s.hours::float AS hours, s.decision_note AS "decisionNote",
      e.id AS "eventId", e.title AS "eventTitle", x.starts_at AS "startsAt", x.ends_at AS "endsAt", x.tasks, e.signup_deadline AS "signupDeadline"
     FROM shift_signup s JOIN user_directory u ON u.id = s.user_id JOIN agency_directory a ON a.id = s.agency_id JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id`;

/** The error a refused place is reported with: its reason from the pool's rules (`shiftEligibility`). */
function refusal(why: Exclude<ShiftEligibility, 'OK'>, name: string, capMinutes: number, deadline: Date): PoolingException {
  switch (why) {
    case 'DEADLINE':
      return new PoolingException(ErrorCode.DEADLINE_PASSED, 'The sign-up deadline for this event has passed', {
        deadline: deadline.toISOString(),
      });
    case 'SIGNED_UP':
      return conflict('ALREADY_SIGNED_UP', `${name} is already on this shift`);
    case 'FULL':
      return conflict('FULL', 'The shift is full');
    case 'TRADE':
      return conflict('TRADE', 'The shift is for apprentices in other trades');
    case 'CLASH':
      return conflict('CLASH', `${name} is already booked at that time (another shift, or a gathering they said yes to)`);
    case 'CAP':
      return conflict('CAP', `That would take ${name} over their cap of ${capMinutes / 60} hours of pool work in the month`);
  }
}

/**
 * Apprentices on shifts: signing up, being put on one by a coordinator, approval by the
 * apprentice's own agency, withdrawing, and attendance on the day.
 */
@Injectable()
export class PoolSignupsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly helpers: PoolHelpersService,
    private readonly events: PoolEventsService,
    private readonly mails: PoolMailService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Puts an apprentice on a shift, inside the caller's transaction. The apprentice (a transaction
   * lock on their id: their user row is the identity module's) and then the shift's row are
   * locked, always in that order, so concurrent sign-ups never overfill a shift, double-book
   * anyone or go over their cap. `areaOf` (when not null) is the only area
   * whose shifts may be taken.
   */
  async place(
    m: EntityManager,
    userId: string,
    shiftId: string,
    areaOf: string | null,
    state: SignupState,
    origin: SignupOrigin,
    decidedBy: string | null,
  ): Promise<ShiftSignupEntity> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('pool-apprentice:' || $1, 0))`, [userId]);
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
    const u = await this.helpers.apprentice(m, userId);
    if (!u) throw invalid('userId', 'Only apprentices can be put on a shift');
    if (!shift || shift.status !== PoolEventStatus.APPROVED || shift.area_id !== u.area_id || (areaOf !== null && shift.area_id !== areaOf))
      throw shiftNotFound();
    const existing = await m.getRepository(ShiftSignupEntity).findOne({ where: { shiftId, userId } });
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM shift_signup WHERE shift_id = $1 AND state IN ('PENDING', 'APPROVED')`, [
      shiftId,
    ])) as { n: number }[];
    const helper = (await this.helpers.helpers(m, [u], shiftId))[0];
    const why = shiftEligibility(helper, staffingShift(shiftId, shift.starts_at, shift.ends_at, shift.places - n, shift.trade_ids), {
      inPool: true,
      now: this.clock.ms(),
      signupDeadline: shift.signup_deadline.getTime(),
      startsAt: shift.starts_at.getTime(),
      bySelf: origin === SignupOrigin.SIGNUP,
      signedUp: !!existing && ACTIVE.includes(existing.state),
    });
    if (why !== 'OK') throw refusal(why, u.name, helper.capMinutes, shift.signup_deadline);
    const values = {
      state,
      origin,
      agencyId: u.agency_id,
      decidedByUserId: decidedBy,
      decidedAt: decidedBy ? this.clock.now() : null,
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

  async signUp(actor: Actor, shiftId: string): Promise<ShiftSignupModel> {
    const { signup, mails } = await this.ds.transaction(async (m) => {
      const signup = await this.place(m, actor.id, shiftId, actor.areaId, SignupState.PENDING, SignupOrigin.SIGNUP, null);
      return { signup, mails: await this.mails.askApproval(m, signup) };
    });
    await this.mail.dispatch(mails);
    return this.signup(actor, signup.id);
  }

  /**
   * A coordinator puts an apprentice on a shift. The apprentice's own agency approves at once;
   * when the ministry assigns, the agency is asked to approve.
   */
  async assign(actor: Actor, shiftId: string, userId: string): Promise<ShiftSignupModel> {
    const u = await this.helpers.apprentice(this.ds.manager, userId);
    if (!u || !canAssignToShift(actor, { agencyId: u.agency_id, areaId: u.area_id }))
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
      return { signup, mails: own ? await this.mails.tellDecision(m, signup.id, true, '') : await this.mails.askApproval(m, signup) };
    });
    await this.mail.dispatch(mails);
    return this.signup(actor, signup.id);
  }

  /** The apprentices the caller may put on a shift by hand, by name. */
  async assignees(actor: Actor, areaIdArg?: string): Promise<PoolAssigneeModel[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId) return [];
    if (!canReadPool(actor, areaId)) throw areaNotFound();
    const rows: { id: string; name: string; agency_id: string; area_id: string; agency_name: string }[] = await this.ds.query(
      `SELECT u.id, u.name, u.agency_id, u.area_id, a.name AS agency_name FROM user_directory u JOIN agency_directory a ON a.id = u.agency_id WHERE u.role = 'APPRENTICE' AND u.area_id = $1 ORDER BY u.name, a.name LIMIT 2000`,
      [areaId],
    );
    return rows
      .filter((u) => canAssignToShift(actor, { agencyId: u.agency_id, areaId: u.area_id }))
      .map((u) => ({ userId: u.id, name: u.name, agencyName: u.agency_name }));
  }

  /** A sign-up with the actor's standing to it: the apprentice, their agency's leader, the host, the ministry (NOT_FOUND when none). */
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
    const ministry = canManageArea(actor, ctx.area_id);
    if (!mine && !leader && !host && !ministry) throw signupNotFound();
    return { s, ctx, mine, leader, host, ministry };
  }

  /** The apprentice's own agency (the professional leader) approves or declines; the apprentice is told either way. */
  async decide(actor: Actor, input: DecideSignupInput): Promise<ShiftSignupModel> {
    const { s, leader } = await this.loadSignup(actor, input.signupId);
    if (!leader && !isAdmin(actor))
      throw forbidden("Apprentices are employees of their own agency: only that agency's coordinator approves their sign-ups");
    const mails = await this.ds.transaction(async (m) => {
      const changed = await m
        .createQueryBuilder()
        .update(ShiftSignupEntity)
        .set({
          state: input.approve ? SignupState.APPROVED : SignupState.DECLINED,
          decidedByUserId: actor.id,
          decidedAt: this.clock.now(),
          decisionNote: input.note.trim(),
        })
        .where('id = :id AND state = :pending', { id: s.id, pending: SignupState.PENDING })
        .execute();
      if (!changed.affected) throw conflict('NOT_PENDING', 'This sign-up has already been decided or withdrawn');
      return this.mails.tellDecision(m, s.id, input.approve, input.note.trim());
    });
    await this.mail.dispatch(mails);
    return this.signup(actor, s.id);
  }

  /** The apprentice withdraws before the deadline; after it, only a coordinator can take them off. */
  async withdraw(actor: Actor, signupId: string): Promise<ShiftSignupModel> {
    const { s, ctx, mine, leader, ministry } = await this.loadSignup(actor, signupId);
    if (!mine && !leader && !ministry) throw forbidden('Only the apprentice, their agency or the ministry can withdraw a sign-up');
    if (mine && !leader && !ministry && this.clock.ms() >= ctx.signup_deadline.getTime())
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
    if (!host && !ministry) throw forbidden('The agency holding the event records attendance');
    if (s.state !== SignupState.APPROVED) throw conflict('NOT_APPROVED', 'Only approved sign-ups have attendance');
    if (this.clock.ms() < ctx.starts_at.getTime()) throw invalid('attendance', 'Attendance is recorded once the shift has begun');
    const full = (ctx.ends_at.getTime() - ctx.starts_at.getTime()) / 3_600_000;
    const hours = input.attendance === 'NO_SHOW' ? 0 : (input.hours ?? Math.round(full * 100) / 100);
    await this.ds.getRepository(ShiftSignupEntity).update({ id: s.id }, { attendance: input.attendance, hours });
    return this.signup(actor, s.id);
  }

  async signup(actor: Actor, id: string): Promise<ShiftSignupModel> {
    await this.loadSignup(actor, id);
    return (await this.byIds([id]))[0];
  }

  /** Sign-ups by id, in the order of their shifts (no access check: for ids the caller has just made). */
  async byIds(ids: string[]): Promise<ShiftSignupModel[]> {
    return ids.length ? this.ds.query(`${SIGNUP_SQL} WHERE s.id = ANY($1::uuid[]) ORDER BY x.starts_at`, [ids]) : [];
  }

  /** An apprentice's own shifts, newest first. */
  async mySignups(actor: Actor): Promise<ShiftSignupModel[]> {
    return this.ds.query(`${SIGNUP_SQL} WHERE s.user_id = $1 ORDER BY x.starts_at DESC LIMIT 500`, [actor.id]);
  }

  /** Sign-ups waiting for the caller's agency to decide. */
  async pendingApprovals(actor: Actor): Promise<ShiftSignupModel[]> {
    if (actor.role !== Role.AGENCY_COORDINATOR || !actor.agencyId) return [];
    return this.ds.query(`${SIGNUP_SQL} WHERE s.agency_id = $1 AND s.state = 'PENDING' ORDER BY x.starts_at LIMIT 500`, [actor.agencyId]);
  }

  /** Who is on an event's shifts: the host agency and the ministry see everyone; other agencies their own apprentices. */
  async eventSignups(actor: Actor, eventId: string): Promise<ShiftSignupModel[]> {
    const e = await this.events.find(actor, eventId);
    if (canManagePoolEvent(actor, e)) return this.ds.query(`${SIGNUP_SQL} WHERE e.id = $1 ORDER BY x.starts_at, u.name`, [eventId]);
    if (actor.role === Role.AGENCY_COORDINATOR)
      return this.ds.query(`${SIGNUP_SQL} WHERE e.id = $1 AND s.agency_id = $2 ORDER BY x.starts_at, u.name`, [eventId, actor.agencyId]);
    return this.ds.query(`${SIGNUP_SQL} WHERE e.id = $1 AND s.user_id = $2 ORDER BY x.starts_at`, [eventId, actor.id]);
  }
}
