import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { minimumRule, participationAsOf } from '@laerenett/shared-domain';
import { readAll } from '../../database/reads';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT, underContractOn } from '../apprentices/read-model';
import { TRADE_DIRECTORY } from '../areas/read-model';
import { GATHERING_PARTICIPANTS, HELD_GATHERINGS } from '../gatherings/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { COMPETENCE_ROSTER, POOL_EVENT_DIRECTORY, POOL_HELP_GIVEN } from '../pooling/read-model';
import { AGENCY_TARGET } from '../targets/read-model';
import { TargetsService } from '../targets/targets.service';
import { ReportFiguresModel } from './models/annual-summary.models';
import { SummaryCycleService } from './summary-cycle.service';

/** The agency as its report needs it. */
export interface ReportAgency {
  id: string;
  name: string;
  area_id: string;
  is_ministry: boolean;
  employees: number;
}

/** The platform's figures for one agency's year: what its December report is pre-filled with, and frozen with when submitted. */
@Injectable()
export class ReportFiguresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cycle: SummaryCycleService,
    private readonly targets: TargetsService,
  ) {}

  async figures(a: ReportAgency, year: number, m: EntityManager = this.ds.manager): Promise<ReportFiguresModel> {
    const asOf = participationAsOf(year, this.cycle.today());
    const snap = `${year}-10-01`;
    const prev = `${year - 1}-10-01`;
    const [trades, target, threshold, gatherings, pool, hosted, competence] = await readAll(m, [
      () =>
        m.query(
          `SELECT tr.name_nb AS name,
                count(*) FILTER (WHERE ${underContractOn('p', '$2::date')})::int AS now,
                count(*) FILTER (WHERE ${underContractOn('p', '$3::date')})::int AS snapshot,
                count(*) FILTER (WHERE ${underContractOn('p', '$4::date')})::int AS prev
           FROM ${APPRENTICE_CONTRACT} p JOIN ${TRADE_DIRECTORY} tr ON tr.id = p.trade_id
          WHERE p.agency_id = $1 AND p.contract_start <= GREATEST($2::date, $3::date) AND p.contract_end >= $4::date
          GROUP BY tr.name_nb ORDER BY tr.name_nb`,
          [a.id, asOf, snap, prev],
        ) as Promise<{ name: string; now: number; snapshot: number; prev: number }[]>,
      () => m.query(`SELECT total FROM ${AGENCY_TARGET} WHERE agency_id = $1 AND year = $2`, [a.id, year]) as Promise<{ total: number }[]>,
      () => this.targets.thresholdFor(year),
      () =>
        m.query(
          `SELECT g.title, to_char(g.day, 'YYYY-MM-DD') AS date, array_agg(u.name ORDER BY u.name) AS people
           FROM ${HELD_GATHERINGS}($2, $3, $4::date) g
           JOIN ${GATHERING_PARTICIPANTS}($2, $3, $4::date) p ON p.gathering_id = g.id AND p.agency_id = $1
           JOIN ${USER_DIRECTORY} u ON u.id = p.user_id
          GROUP BY g.id, g.title, g.day ORDER BY g.day, g.id`,
          [a.id, a.area_id, year, asOf],
        ) as Promise<{ title: string; date: string; people: string[] }[]>,
      () =>
        m.query(
          `SELECT h.event_title AS title, host.name AS "hostName", count(DISTINCT h.user_id)::int AS helpers, sum(h.hours)::float AS hours
           FROM ${POOL_HELP_GIVEN} h JOIN ${AGENCY_DIRECTORY} host ON host.id = h.host_agency_id
          WHERE h.agency_id = $1
            AND h.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND h.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
          GROUP BY h.event_id, h.event_title, host.name ORDER BY min(h.starts_at)`,
          [a.id, year],
        ) as Promise<{ title: string; hostName: string; helpers: number; hours: number }[]>,
      () =>
        m.query(
          `SELECT count(*)::int AS n FROM ${POOL_EVENT_DIRECTORY}
          WHERE agency_id = $1 AND status = 'APPROVED' AND starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)`,
          [a.id, year],
        ) as Promise<{ n: number }[]>,
      () =>
        m.query(
          `SELECT u.name, c.subject_name AS subject FROM ${COMPETENCE_ROSTER} c JOIN ${USER_DIRECTORY} u ON u.id = c.user_id
          WHERE u.agency_id = $1 ORDER BY u.name, c.subject_name`,
          [a.id],
        ) as Promise<{ name: string; subject: string }[]>,
    ]);
    const snapshot = trades.reduce((t, r) => t + r.snapshot, 0);
    const r = minimumRule(a.employees, snapshot, threshold);
    return {
      snapshotDate: snap,
      asOf,
      snapshot,
      snapshotLastYear: trades.reduce((t, x) => t + x.prev, 0),
      now: trades.reduce((t, x) => t + x.now, 0),
      target: target[0]?.total ?? null,
      threshold,
      ruleApplies: r.applies,
      meetsRule: r.met,
      trades: trades.filter((t) => t.now + t.snapshot > 0).map((t) => ({ name: t.name, now: t.now, snapshot: t.snapshot })),
      gatherings,
      poolEvents: pool.map((p) => ({ ...p, hours: Math.round(p.hours * 100) / 100 })),
      poolHours: Math.round(pool.reduce((t, p) => t + p.hours, 0) * 100) / 100,
      poolEventsHosted: hosted[0]?.n ?? 0,
      competenceApprentices: competence,
    };
  }
}
