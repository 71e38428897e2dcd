import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { participationAsOf, PlanFacts } from '@laerenett/shared-domain';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT, underContractOn } from '../apprentices/read-model';
import { GATHERING_PARTICIPANTS, HELD_GATHERINGS } from '../gatherings/read-model';
import { POOL_EVENT_DIRECTORY } from '../pooling/read-model';
import { AGENCY_TARGET } from '../targets/read-model';

/**
 * What the platform knows for an area's year, for the follow-up criteria: one read per source,
 * for all the criteria at once (the plan's, and the pilot's where the area has no plan). Counted
 * as of `participationAsOf(year, today)`: the gatherings held by then and who took part in them
 * (`gathering_participants`), the agencies with an apprentice under contract that day.
 */
@Injectable()
export class PlanFactsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async facts(areaId: string, year: number, today: string): Promise<PlanFacts> {
    const asOf = participationAsOf(year, today);
    const [agencies, meetings, targets, gatherings, agenciesWithPooledEvents] = await Promise.all([
      this.ds.query(
        `SELECT a.id, a.name, a.is_ministry AS "isMinistry",
                EXISTS (SELECT 1 FROM ${APPRENTICE_CONTRACT} p WHERE p.agency_id = a.id AND ${underContractOn('p', '$2::date')}) AS "hasApprentices"
           FROM ${AGENCY_DIRECTORY} a WHERE a.area_id = $1 ORDER BY a.name`,
        [areaId, asOf],
      ) as Promise<PlanFacts['agencies']>,
      this.ds.query(
        `SELECT m.agency_id AS "agencyId", m.held_on::text AS "heldOn"
           FROM bilateral_meeting m JOIN action_plan p ON p.id = m.plan_id WHERE p.area_id = $1 AND p.year = $2`,
        [areaId, year],
      ) as Promise<PlanFacts['meetings']>,
      this.ds.query(
        `SELECT t.agency_id FROM ${AGENCY_TARGET} t JOIN ${AGENCY_DIRECTORY} a ON a.id = t.agency_id WHERE a.area_id = $1 AND t.year = $2`,
        [areaId, year],
      ) as Promise<{ agency_id: string }[]>,
      this.ds.query(
        `SELECT to_char(g.day, 'YYYY-MM-DD') AS date,
                coalesce(array_agg(DISTINCT p.agency_id) FILTER (WHERE p.agency_id IS NOT NULL), '{}') AS "participantAgencyIds"
           FROM ${HELD_GATHERINGS}($1, $2, $3::date) g LEFT JOIN ${GATHERING_PARTICIPANTS}($1, $2, $3::date) p ON p.gathering_id = g.id
          GROUP BY g.id, g.day`,
        [areaId, year, asOf],
      ) as Promise<PlanFacts['gatherings']>,
      this.pooledEventAgencies(areaId, year),
    ]);
    return { year, today, agencies, meetings, agenciesWithTarget: targets.map((t) => t.agency_id), gatherings, agenciesWithPooledEvents };
  }

  /** Agencies that reported events to the pool in the year; null until the area has used the pool at all. */
  private async pooledEventAgencies(areaId: string, year: number): Promise<string[] | null> {
    const rows: { agency_id: string; in_year: boolean }[] = await this.ds.query(
      `SELECT agency_id, bool_or(starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS in_year
         FROM ${POOL_EVENT_DIRECTORY} WHERE area_id = $1 AND status <> 'CANCELLED' GROUP BY agency_id`,
      [areaId, year],
    );
    return rows.length ? rows.filter((r) => r.in_year).map((r) => r.agency_id) : null;
  }
}
