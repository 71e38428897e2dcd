/**
 * The dashboard's SQL. Counting rule: a contract counts on day D when it has started and not
 * ended (an early end wins): the apprentices module's `underContractOn` over its published
 * `apprentice_contract`. Other modules' data comes from their published views (agency_directory,
 * trade_directory, area_directory); views and the inlinable `under_contract_on` leave the plan as
 * it was with the tables. Plain strings, shared with the benchmark (tools/bench/dashboard.ts) and
 * the December summary.
 */
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT, underContractOn } from '../apprentices/read-model';
import { AREA_DIRECTORY, TRADE_DIRECTORY } from '../areas/read-model';

/** Years in the dashboard's trend, ending with the dashboard's year. */
export const TREND_YEARS = 5;

/** Snapshot dates (1 October) of `years` years ending with `year`, oldest first. */
export const trendDates = (year: number, years: number) => Array.from({ length: years }, (_, i) => `${year - years + 1 + i}-10-01`);

/** The threshold in force for the year in parameter `year` (e.g. '$1'): that year's rule or the latest earlier one. */
const thresholdQuery = (year: string) => `SELECT threshold FROM minimum_rule WHERE year <= ${year} ORDER BY year DESC LIMIT 1`;

/** $1 year: the threshold in force (that year's rule or the latest earlier one). */
export const MINIMUM_RULE_SQL = thresholdQuery('$1');

/** The parameters of dashboardSql, in order; the service and the benchmark share them. */
export function dashboardParams(areaId: string, year: number, today: string, snapshot: string, trendYears: number): (string | number)[] {
  return [areaId, today, snapshot, year, ...trendDates(year, trendYears)];
}

/**
 * The whole dashboard in one statement and one round trip: $1 area, $2 today, $3 snapshot
 * date, $4 year, $5.. the trend's snapshot dates, oldest first (see dashboardParams).
 * The area's contracts are read once (the CTE `p`, every date's flag computed in that one
 * pass) and counted per agency and trade; the rows, the trades, the trend, the summed
 * targets and the threshold in force are all derived from there. One row (none when the
 * area does not exist): area_name, threshold (null: no rule set), rows, trades, trend
 * (apprentices per trend date) and sums (targets per year) as JSON. Same counting rule and
 * the same figures as the five statements it replaced (apps/api/test/dashboard-sql.integration-spec.ts
 * compares them on the demo and national data).
 */
export function dashboardSql(trendYears: number): string {
  const dates = Array.from({ length: trendYears }, (_, i) => `$${i + 5}::date`);
  const flag = (d: string) => underContractOn('p', d);
  return `
  WITH ag AS (
    SELECT id, name, org_number, employees, is_ministry FROM ${AGENCY_DIRECTORY} WHERE area_id = $1
  ), p AS MATERIALIZED (
    SELECT a.agency_id, a.trade_id, a.contract_start, a.last_day
      FROM ${APPRENTICE_CONTRACT} a JOIN ag ON ag.id = a.agency_id
     WHERE a.contract_start <= GREATEST($2::date, $3::date, ${dates[trendYears - 1]})
       AND a.contract_end >= LEAST($2::date, $3::date, ${dates[0]})
  ), per_trade AS (
    SELECT p.agency_id, p.trade_id,
           count(*) FILTER (WHERE ${flag('$2::date')}) AS n_now,
           count(*) FILTER (WHERE ${flag('$3::date')}) AS n_snap,
           ${dates.map((d, i) => `count(*) FILTER (WHERE ${flag(d)}) AS y${i}`).join(', ')}
      FROM p GROUP BY p.agency_id, p.trade_id
  ), per_agency AS (
    SELECT agency_id, sum(n_now) AS now_count, sum(n_snap) AS snapshot_count, count(*) FILTER (WHERE n_now > 0) AS trades_now
      FROM per_trade GROUP BY agency_id
  ), per_trade_now AS (
    SELECT trade_id, sum(n_now) AS n FROM per_trade GROUP BY trade_id HAVING sum(n_now) > 0
  )
  SELECT ar.name AS area_name,
         (${thresholdQuery('$4')}) AS threshold,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', ag.id, 'name', ag.name, 'org_number', ag.org_number, 'employees', ag.employees, 'is_ministry', ag.is_ministry,
                   'target', t.total, 'now_count', coalesce(pa.now_count, 0), 'snapshot_count', coalesce(pa.snapshot_count, 0), 'trades_now', coalesce(pa.trades_now, 0))
                 ORDER BY ag.is_ministry DESC, ag.name), '[]')
            FROM ag LEFT JOIN per_agency pa ON pa.agency_id = ag.id LEFT JOIN target t ON t.agency_id = ag.id AND t.year = $4) AS rows,
         (SELECT coalesce(json_agg(json_build_object('id', tr.id, 'name_nb', tr.name_nb, 'name_en', tr.name_en, 'n', x.n) ORDER BY x.n DESC, tr.name_nb), '[]')
            FROM per_trade_now x JOIN ${TRADE_DIRECTORY} tr ON tr.id = x.trade_id) AS trades,
         (SELECT json_build_array(${dates.map((_, i) => `coalesce(sum(y${i}), 0)`).join(', ')}) FROM per_trade) AS trend,
         (SELECT coalesce(json_object_agg(t.year, t.total), '{}')
            FROM (SELECT t.year, sum(t.total) AS total FROM target t JOIN ag ON ag.id = t.agency_id
                   WHERE t.year BETWEEN $4::int - ${trendYears - 1} AND $4::int GROUP BY t.year) t) AS sums
    FROM ${AREA_DIRECTORY} ar WHERE ar.id = $1`;
}
