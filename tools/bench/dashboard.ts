/**
 * Dashboard benchmark on national-scale data: 200 agencies (all in one area, the worst case
 * for one dashboard), 5,000 apprentices, 5 years of targets. Signed in as the area's ministry
 * coordinator, it sends the portal's own `Dashboard` operation (libs/portal/data-access/src/
 * operations.graphql) through the built API, and runs the dashboard's one SQL statement
 * (dashboard.sql.ts) straight through `pg` as the reference, interleaved so that both see the
 * same machine: at concurrency 1 alternately, in random order per pair; at concurrency 16 in
 * alternating time slices (random order per pair of slices). Prints p50/p95 and requests/s of
 * both and the ratios against the aims: p95 at concurrency 1 at most 1.5× the SQL, throughput
 * at 16 at least 0.6× the SQL. The API runs as infra/ deploys it, two replicas (`--replicas 1` for
 * one process), the requests spread over them in turn as the balancer would; the reference's pool
 * is as large as the replicas' pools together.
 *   npm run bench:dashboard [-- --agencies 200 --apprentices 5000 --runs 400 --slices 10 --slice-ms 1500 --concurrency 16 --replicas 2]
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { Client, Pool } from 'pg';
import * as argon2 from 'argon2';
import { snapshotDate } from '@laerenett/shared-domain';
import { arg, root, run, scratchDatabase, waitForApi } from './support';
import { dashboardParams, dashboardSql, TREND_YEARS } from '../../apps/api/src/modules/targets/dashboard.sql';

const AGENCIES = arg('agencies', 200);
const APPRENTICES = arg('apprentices', 5000);
const RUNS = arg('runs', 400);
const WARMUP = arg('warmup', 60);
const CONCURRENCY = arg('concurrency', 16);
const SLICES = arg('slices', 10);
const SLICE_MS = arg('slice-ms', 1500);
const POOL = arg('pool', 10);
const REPLICAS = arg('replicas', 2);
const PORT = arg('port', 3460);
const DB = 'laerenett_bench_dash';
const cli = resolve(root, 'dist/apps/api/cli.js');
const EMAIL = 'koordinator@bench.laerenett.no';
const PASSWORD = 'bench-password-0000';
const AIM_P95 = 1.5;
const AIM_THROUGHPUT = 0.6;

/** The portal's own operation, as the portal sends it. */
function portalOperation(name: string): string {
  const text = readFileSync(resolve(root, 'libs/portal/data-access/src/operations.graphql'), 'utf8');
  const m = text.match(new RegExp(`^query ${name}\\b[\\s\\S]*?^}`, 'm'));
  if (!m) throw new Error(`No operation ${name} in operations.graphql`);
  return m[0];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const shuffle2 = <T>(a: T, b: T): [T, T] => (Math.random() < 0.5 ? [a, b] : [b, a]);
const now = () => Number(process.hrtime.bigint()) / 1e6;

interface Sample {
  latencies: number[];
  requests: number;
  ms: number;
}
const sample = (): Sample => ({ latencies: [], requests: 0, ms: 0 });

async function main() {
  const databaseUrl = await scratchDatabase(DB);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(POOL),
    REDIS_URL: '',
    QUEUE_BACKEND: 'postgres',
    PORT: String(PORT),
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    COOKIE_SECURE: 'false',
  };

  console.log(`Loading ${AGENCIES} agencies and ${APPRENTICES} apprentices (one area) …`);
  await run([cli, 'migrate'], env);
  await run([cli, 'national', String(AGENCIES), String(APPRENTICES), '1'], env);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const area = (await db.query(`SELECT id FROM ministry_area LIMIT 1`)).rows[0].id as string;
  await db.query(
    `INSERT INTO app_user (email, name, password_hash, role, area_id) VALUES ($1, 'Koordinator', $2, 'MINISTRY_COORDINATOR', $3)`,
    [EMAIL, await argon2.hash(PASSWORD), area],
  );
  await db.query('VACUUM ANALYZE');
  await db.end();
  // The reference: the same statement, through a pool of the API replicas' size together.
  const pool = new Pool({ connectionString: databaseUrl, max: POOL * REPLICAS });

  const ports = Array.from({ length: REPLICAS }, (_, i) => PORT + i);
  const apis: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], { env: { ...env, PORT: String(port) }, stdio: 'inherit' }),
  );
  const agents = ports.map(() => new Agent({ keepAlive: true, maxSockets: CONCURRENCY }));
  let turn = 0;
  try {
    const base = `http://127.0.0.1:${PORT}`;
    for (const port of ports) await waitForApi(`http://127.0.0.1:${port}`, 120_000); // a busy machine starts the API slowly
    const signIn = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { role } }`,
        variables: { e: EMAIL, p: PASSWORD },
      }),
    });
    const signed = (await signIn.json()) as { data?: { signIn: { role: string } } };
    if (signed.data?.signIn.role !== 'MINISTRY_COORDINATOR') throw new Error(`Sign-in failed: ${JSON.stringify(signed)}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];

    const year = new Date().getFullYear();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const body = JSON.stringify({ operationName: 'Dashboard', query: portalOperation('Dashboard'), variables: { areaId: area, year } });
    type Dash = {
      rows: { apprenticesNow: number; target: number | null }[];
      totals: { apprenticesNow: number; trades: number };
      trend: { apprentices: number; targetSum: number }[];
    };
    // A kept-alive connection the server closed just as a request went out is tried again once,
    // on a fresh connection (the query only reads).
    const gql = (): Promise<Dash> =>
      gqlOnce().catch((e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? gqlOnce() : Promise.reject(e)));
    const gqlOnce = () =>
      new Promise<Dash>((ok, fail) => {
        const replica = turn++ % REPLICAS;
        const req = request(
          `http://127.0.0.1:${ports[replica]}/graphql`,
          {
            method: 'POST',
            agent: agents[replica],
            // No Accept-Encoding: the API answers uncompressed; in front of it, the balancer compresses (infra/haproxy.cfg).
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { dashboard: Dash }; errors?: unknown };
              if (r.data?.dashboard) ok(r.data.dashboard);
              else fail(new Error(`GraphQL failed: ${JSON.stringify(r.errors)}`));
            });
            res.on('error', fail);
          },
        );
        req.on('error', fail);
        req.end(body);
      });
    const statement = dashboardSql(TREND_YEARS);
    const params = dashboardParams(area, year, today, snapshotDate(year), TREND_YEARS);
    type Raw = { rows: { now_count: number; target: number | null }[]; trades: unknown[]; trend: number[]; sums: Record<string, number> };
    const sql = async () => (await pool.query<Raw>(statement, params)).rows[0];

    // Both answer with the same figures before anything is timed.
    const d = await gql();
    const s = await sql();
    const sqlNow = s.rows.reduce((n, r) => n + Number(r.now_count), 0);
    const same =
      d.rows.length === s.rows.length &&
      d.totals.apprenticesNow === sqlNow &&
      d.totals.trades === s.trades.length &&
      d.trend.every(
        (t, i) => t.apprentices === Number(s.trend[i]) && t.targetSum === Number(s.sums[String(year - TREND_YEARS + 1 + i)] ?? 0),
      );
    if (!same)
      throw new Error(`GraphQL and SQL disagree: ${d.rows.length}/${s.rows.length} rows, ${d.totals.apprenticesNow}/${sqlNow} apprentices`);

    // Concurrency 1: one of each per pair, in random order.
    const one = { gql: sample(), sql: sample() };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const [k, f] of shuffle2(['gql', gql] as const, ['sql', sql] as const)) {
        const t = now();
        await f();
        const dt = now() - t;
        if (i >= WARMUP) {
          one[k].latencies.push(dt);
          one[k].requests++;
          one[k].ms += dt;
        }
      }
    }

    // Concurrency N: time slices, alternating, in random order per pair of slices.
    const slice = async (f: () => Promise<unknown>, into: Sample | null) => {
      const start = now();
      const end = start + SLICE_MS;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (now() < end) {
            const t = now();
            await f();
            if (into) {
              into.latencies.push(now() - t);
              into.requests++;
            }
          }
        }),
      );
      if (into) into.ms += now() - start;
    };
    const many = { gql: sample(), sql: sample() };
    for (const [, f] of shuffle2(['gql', gql] as const, ['sql', sql] as const)) await slice(f, null); // warm-up
    for (let i = 0; i < SLICES; i++) for (const [k, f] of shuffle2(['gql', gql] as const, ['sql', sql] as const)) await slice(f, many[k]);

    const rps = (x: Sample) => (x.requests / x.ms) * 1000;
    const line = (label: string, x: Sample) =>
      `  ${label.padEnd(34)} p50 ${pct(x.latencies, 50).toFixed(1).padStart(6)} ms   p95 ${pct(x.latencies, 95).toFixed(1).padStart(6)} ms   ${rps(x).toFixed(0).padStart(5)} req/s`;
    const p95Ratio = pct(one.gql.latencies, 95) / pct(one.sql.latencies, 95);
    const p50Ratio = pct(one.gql.latencies, 50) / pct(one.sql.latencies, 50);
    const tputRatio = rps(many.gql) / rps(many.sql);
    console.log(`
Dashboard benchmark — ${d.rows.length} agencies in one area, ${APPRENTICES} apprentices, ${d.totals.apprenticesNow} under contract today;
signed in as the area's ministry coordinator; ${REPLICAS} API process(es), as infra/ runs ${REPLICAS === 2 ? 'it' : 'two'}; GraphQL and SQL interleaved
concurrency 1 (${RUNS} pairs after ${WARMUP} warm-up):
${line('GraphQL (the portal\u2019s Dashboard)', one.gql)}
${line('SQL (the one statement, via pg)', one.sql)}
concurrency ${CONCURRENCY} (${SLICES} slices of ${SLICE_MS} ms each, after one each of warm-up):
${line('GraphQL', many.gql)}
${line('SQL', many.sql)}
ratios GraphQL / SQL:
  p95 at concurrency 1:          ${p95Ratio.toFixed(2)}   (p50 ${p50Ratio.toFixed(2)})   aim \u2264 ${AIM_P95}   ${p95Ratio <= AIM_P95 ? 'OK' : 'ABOVE AIM'}
  throughput at concurrency ${String(CONCURRENCY).padEnd(4)} ${tputRatio.toFixed(2)}                aim \u2265 ${AIM_THROUGHPUT}   ${tputRatio >= AIM_THROUGHPUT ? 'OK' : 'BELOW AIM'}
`);
  } finally {
    for (const a of agents) a.destroy();
    for (const api of apis) api.kill('SIGTERM');
    await pool.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
