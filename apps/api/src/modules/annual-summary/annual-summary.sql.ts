/**
 * The December summary's SQL: set-based reads for a whole area (one scan per kind of fact, not
 * one per agency), shared by the compilation, the agency's pre-filled report and the benchmark.
 * Counting rule for apprentices as on the dashboard: a contract counts on day D when
 * contract_start <= D AND LEAST(ended_on, contract_end) >= D.
 */

/** $1 area. The area's agencies with the year's target ($2 year). */
export const AGENCIES_SQL = `
  SELECT a.id, a.name, a.employees, a.is_ministry AS "isMinistry", t.total AS target
    FROM agency a LEFT JOIN target t ON t.agency_id = a.id AND t.year = $2
   WHERE a.area_id = $1
   ORDER BY a.is_ministry DESC, a.name`;

/**
 * $1 area, $2 as-of day ("now", at most 31 Dec of the year), $3 this year's 1 October, $4 last
 * year's 1 October. Apprentices per agency and trade on each of the three days.
 */
export const APPRENTICE_COUNTS_SQL = `
  SELECT p.agency_id AS "agencyId", p.trade_id AS "tradeId",
         count(*) FILTER (WHERE p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date)::int AS now,
         count(*) FILTER (WHERE p.contract_start <= $3::date AND LEAST(p.ended_on, p.contract_end) >= $3::date)::int AS snapshot,
         count(*) FILTER (WHERE p.contract_start <= $4::date AND LEAST(p.ended_on, p.contract_end) >= $4::date)::int AS "snapshotLastYear"
    FROM apprentice p JOIN agency a ON a.id = p.agency_id
   WHERE a.area_id = $1 AND p.contract_start <= GREATEST($2::date, $3::date) AND p.contract_end >= $4::date
   GROUP BY p.agency_id, p.trade_id`;

/** $1 area, $2 year. Targets per trade. */
export const TRADE_TARGETS_SQL = `
  SELECT t.agency_id AS "agencyId", tt.trade_id AS "tradeId", tt.count::int AS count
    FROM trade_target tt JOIN target t ON t.id = tt.target_id JOIN agency a ON a.id = t.agency_id
   WHERE a.area_id = $1 AND t.year = $2`;

export const TRADES_SQL = `SELECT id, name_nb AS "nameNb", name_en AS "nameEn" FROM trade ORDER BY name_nb`;

/**
 * $1 area, $2 year, $3 as-of day. Gatherings held in the year (published, their day come), with
 * the people who took part per agency: those checked in, or, where nobody was checked in at a
 * gathering, those who said yes. One row per gathering and agency (agency null: no one took part).
 */
export const GATHERING_ATTENDANCE_SQL = `
  WITH g AS (
    SELECT g.id, g.title, g.audience, to_char(g.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS date,
           EXISTS (SELECT 1 FROM gathering_rsvp x WHERE x.gathering_id = g.id AND x.checked_in_at IS NOT NULL) AS any_check_in
      FROM gathering g
     WHERE g.area_id = $1 AND g.status = 'PUBLISHED'
       AND g.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND g.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
       AND (g.starts_at AT TIME ZONE 'Europe/Oslo')::date <= $3::date
  )
  SELECT g.id AS "gatheringId", g.title, g.audience, g.date, r.agency_id AS "agencyId", count(r.user_id)::int AS participants
    FROM g LEFT JOIN gathering_rsvp r ON r.gathering_id = g.id AND r.agency_id IS NOT NULL
         AND (r.checked_in_at IS NOT NULL OR (NOT g.any_check_in AND r.state = 'YES'))
   GROUP BY g.id, g.title, g.audience, g.date, r.agency_id
   ORDER BY g.date, g.id`;

/** $1 area, $2 year. Events each agency hosted in the pool in the year (approved, not cancelled). */
export const POOL_HOSTED_SQL = `
  SELECT e.agency_id AS "agencyId", count(*)::int AS events
    FROM pooled_event e
   WHERE e.area_id = $1 AND e.status = 'APPROVED' AND e.starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
   GROUP BY e.agency_id`;

/**
 * $1 area, $2 year. Help given by each agency's apprentices at pooled events in the year: shifts
 * they were approved for and present at, and the hours (the hours recorded, else the shift's length).
 */
export const POOL_HELP_SQL = `
  SELECT s.agency_id AS "agencyId", count(DISTINCT x.event_id)::int AS events, count(*)::int AS shifts, count(DISTINCT s.user_id)::int AS helpers,
         coalesce(sum(coalesce(s.hours, round((extract(epoch FROM x.ends_at - x.starts_at) / 3600)::numeric, 2))), 0)::float AS hours
    FROM shift_signup s JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id
   WHERE e.area_id = $1 AND s.state = 'APPROVED' AND s.attendance = 'PRESENT'
     AND x.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND x.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
   GROUP BY s.agency_id`;

/** $1 area. Competence apprentices per agency (people, not subjects). */
export const COMPETENCE_SQL = `
  SELECT u.agency_id AS "agencyId", count(DISTINCT u.id)::int AS people
    FROM competence_apprentice c JOIN competence_subject s ON s.id = c.subject_id JOIN app_user u ON u.id = c.user_id
   WHERE s.area_id = $1 AND u.agency_id IS NOT NULL
   GROUP BY u.agency_id`;

/** $1 area, $2 year. The agencies' reports. */
export const REPORTS_SQL = `
  SELECT r.agency_id AS "agencyId", r.submitted_at AS "submittedAt", r.year_in_review AS "yearInReview", r.what_worked AS "whatWorked",
         r.challenges, r.next_year_trade_ids AS "nextYearTradeIds", r.next_year_trades_note AS "nextYearTradesNote", r.target_next_year AS "targetNextYear"
    FROM agency_report r WHERE r.area_id = $1 AND r.year = $2`;

/** $1 year: the minimum rule's threshold in force. */
export { MINIMUM_RULE_SQL } from '../targets/dashboard.sql';
