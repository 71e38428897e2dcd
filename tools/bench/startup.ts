/**
 * `npm run bench:startup`: how long `npm start` takes to serve, the way the README runs it
 * (embedded Postgres, the queue on it, the demo data). A first start on a fresh data folder
 * (initialising the database, every migration, the demo data), then `--runs` second starts on
 * the same folder with nothing changed. The build must be current (the script builds first);
 * each start is timed from the command to the platform answering GraphQL, and the launcher's
 * own phases (build check, database, migrations, demo data, API, worker) are shown with their
 * share. API and worker start side by side, so their shares overlap.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { arg, root } from './support';

const PORT = arg('port', 3390);
const DB_PORT = arg('db-port', 54360);
const RUNS = arg('runs', 3);
const dataDir = resolve(root, 'tmp/bench-startup/.data/postgres');

interface Result {
  wall: number;
  phases: [string, number][];
}

async function start(): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), EMBEDDED_DB_PORT: String(DB_PORT), LAERENETT_DATA_DIR: dataDir };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'SMTP_URL']) delete env[k];
  const t0 = performance.now();
  const p: ChildProcess = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`not running after 180 s:\n${out}`)), 180_000);
      const check = setInterval(() => {
        if (out.includes('Lærenett is running')) {
          clearInterval(check);
          clearTimeout(timer);
          ok();
        }
      }, 20);
      p.once('exit', (c) => fail(new Error(`npm start exited (${c}):\n${out}`)));
    });
    // Serving means answering a GraphQL request.
    const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    if (!res.ok) throw new Error(`GraphQL answered ${res.status}`);
    const wall = performance.now() - t0;
    const line = /Ready in [\d.]+ s: (.*)/.exec(out)?.[1] ?? '';
    const phases = line
      .split(' · ')
      .map((s) => /^(.*) ([\d.]+) s$/.exec(s.trim()))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [m[1], Number(m[2]) * 1000] as [string, number]);
    return { wall, phases };
  } finally {
    if (p.exitCode === null && p.signalCode === null) {
      const exited = new Promise((r) => p.once('exit', r));
      process.kill(-p.pid!, 'SIGTERM');
      await exited;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function show(label: string, r: Result) {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const launcher =
    r.phases.reduce((a, [p, ms]) => (p === 'API' || p === 'worker' ? a : a + ms), 0) +
    Math.max(0, ...r.phases.filter(([p]) => p === 'API' || p === 'worker').map(([, ms]) => ms));
  console.log(`${label}: ${s(r.wall)} from \`npm start\` to GraphQL answering`);
  for (const [p, ms] of r.phases) console.log(`  ${p.padEnd(16)} ${s(ms).padStart(8)}  ${((100 * ms) / r.wall).toFixed(0).padStart(3)} %`);
  console.log(
    `  ${'npm, tsx, starting processes'.padEnd(16)} ${s(r.wall - launcher).padStart(8)}  ${((100 * (r.wall - launcher)) / r.wall).toFixed(0).padStart(3)} %`,
  );
}

async function main() {
  rmSync(resolve(root, 'tmp/bench-startup'), { recursive: true, force: true });
  console.log(`Lærenett start-up, embedded Postgres on port ${DB_PORT}, API on ${PORT} (aims: first under 20 s, second under 8 s)\n`);
  show('first start (new data folder)', await start());
  const again: Result[] = [];
  for (let i = 0; i < RUNS; i++) again.push(await start());
  again.forEach((r, i) => show(`second start, run ${i + 1}`, r));
  const walls = again.map((r) => r.wall).sort((a, b) => a - b);
  console.log(
    `\nsecond start: median ${(walls[Math.floor(walls.length / 2)] / 1000).toFixed(2)} s, worst ${(walls[walls.length - 1] / 1000).toFixed(2)} s over ${RUNS} runs`,
  );
  rmSync(resolve(root, 'tmp/bench-startup'), { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
