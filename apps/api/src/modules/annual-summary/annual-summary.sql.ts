/**
 * The December summary's SQL: set-based reads for a whole area (one scan per kind of fact, not
 * one per agency), shared by the compilation and the benchmark. Other modules' data comes from
 * what they publish (their `read-model.ts`): an apprentice counts on day D by `underContractOn`,
 * who took part in a gathering by `gathering_participants`.
 */
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT, underContractOn } from '../apprentices/read-model';
import { TRADE_DIRECTORY } from '../areas/read-model';
import { GATHERING_PARTICIPANTS, HELD_GATHERINGS } from '../gatherings/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { COMPETENCE_ROSTER, POOL_EVENT_DIRECTORY, POOL_HELP_GIVEN } from '../pooling/read-model';
import { AGENCY_TARGET, AGENCY_TRADE_TARGET } from '../targets/read-model';

/** $1 area. The area's agencies with the year's target ($2 year). */
export const AGENCIES_SQL = `
  SELECT a.id, a.name, a.employees, a.is_ministry AS "isMinistry", t.total AS target
    FROM ${AGENCY_DIRECTORY} a LEFT JOIN ${AGENCY_TARGET} t ON t.agency_id = a.id AND t.year = $2
   WHERE a.area_id = $1
   ORDER BY a.is_ministry DESC, a.name`;

/**
 * $1 area, $2 as-of day (`participationAsOf`), $3 this year's 1 October, $4 last year's
 * 1 October. Apprentices per agency and trade on each of the three days.
 */
export const APPRENTICE_COUNTS_SQL = `
  SELECT p.agency_id AS "agencyId", p.trade_id AS "tradeId",
         count(*) FILTER (WHERE ${underContractOn('p', '$2::date')})::int AS now,
         count(*) FILTER (WHERE ${underContractOn('p', '$3::date')})::int AS snapshot,
         count(*) FILTER (WHERE ${underContractOn('p', '$4::date')})::int AS "snapshotLastYear"
    FROM ${APPRENTICE_CONTRACT} p JOIN ${AGENCY_DIRECTORY} a ON a.id = p.agency_id
   WHERE a.area_id = $1 AND p.contract_start <= GREATEST($2::date, $3::date) AND p.contract_end >= $4::date
   GROUP BY p.agency_id, p.trade_id`;

/** $1 area, $2 year. Targets per trade. */
export const TRADE_TARGETS_SQL = `
  SELECT t.agency_id AS "agencyId", t.trade_id AS "tradeId", t.count::int AS count
    FROM ${AGENCY_TRADE_TARGET} t JOIN ${AGENCY_DIRECTORY} a ON a.id = t.agency_id
   WHERE a.area_id = $1 AND t.year = $2`;

export const TRADES_SQL = `SELECT id, name_nb AS "nameNb", name_en AS "nameEn" FROM ${TRADE_DIRECTORY} ORDER BY name_nb`;

/**
 * $1 area, $2 year, $3 as-of day. Gatherings held in the year, with how many took part per
 * agency (`gathering_participants`). One row per gathering and agency (agency null: no one took part).
 */
export const GATHERING_ATTENDANCE_SQL = `
  SELECT g.id AS "gatheringId", g.title, g.audience, to_char(g.day, 'YYYY-MM-DD') AS date, p.agency_id AS "agencyId", count(p.user_id)::int AS participants
    FROM ${HELD_GATHERINGS}($1, $2, $3::date) g
    LEFT JOIN ${GATHERING_PARTICIPANTS}($1, $2, $3::date) p ON p.gathering_id = g.id AND p.agency_id IS NOT NULL
   GROUP BY g.id, g.title, g.audience, g.day, p.agency_id
   ORDER BY g.day, g.id`;

/** $1 area, $2 year. Events each agency hosted in the pool in the year (approved, not cancelled). */
export const POOL_HOSTED_SQL = `
  SELECT e.agency_id AS "agencyId", count(*)::int AS events
    FROM ${POOL_EVENT_DIRECTORY} e
   WHERE e.area_id = $1 AND e.status = 'APPROVED' AND e.starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
   GROUP BY e.agency_id`;

/** $1 area, $2 year. Help given by each agency's apprentices at pooled events in the year: shifts, helpers and hours. */
export const POOL_HELP_SQL = `
  SELECT h.agency_id AS "agencyId", count(DISTINCT h.event_id)::int AS events, count(*)::int AS shifts, count(DISTINCT h.user_id)::int AS helpers,
         coalesce(sum(h.hours), 0)::float AS hours
    FROM ${POOL_HELP_GIVEN} h
   WHERE h.area_id = $1
     AND h.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND h.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
   GROUP BY h.agency_id`;

/** $1 area. Competence apprentices per agency (people, not subjects). */
export const COMPETENCE_SQL = `
  SELECT u.agency_id AS "agencyId", count(DISTINCT u.id)::int AS people
    FROM ${COMPETENCE_ROSTER} c JOIN ${USER_DIRECTORY} u ON u.id = c.user_id
   WHERE c.area_id = $1 AND u.agency_id IS NOT NULL
   GROUP BY u.agency_id`;

/** $1 area, $2 year. The agencies' submitted reports: a draft (or a reopened report) is the agency's own until it is submitted. */
export const REPORTS_SQL = `
  SELECT r.agency_id AS "agencyId", r.submitted_at AS "submittedAt", r.year_in_review AS "yearInReview", r.what_worked AS "whatWorked",
         r.challenges, r.next_year_trade_ids AS "nextYearTradeIds", r.next_year_trades_note AS "nextYearTradesNote", r.target_next_year AS "targetNextYear"
    FROM agency_report r WHERE r.area_id = $1 AND r.year = $2 AND r.submitted_at IS NOT NULL`;
