/**
 * The dashboard's SQL. Counting rule: a contract counts on day D when it has started and not
 * ended (an early end wins): contract_start <= D AND LEAST(ended_on, contract_end) >= D.
 * Plain strings, shared with the benchmark (tools/bench/dashboard.ts).
 */

/** $1 area, $2 today, $3 snapshot date, $4 year. One row per agency of the area. */
export const DASHBOARD_ROWS_SQL = `
  WITH p AS (
    SELECT p.agency_id, p.trade_id,
           (p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date) AS is_now,
           (p.contract_start <= $3::date AND LEAST(p.ended_on, p.contract_end) >= $3::date) AS is_snap
      FROM apprentice p JOIN agency a ON a.id = p.agency_id
     WHERE a.area_id = $1
       AND p.contract_start <= GREATEST($2::date, $3::date) AND p.contract_end >= LEAST($2::date, $3::date)
  ), per_trade AS (
    SELECT agency_id, trade_id, count(*) FILTER (WHERE is_now) AS n_now, count(*) FILTER (WHERE is_snap) AS n_snap
      FROM p GROUP BY agency_id, trade_id
  ), per_agency AS (
    SELECT agency_id, sum(n_now) AS now_count, sum(n_snap) AS snapshot_count, count(*) FILTER (WHERE n_now > 0) AS trades_now
      FROM per_trade GROUP BY agency_id
  )
  SELECT a.id, a.name, a.org_number, a.employees, a.is_ministry, t.total AS target,
         coalesce(pa.now_count, 0) AS now_count, coalesce(pa.snapshot_count, 0) AS snapshot_count, coalesce(pa.trades_now, 0) AS trades_now
    FROM agency a
    LEFT JOIN per_agency pa ON pa.agency_id = a.id
    LEFT JOIN target t ON t.agency_id = a.id AND t.year = $4
   WHERE a.area_id = $1
   ORDER BY a.is_ministry DESC, a.name`;

/** $1 area, $2 today. Apprentices under contract today per trade. */
export const DASHBOARD_TRADES_SQL = `
  SELECT tr.id, tr.name_nb, tr.name_en, count(*) AS n
    FROM apprentice p JOIN agency a ON a.id = p.agency_id JOIN trade tr ON tr.id = p.trade_id
   WHERE a.area_id = $1 AND p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date
   GROUP BY tr.id ORDER BY n DESC, tr.name_nb`;

/** Snapshot dates (1 October) of `years` years ending with `year`, oldest first. */
export const trendDates = (year: number, years: number) => Array.from({ length: years }, (_, i) => `${year - years + 1 + i}-10-01`);

/**
 * $1 area, $2.. the snapshot dates, oldest first. One row with a count per date: one scan of
 * the area's contracts that overlap the window, instead of one scan per year.
 */
export function dashboardTrendSql(years: number): string {
  const counts = Array.from({ length: years }, (_, i) => `count(*) FILTER (WHERE x.s <= $${i + 2}::date AND x.e >= $${i + 2}::date) AS y${i}`);
  return `
  SELECT ${counts.join(', ')}
    FROM (SELECT p.contract_start AS s, LEAST(p.ended_on, p.contract_end) AS e
            FROM apprentice p JOIN agency a ON a.id = p.agency_id
           WHERE a.area_id = $1 AND p.contract_start <= $${years + 1}::date AND p.contract_end >= $2::date) x`;
}

/** $1 area, $2 first year, $3 last year. */
export const DASHBOARD_TARGET_SUMS_SQL = `
  SELECT t.year, sum(t.total) AS total FROM target t JOIN agency a ON a.id = t.agency_id
   WHERE a.area_id = $1 AND t.year BETWEEN $2 AND $3 GROUP BY t.year`;

/** $1 year: the threshold in force (that year's rule or the latest earlier one). */
export const MINIMUM_RULE_SQL = `SELECT threshold FROM minimum_rule WHERE year <= $1 ORDER BY year DESC LIMIT 1`;
