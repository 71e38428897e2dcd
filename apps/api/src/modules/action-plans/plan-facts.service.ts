import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanFacts } from '@laerenett/shared-domain';

/**
 * What the platform knows for an area's year, for the follow-up criteria: one read per source,
 * for all the criteria at once (the plan's, and the pilot's where the area has no plan).
 */
@Injectable()
export class PlanFactsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async facts(areaId: string, year: number, today: string): Promise<PlanFacts> {
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const [agencies, meetings, targets, gatherings, agenciesWithPooledEvents] = await Promise.all([
      this.ds.query(
        `SELECT a.id, a.name, a.is_ministry AS "isMinistry",
                EXISTS (SELECT 1 FROM apprentice p WHERE p.agency_id = a.id AND p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date) AS "hasApprentices"
           FROM agency a WHERE a.area_id = $1 ORDER BY a.name`,
        [areaId, asOf],
      ) as Promise<PlanFacts['agencies']>,
      this.ds.query(
        `SELECT m.agency_id AS "agencyId", m.held_on::text AS "heldOn"
           FROM bilateral_meeting m JOIN action_plan p ON p.id = m.plan_id WHERE p.area_id = $1 AND p.year = $2`,
        [areaId, year],
      ) as Promise<PlanFacts['meetings']>,
      this.ds.query(`SELECT t.agency_id FROM target t JOIN agency a ON a.id = t.agency_id WHERE a.area_id = $1 AND t.year = $2`, [
        areaId,
        year,
      ]) as Promise<{ agency_id: string }[]>,
      // Who took part: those checked in, or, where nobody was checked in, those who said yes.
      this.ds.query(
        `SELECT to_char(g.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS date,
                coalesce(array_agg(DISTINCT r.agency_id) FILTER (WHERE r.agency_id IS NOT NULL AND (r.checked_in_at IS NOT NULL OR (NOT g.any_check_in AND r.state = 'YES'))), '{}') AS "participantAgencyIds"
           FROM (SELECT g.*, EXISTS (SELECT 1 FROM gathering_rsvp x WHERE x.gathering_id = g.id AND x.checked_in_at IS NOT NULL) AS any_check_in
                   FROM gathering g
                  WHERE g.area_id = $1 AND g.status = 'PUBLISHED'
                    AND g.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND g.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')) g
           LEFT JOIN gathering_rsvp r ON r.gathering_id = g.id
          GROUP BY g.id, g.starts_at`,
        [areaId, year],
      ) as Promise<PlanFacts['gatherings']>,
      this.pooledEventAgencies(areaId, year),
    ]);
    return { year, today, agencies, meetings, agenciesWithTarget: targets.map((t) => t.agency_id), gatherings, agenciesWithPooledEvents };
  }

  /** Agencies that reported events to the pool in the year; null until the area has used the pool at all. */
  private async pooledEventAgencies(areaId: string, year: number): Promise<string[] | null> {
    const rows: { agency_id: string; in_year: boolean }[] = await this.ds.query(
      `SELECT agency_id, bool_or(starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS in_year
         FROM pooled_event WHERE area_id = $1 AND status <> 'CANCELLED' GROUP BY agency_id`,
      [areaId, year],
    );
    return rows.length ? rows.filter((r) => r.in_year).map((r) => r.agency_id) : null;
  }
}
