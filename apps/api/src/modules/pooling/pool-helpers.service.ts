import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { POOL_LIMITS, StaffingHelper, StaffingShift } from '@laerenett/shared-domain';
import { readAll } from '../../database/reads';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import type { GatheringCommitmentRow } from '../gatherings/read-model';
import { PoolHelperInput } from './dto/pooling.inputs';
import { PoolHelperEntity } from './entities/pool-helper.entity';
import { SignupState } from './entities/shift-signup.entity';
import { PoolHelperModel } from './models/pooling.models';

/** Sign-ups that hold a place. */
export const ACTIVE = [SignupState.PENDING, SignupState.APPROVED];
/** An apprentice user's trade: from their active apprenticeship (the apprentices module's `apprentice_contract`). */
const APPRENTICE_TRADE = `(SELECT p.trade_id FROM apprentice_contract p WHERE p.user_id = u.id AND p.status = 'ACTIVE') AS trade_id`;

export const minutes = (d: Date) => Math.floor(d.getTime() / 60_000);
export const osloMonth = (d: Date) => todayInOslo(d).slice(0, 7);

/** A shift as the staffing rules see it. */
export const staffingShift = (id: string, startsAt: Date, endsAt: Date, open: number, tradeIds: string[]): StaffingShift => ({
  id,
  start: minutes(startsAt),
  end: minutes(endsAt),
  month: osloMonth(startsAt),
  open,
  tradeIds,
});

/** An apprentice user, with their agency and trade. */
export interface ApprenticeUser {
  id: string;
  name: string;
  email: string;
  language: string;
  agency_id: string;
  area_id: string;
  trade_id: string | null;
  agency_name: string;
}

/**
 * The apprentices of the pool as the staffing rules see them (trade, cap, what they are busy
 * with, what they have done), and their offer to help.
 */
@Injectable()
export class PoolHelpersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async apprentice(m: EntityManager, userId: string): Promise<ApprenticeUser | null> {
    const rows: ApprenticeUser[] = await m.query(
      `SELECT u.id, u.name, u.email, u.language, u.agency_id, u.area_id, a.name AS agency_name,
              ${APPRENTICE_TRADE}
         FROM user_directory u JOIN agency_directory a ON a.id = u.agency_id WHERE u.id = $1 AND u.role = 'APPRENTICE'`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The area's apprentices who offer to help. */
  async offering(areaId: string): Promise<ApprenticeUser[]> {
    return this.ds.query(
      `SELECT u.id, u.name, u.email, u.language, u.agency_id, u.area_id, a.name AS agency_name,
              ${APPRENTICE_TRADE}
         FROM pool_helper h JOIN user_directory u ON u.id = h.user_id JOIN agency_directory a ON a.id = u.agency_id
        WHERE h.offering AND u.role = 'APPRENTICE' AND u.area_id = $1`,
      [areaId],
    );
  }

  /** An apprentice as the staffing rules see them. */
  async helperFor(m: EntityManager, userId: string, excludeShiftId: string | null = null): Promise<StaffingHelper | null> {
    const u = await this.apprentice(m, userId);
    if (!u) return null;
    return (await this.helpers(m, [u], excludeShiftId))[0];
  }

  /** Apprentices as the staffing rules see them; `excludeShiftId` is left out of what they are busy with. */
  async helpers(m: EntityManager, users: ApprenticeUser[], excludeShiftId: string | null = null): Promise<StaffingHelper[]> {
    if (!users.length) return [];
    const ids = users.map((u) => u.id);
    const now = this.clock.now();
    const [caps, booked, gatherings, helped] = await readAll(m, [
      () =>
        m.query(`SELECT user_id, max_hours_per_month FROM pool_helper WHERE user_id = ANY($1::uuid[])`, [ids]) as Promise<
          { user_id: string; max_hours_per_month: number }[]
        >,
      () =>
        m.query(
          `SELECT s.user_id, s.shift_id, x.starts_at, x.ends_at FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id
          WHERE s.user_id = ANY($1::uuid[]) AND s.state IN ('PENDING', 'APPROVED') AND ($2::uuid IS NULL OR s.shift_id <> $2::uuid)`,
          [ids, excludeShiftId],
        ) as Promise<{ user_id: string; shift_id: string; starts_at: Date; ends_at: Date }[]>,
      () =>
        m.query(
          `SELECT user_id, starts_at, ends_at FROM gathering_commitments
          WHERE user_id = ANY($1::uuid[]) AND ends_at > $2::timestamptz - interval '1 day'`,
          [ids, now],
        ) as Promise<Pick<GatheringCommitmentRow, 'user_id' | 'starts_at' | 'ends_at'>[]>,
      () =>
        m.query(
          `SELECT s.user_id, sum(coalesce(s.hours * 60, extract(epoch FROM x.ends_at - x.starts_at) / 60))::int AS minutes FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id
          WHERE s.user_id = ANY($1::uuid[]) AND s.state = 'APPROVED' AND x.ends_at < $2 AND s.attendance IS DISTINCT FROM 'NO_SHOW' GROUP BY s.user_id`,
          [ids, now],
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
        capMinutes: (cap.get(u.id) ?? POOL_LIMITS.defaultHoursPerMonth) * 60,
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

  async myHelper(actor: Actor): Promise<PoolHelperModel> {
    const h = await this.ds.getRepository(PoolHelperEntity).findOne({ where: { userId: actor.id } });
    return { offering: h?.offering ?? false, maxHoursPerMonth: h?.maxHoursPerMonth ?? POOL_LIMITS.defaultHoursPerMonth };
  }

  async setHelper(actor: Actor, input: PoolHelperInput): Promise<PoolHelperModel> {
    await this.ds
      .getRepository(PoolHelperEntity)
      .upsert({ userId: actor.id, offering: input.offering, maxHoursPerMonth: input.maxHoursPerMonth }, ['userId']);
    return this.myHelper(actor);
  }
}
