import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { minimumRule } from '@laerenett/shared-domain';
import { MINIMUM_RULE_SQL } from './annual-summary.sql';
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
  ) {}

  async figures(a: ReportAgency, year: number, m: EntityManager = this.ds.manager): Promise<ReportFiguresModel> {
    const today = this.cycle.today();
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const snap = `${year}-10-01`;
    const prev = `${year - 1}-10-01`;
    const [trades, target, rule, gatherings, pool, hosted, competence] = await Promise.all([
      m.query(
        `SELECT tr.name_nb AS name,
                count(*) FILTER (WHERE p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date)::int AS now,
                count(*) FILTER (WHERE p.contract_start <= $3::date AND LEAST(p.ended_on, p.contract_end) >= $3::date)::int AS snapshot,
                count(*) FILTER (WHERE p.contract_start <= $4::date AND LEAST(p.ended_on, p.contract_end) >= $4::date)::int AS prev
           FROM apprentice p JOIN trade tr ON tr.id = p.trade_id
          WHERE p.agency_id = $1 AND p.contract_start <= GREATEST($2::date, $3::date) AND p.contract_end >= $4::date
          GROUP BY tr.name_nb ORDER BY tr.name_nb`,
        [a.id, asOf, snap, prev],
      ) as Promise<{ name: string; now: number; snapshot: number; prev: number }[]>,
      m.query(`SELECT total FROM target WHERE agency_id = $1 AND year = $2`, [a.id, year]) as Promise<{ total: number }[]>,
      m.query(MINIMUM_RULE_SQL, [year]) as Promise<{ threshold: number }[]>,
      // Who took part: checked in, or, where nobody was checked in, said yes.
      m.query(
        `SELECT g.title, to_char(g.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS date, array_agg(u.name ORDER BY u.name) AS people
           FROM gathering g
           JOIN gathering_rsvp r ON r.gathering_id = g.id AND r.agency_id = $1
           JOIN app_user u ON u.id = r.user_id
          WHERE g.status = 'PUBLISHED' AND g.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND g.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
            AND (g.starts_at AT TIME ZONE 'Europe/Oslo')::date <= $3::date
            AND (r.checked_in_at IS NOT NULL OR (r.state = 'YES' AND NOT EXISTS (SELECT 1 FROM gathering_rsvp x WHERE x.gathering_id = g.id AND x.checked_in_at IS NOT NULL)))
          GROUP BY g.id ORDER BY g.starts_at`,
        [a.id, year, asOf],
      ) as Promise<{ title: string; date: string; people: string[] }[]>,
      m.query(
        `SELECT e.title, h.name AS "hostName", count(DISTINCT s.user_id)::int AS helpers,
                sum(coalesce(s.hours, round((extract(epoch FROM x.ends_at - x.starts_at) / 3600)::numeric, 2)))::float AS hours
           FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id JOIN agency h ON h.id = e.agency_id
          WHERE s.agency_id = $1 AND s.state = 'APPROVED' AND s.attendance = 'PRESENT'
            AND x.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND x.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
          GROUP BY e.id, e.title, h.name ORDER BY min(x.starts_at)`,
        [a.id, year],
      ) as Promise<{ title: string; hostName: string; helpers: number; hours: number }[]>,
      m.query(
        `SELECT count(*)::int AS n FROM pooled_event WHERE agency_id = $1 AND status = 'APPROVED' AND starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)`,
        [a.id, year],
      ) as Promise<{ n: number }[]>,
      m.query(
        `SELECT u.name, s.name AS subject FROM competence_apprentice c JOIN competence_subject s ON s.id = c.subject_id JOIN app_user u ON u.id = c.user_id
          WHERE u.agency_id = $1 ORDER BY u.name, s.name`,
        [a.id],
      ) as Promise<{ name: string; subject: string }[]>,
    ]);
    const snapshot = trades.reduce((t, r) => t + r.snapshot, 0);
    const threshold = rule[0]?.threshold ?? 100;
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
