/**
 * Dashboard benchmark on national-scale data: 200 agencies (all in one area, the worst case
 * for one dashboard), 5,000 apprentices, 5 years of targets. Runs the dashboard GraphQL
 * query through the built API and the equivalent hand-written SQL in the same run, and
 * prints the median and p95 of each and their ratio.
 *   npm run bench:dashboard [-- --agencies 200 --apprentices 5000 --runs 300]
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { arg, root, run, scratchDatabase, waitForApi } from './support';
import * as argon2 from 'argon2';
import { DASHBOARD_ROWS_SQL, DASHBOARD_TARGET_SUMS_SQL, DASHBOARD_TRADES_SQL, dashboardTrendSql, MINIMUM_RULE_SQL, trendDates } from '../../apps/api/src/modules/targets/dashboard.sql';

const AGENCIES = arg('agencies', 200);
const APPRENTICES = arg('apprentices', 5000);
const RUNS = arg('runs', 300);
const WARMUP = 30;
const PORT = arg('port', 3377);
const DB = 'laerenett_bench';
const cli = resolve(root, 'dist/apps/api/cli.js');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

// The same figures, straight from Postgres with the dashboard's own SQL: what the API adds
// on top (HTTP, session, authorisation, GraphQL execution) is what the ratio measures.
const QUERY = `query($a: ID, $y: Int) { dashboard(areaId: $a, year: $y) { year threshold totals { apprenticesNow trades agencies agenciesWithNone agenciesBreakingRule targetSum }
  rows { agencyId name employees apprenticesNow apprenticesOnSnapshot tradesNow target gap ruleApplies meetsMinimumRule } trades { tradeId apprentices } trend { year apprentices targetSum } } }`;

async function main() {
  const databaseUrl = await scratchDatabase(DB);
  const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: '', QUEUE_BACKEND: 'postgres', PORT: String(PORT), LOG_LEVEL: 'error', NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00', COOKIE_SECURE: 'false' };

  console.log(`Loading ${AGENCIES} agencies and ${APPRENTICES} apprentices (one area) …`);
  await run([cli, 'migrate'], env);
  await run([cli, 'national', String(AGENCIES), String(APPRENTICES), '1'], env);
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const area = (await db.query(`SELECT id FROM ministry_area LIMIT 1`)).rows[0].id as string;
  await db.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('bench@laerenett.no', 'Bench', $1, 'ADMIN')`, [await argon2.hash('bench-password-0000')]);
  await db.query('ANALYZE');
  const pool = await Promise.all(Array.from({ length: 5 }, async () => {
    const c = new Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    return c;
  }));

  const api: ChildProcess = spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], { env, stdio: 'inherit' });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForApi(base);
    const signIn = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { signIn(input: { email: "bench@laerenett.no", password: "bench-password-0000" }) { id } }` }) });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const year = new Date().getFullYear();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const gql = async () => {
      const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: QUERY, variables: { a: area, y: year } }) });
      const body = (await r.json()) as { data?: { dashboard: { rows: unknown[]; totals: { apprenticesNow: number } } }; errors?: unknown };
      if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data.dashboard;
    };
    const sql = async () => {
      // Five connections, as the API's pool runs the five queries side by side.
      const [rows] = await Promise.all([
        pool[0].query(DASHBOARD_ROWS_SQL, [area, today, `${year}-10-01`, year]),
        pool[1].query(DASHBOARD_TRADES_SQL, [area, today]),
        pool[2].query(dashboardTrendSql(5), [area, ...trendDates(year, 5)]),
        pool[3].query(DASHBOARD_TARGET_SUMS_SQL, [area, year - 4, year]),
        pool[4].query(MINIMUM_RULE_SQL, [year]),
      ]);
      return rows.rows;
    };
    const d = await gql();
    const s = await sql();
    const sqlNow = s.reduce((n, r) => n + Number(r.now_count), 0);
    if (d.rows.length !== s.length || d.totals.apprenticesNow !== sqlNow) throw new Error(`GraphQL and SQL disagree: ${d.rows.length}/${s.length} rows, ${d.totals.apprenticesNow}/${sqlNow} apprentices`);

    const time = async (f: () => Promise<unknown>) => {
      for (let i = 0; i < WARMUP; i++) await f();
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        await f();
        xs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return xs;
    };
    // Interleave so that both see the same machine state.
    const g1 = await time(gql);
    const s1 = await time(sql);
    const g = pct(g1, 50), gp = pct(g1, 95), q = pct(s1, 50), qp = pct(s1, 95);
    console.log(`
Dashboard benchmark — ${d.rows.length} agencies in one area, ${APPRENTICES} apprentices, ${d.totals.apprenticesNow} under contract today; ${RUNS} runs each after ${WARMUP} warm-up
  GraphQL (HTTP + session + resolvers): median ${fmt(g)}, p95 ${fmt(gp)}   (aim: p95 < 50 ms) ${gp < 50 ? 'OK' : 'ABOVE AIM'}
  hand-written SQL (same figures):      median ${fmt(q)}, p95 ${fmt(qp)}
  ratio GraphQL / SQL:                  median ${(g / q).toFixed(2)}, p95 ${(gp / qp).toFixed(2)}   (aim: < 2) ${gp / qp < 2 ? 'OK' : 'ABOVE AIM'}
`);
  } finally {
    api.kill('SIGTERM');
    await Promise.all([db, ...pool].map((c) => c.end()));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
