/**
 * December summary benchmark: compiles the area's summary through the real API and worker on
 * national-scale data, all agencies in one area (the worst case for one compilation):
 *   - 200 agencies and 5,000 apprentices (the state),
 *   - 1,000 agencies and 20,000 apprentices (the whole public sector).
 * Prints the time per stage (collect, agencies, PDFs, workbook, save), the total, the wait in the
 * queue, and the worker's peak memory (VmHWM of the worker process, its PDF threads included).
 * Aim: 1,000 agencies under 3 s from the click to done, the worker's peak under 400 MiB.
 *   npm run bench:annual-summary [-- --runs 3] [--only 1000] [--settle 5] [--port 3378] [--db laerenett_bench_summary]
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import * as argon2 from 'argon2';
import { arg, root, run, scratchDatabase, waitForApi } from './support';

const RUNS = arg('runs', 2);
const PORT = arg('port', 3378);
/** The scratch database's name (`--db`), so that two people can run the bench side by side. */
const DB = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : 'laerenett_bench_summary';
const cli = resolve(root, 'dist/apps/api/cli.js');
const ONLY = arg('only', 0);
/**
 * Seconds between the worker's start and the first compilation (`--settle`): a worker in service
 * has been up for a while when the December compilation comes, and by then its PDF thread has
 * rehearsed (summary-pdf.pool). `--settle 0` clicks as soon as the worker has started.
 */
const SETTLE_S = arg('settle', 5);
const SETS = [
  { agencies: 200, apprentices: 5000 },
  { agencies: 1000, apprentices: 20000 },
].filter((s) => !ONLY || s.agencies === ONLY);
const AIM_MS = 3000;
const AIM_PEAK_MIB = 400;

interface Times {
  collect: number;
  agencies: number;
  pdf: number;
  xlsx: number;
  save: number;
}

/** Peak resident memory of a process (Linux), in MiB. */
function peakMiB(pid: number, field = 'VmHWM'): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function benchSet(agencies: number, apprentices: number) {
  const databaseUrl = await scratchDatabase(DB);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: '',
    QUEUE_BACKEND: 'postgres',
    PORT: String(PORT),
    LOG_LEVEL: 'log',
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    COOKIE_SECURE: 'false',
  };
  console.log(`\n${agencies} agencies, ${apprentices} apprentices (one area): loading …`);
  await run([cli, 'migrate'], { ...env, LOG_LEVEL: 'error' });
  await run([cli, 'national', String(agencies), String(apprentices), '1'], { ...env, LOG_LEVEL: 'error' });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const area = (await db.query(`SELECT id FROM ministry_area LIMIT 1`)).rows[0].id as string;
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));
  // Reports from four in five agencies, so the narratives section is full.
  await db.query(
    `INSERT INTO agency_report (area_id, agency_id, year, year_in_review, what_worked, challenges, next_year_trade_ids, target_next_year, submitted_at)
     SELECT area_id, id, $2, 'Et år med lærlinger i ' || name || '. ' || repeat('Vi tok inn nye lærlinger og fulgte dem opp tett. ', 4), 'Fadderordningen.', 'Rekruttering.', '{}', 2, now()
       FROM agency WHERE area_id = $1 AND NOT is_ministry AND hashtext(name) % 5 <> 0`,
    [area, year],
  );
  await db.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('bench@laerenett.no', 'Bench', $1, 'ADMIN')`, [
    await argon2.hash('bench-password-0000'),
  ]);
  await db.query('ANALYZE');

  const api: ChildProcess = spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], {
    env: { ...env, LOG_LEVEL: 'error' },
    stdio: 'inherit',
  });
  const worker: ChildProcess = spawn(process.execPath, [resolve(root, 'dist/apps/api/worker.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logged: Times[] = [];
  let workerStarted = false;
  worker.stdout?.on('data', (b: Buffer) => {
    if (b.toString().includes('Worker started')) workerStarted = true;
    for (const m of b.toString().matchAll(/Compiled the \d+ summary for area [0-9a-f-]+: (\{[^}]*\})/g))
      logged.push(JSON.parse(m[1]) as Times);
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForApi(base);
    for (let i = 0; !workerStarted; i++) {
      if (i > 600) throw new Error('The worker did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
    const signIn = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { signIn(input: { email: "bench@laerenett.no", password: "bench-password-0000" }) { id } }`,
      }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    type Row = { id: string; status: string; error: string | null };
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const r = (await (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data?: Record<string, Row>; errors?: { message: string }[] };
      if (r.errors) throw new Error(r.errors[0].message);
      return r.data as Record<string, Row>;
    };
    const walls: number[] = [];
    const atRest = worker.pid ? peakMiB(worker.pid, 'VmRSS') : null;
    for (let i = 1; i <= RUNS; i++) {
      const before = logged.length;
      const started = Date.now();
      const c = (await gql(`mutation($a: ID, $y: Int) { compileSummary(areaId: $a, year: $y) { id } }`, { a: area, y: year }))
        .compileSummary;
      for (;;) {
        const s = (await gql(`query($id: ID!) { summaryCompilation(id: $id) { status error } }`, { id: c.id })).summaryCompilation;
        if (s.status === 'FAILED') throw new Error(`The compilation failed: ${s.error}`);
        if (s.status === 'COMPLETE') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const wall = Date.now() - started;
      walls.push(wall);
      const row = (
        await db.query(
          `SELECT extract(epoch FROM finished_at - started_at) * 1000 AS run_ms, extract(epoch FROM started_at - created_at) * 1000 AS wait_ms FROM summary_compilation WHERE id = $1`,
          [c.id],
        )
      ).rows[0];
      const [v] = (
        await db.query(
          `SELECT version, length(pdf_nb) AS nb, length(pdf_en) AS en, length(xlsx) AS xlsx FROM summary_version WHERE compilation_id = $1`,
          [c.id],
        )
      ).rows;
      for (let k = 0; k < 50 && logged.length === before; k++) await new Promise((r) => setTimeout(r, 20));
      const t = logged[before];
      console.log(
        `  run ${i} (version ${v.version}): compile ${Math.round(row.run_ms)} ms, waited ${Math.round(row.wait_ms)} ms in the queue, ${wall} ms from the click to done`,
      );
      if (t)
        console.log(
          `    stages: collect ${t.collect} ms · agencies ${t.agencies} ms · PDFs (nb + en) ${t.pdf} ms · XLSX ${t.xlsx} ms · save ${t.save} ms`,
        );
      console.log(
        `    files: PDF ${Math.round(v.nb / 1024)} KiB (nb), ${Math.round(v.en / 1024)} KiB (en); XLSX ${Math.round(v.xlsx / 1024)} KiB`,
      );
    }
    const peak = peakMiB(worker.pid as number);
    const sorted = [...walls].sort((a, b) => a - b);
    const verdict = (ok: boolean) => (ok ? 'within the aim' : 'ABOVE THE AIM');
    console.log(
      `  click to done: best ${sorted[0]} ms, median ${sorted[Math.floor(sorted.length / 2)]} ms, worst ${sorted[sorted.length - 1]} ms (run 1 is the worker's first, ${SETTLE_S} s after it started)`,
    );
    if (agencies === 1000)
      console.log(
        `  aim for 1,000 agencies, under ${AIM_MS} ms: median ${sorted[Math.floor(sorted.length / 2)]} ms, ${verdict(sorted[Math.floor(sorted.length / 2)] < AIM_MS)}`,
      );
    console.log(
      `  worker peak memory (VmHWM): ${peak ?? 'n/a'} MiB against ${AIM_PEAK_MIB} MiB, ${peak === null ? 'not measured' : verdict(peak < AIM_PEAK_MIB)} (at rest before the first run: ${atRest ?? 'n/a'} MiB)`,
    );
  } finally {
    await db.end();
    // Both processes gone before the next data set drops the database under them.
    await Promise.all(
      [worker, api].map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : (p.once('exit', r), p.kill('SIGTERM'))))),
    );
  }
}

async function main() {
  for (const s of SETS) await benchSet(s.agencies, s.apprentices);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
