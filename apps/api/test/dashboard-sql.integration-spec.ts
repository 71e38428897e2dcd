/**
 * The dashboard's one statement counts the same figures as the statements it replaced (four
 * statements and the threshold's query, kept here verbatim as the reference; the figures then go
 * through the same dashboardModel), on the demo data and on a national sample, for many years
 * and many "today"s around the contracts' edges.
 */
import type { DataSource } from 'typeorm';
import { DEFAULT_MINIMUM_THRESHOLD, Role, snapshotDate } from '@laerenett/shared-domain';
import type { Actor } from '../src/common/request-context';
import { seedNational } from '../src/database/seeds/national';
import { DashboardFigures, dashboardModel, DashboardService } from '../src/modules/targets/dashboard.service';
import { MINIMUM_RULE_SQL, TREND_YEARS, trendDates } from '../src/modules/targets/dashboard.sql';
import { Stack, startStack } from './harness';

const ROWS_SQL = `
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
const TRADES_SQL = `
  SELECT tr.id, tr.name_nb, tr.name_en, count(*) AS n
    FROM apprentice p JOIN agency a ON a.id = p.agency_id JOIN trade tr ON tr.id = p.trade_id
   WHERE a.area_id = $1 AND p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date
   GROUP BY tr.id ORDER BY n DESC, tr.name_nb`;
function trendSql(years: number): string {
  const counts = Array.from(
    { length: years },
    (_, i) => `count(*) FILTER (WHERE x.s <= $${i + 2}::date AND x.e >= $${i + 2}::date) AS y${i}`,
  );
  return `
  SELECT ${counts.join(', ')}
    FROM (SELECT p.contract_start AS s, LEAST(p.ended_on, p.contract_end) AS e
            FROM apprentice p JOIN agency a ON a.id = p.agency_id
           WHERE a.area_id = $1 AND p.contract_start <= $${years + 1}::date AND p.contract_end >= $2::date) x`;
}
const TARGET_SUMS_SQL = `
  SELECT t.year, sum(t.total) AS total FROM target t JOIN agency a ON a.id = t.agency_id
   WHERE a.area_id = $1 AND t.year BETWEEN $2 AND $3 GROUP BY t.year`;

/** The dashboard's figures as they were counted before the one statement. */
async function previous(ds: DataSource, areaId: string, year: number, today: string): Promise<DashboardFigures> {
  const snap = snapshotDate(year);
  const dates = trendDates(year, TREND_YEARS);
  const [ruleRaw, rowsRaw, tradesRaw, trendRaw, sumsRaw] = await Promise.all([
    ds.query(MINIMUM_RULE_SQL, [year]) as Promise<{ threshold: number }[]>,
    ds.query(ROWS_SQL, [areaId, today, snap, year]) as Promise<Record<string, unknown>[]>,
    ds.query(TRADES_SQL, [areaId, today]) as Promise<{ id: string; name_nb: string; name_en: string; n: string }[]>,
    ds.query(trendSql(TREND_YEARS), [areaId, ...dates]) as Promise<Record<string, string>[]>,
    ds.query(TARGET_SUMS_SQL, [areaId, year - TREND_YEARS + 1, year]) as Promise<{ year: number; total: string }[]>,
  ]);
  const sums = new Map<number, number>(sumsRaw.map((r) => [Number(r.year), Number(r.total)]));
  return {
    threshold: ruleRaw[0]?.threshold ?? DEFAULT_MINIMUM_THRESHOLD,
    rows: rowsRaw.map((r) => ({
      id: r['id'] as string,
      name: r['name'] as string,
      org_number: r['org_number'] as string,
      employees: Number(r['employees']),
      is_ministry: r['is_ministry'] as boolean,
      target: r['target'] === null ? null : Number(r['target']),
      now_count: Number(r['now_count']),
      snapshot_count: Number(r['snapshot_count']),
      trades_now: Number(r['trades_now']),
    })),
    trades: tradesRaw.map((t) => ({ ...t, n: Number(t.n) })),
    trend: dates.map((_, i) => {
      const y = year - TREND_YEARS + 1 + i;
      return { year: y, apprentices: Number(trendRaw[0][`y${i}`]), targetSum: sums.get(y) ?? 0 };
    }),
  };
}

const ADMIN: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  email: 'admin@example.no',
  name: 'Admin',
  role: Role.ADMIN,
  areaId: null,
  agencyId: null,
  language: 'nb',
};
// Around the contracts' edges (15 August, 14 August, 1 October, an early end on 1 February) and ordinary days.
const TODAYS = ['2021-02-01', '2023-08-14', '2023-08-15', '2024-10-01', '2025-06-30', '2026-01-31'];
const YEARS = [2020, 2022, 2024, 2025, 2026, 2027, 2028];

describe('the dashboard in one statement', () => {
  let stack: Stack;
  let dashboards: DashboardService;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    dashboards = stack.api.get(DashboardService);
  });
  afterAll(() => stack?.stop());

  const areas = async (codePrefix: string) =>
    ((await stack.ds.query(`SELECT id FROM ministry_area WHERE code LIKE $1 ORDER BY code`, [`${codePrefix}%`])) as { id: string }[]).map(
      (a) => a.id,
    );

  const compareAll = async (areaIds: string[]) => {
    let compared = 0;
    for (const areaId of areaIds)
      for (const year of YEARS)
        for (const today of TODAYS) {
          const now = await dashboards.dashboard(ADMIN, areaId, year, today);
          expect(now.areaName).toBeTruthy();
          const before = dashboardModel(
            { areaId, areaName: now.areaName, year, today, snapshotDate: snapshotDate(year) },
            await previous(stack.ds, areaId, year, today),
          );
          expect(now).toEqual(before);
          compared++;
        }
    return compared;
  };

  it('gives the same figures as before on the demo data, in every area', async () => {
    const ids = await areas('');
    expect(ids.length).toBeGreaterThan(0);
    expect(await compareAll(ids)).toBe(ids.length * YEARS.length * TODAYS.length);
  });

  it('gives the same figures as before on a national sample (60 agencies, 1,500 apprentices, 3 areas)', async () => {
    await seedNational(stack.ds, { agencies: 60, apprentices: 1500, years: 5, areas: 3, year: 2026 });
    const ids = await areas('N60-');
    expect(ids).toHaveLength(3);
    await compareAll(ids);
    // The sample is not empty where it is compared.
    const d = await dashboards.dashboard(ADMIN, ids[0], 2026, '2025-06-30');
    expect(d.totals.apprenticesNow).toBeGreaterThan(0);
    expect(d.trend.some((t) => t.targetSum > 0)).toBe(true);
  });

  it('answers NOT_FOUND for an area that does not exist', async () => {
    await expect(dashboards.dashboard(ADMIN, '00000000-0000-4000-8000-000000000001', 2026, '2026-01-31')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
