/**
 * `npm start`: the whole platform on one machine with the demo data.
 * Without DATABASE_URL it starts an embedded Postgres (a real Postgres server from npm, data in
 * .data/postgres) and the queue runs on it; with DATABASE_URL (and optionally REDIS_URL) it uses
 * those servers. It builds only what is out of date, runs the migrations, loads the demo data
 * once, then starts the API (which also serves the built portal) and the job worker, and says
 * "running" only once both are up. It prints how long each phase took.
 */
import { ChildProcess, fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { childEnvironment, readEmbeddedSettings } from '../../apps/api/src/config/config';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../../apps/api/src/database/embedded';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/api/src/database/seeds/demo-users';

const root = resolve(__dirname, '../..');
const api = (f: string) => resolve(root, 'dist/apps/api', f);

/** What the build reads, and what it writes; the build is current when every output is newer than every input. */
const BUILD_INPUTS = [
  'apps/api/src',
  'apps/api/webpack.config.cjs',
  'apps/api/tsconfig.json',
  'apps/api/tsconfig.app.json',
  'apps/portal/src',
  'apps/portal/index.html',
  'apps/portal/vite.config.mts',
  'apps/portal/tsconfig.json',
  'libs/shared/domain/src',
  'libs/portal/data-access/src',
  'package.json',
  'tsconfig.base.json',
];
const BUILD_OUTPUTS = ['dist/apps/api/main.js', 'dist/apps/api/worker.js', 'dist/apps/api/cli.js', 'dist/apps/portal/index.html'];
/**
 * Touched by each build target when it finishes (the project.json of api and portal): the bundlers leave an output
 * file untouched when its content did not change, so the outputs' own times can be older than a
 * change that did not affect them.
 */
const BUILD_STAMPS = ['dist/apps/api/.build-stamp', 'dist/apps/portal/.build-stamp'];

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) if (!e.startsWith('__tests__') && !e.endsWith('.spec.ts')) max = Math.max(max, newest(join(path, e)));
  return max;
}

function buildIsCurrent(): boolean {
  const stamps = BUILD_STAMPS.map((f) => resolve(root, f));
  if (![...BUILD_OUTPUTS.map((f) => resolve(root, f)), ...stamps].every(existsSync)) return false;
  const built = Math.min(...stamps.map((f) => statSync(f).mtimeMs));
  return BUILD_INPUTS.every((f) => !existsSync(resolve(root, f)) || newest(resolve(root, f)) <= built);
}

/**
 * The secret that signs links in e-mails (answer links, calendar feeds), made once per
 * installation and kept beside its data (readable by this user only), so no installation signs
 * with a secret anyone can read in the source.
 */
function installationSecret(dir: string): string {
  const file = join(dir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(36).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Module-wide, so that a failure anywhere still stops the database it started. */
let embedded: EmbeddedPostgres | null = null;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const s = readEmbeddedSettings();
  const phases: [string, number][] = [];
  const started = Date.now();
  let t = Date.now();
  if (buildIsCurrent()) phases.push(['build check', Date.now() - t]);
  else {
    console.log('Building the API and the portal …');
    const nxPackage = resolve(root, 'node_modules/nx/package.json');
    const nx = resolve(dirname(nxPackage), (JSON.parse(readFileSync(nxPackage, 'utf8')) as { bin: { nx: string } }).bin.nx);
    const b = spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '-p', 'api', 'portal'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    if (b.status !== 0) throw new Error('The build failed (see above).');
    phases.push(['build', Date.now() - t]);
  }

  let databaseUrl = s.databaseUrl;
  const children: ChildProcess[] = [];
  let stopping = false;
  /** Stops everything; `announce` (Ctrl+C) says so and says when it is done. */
  const stop = async (code = 0, announce = false) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    if (announce) console.log('\n  Stopping Lærenett (the running jobs finish first) …');
    const exited = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r)));
    for (const c of children) c.kill('SIGTERM');
    await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 15_000))]);
    await embedded?.stop().catch(() => undefined);
    if (announce) console.log(`  Stopped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    process.exit(code);
  };
  const fail = (message: string) => {
    console.error(`\n  Lærenett did not start: ${message}\n`);
    void stop(1);
  };
  process.on('SIGINT', () => void stop(0, true));
  process.on('SIGTERM', () => void stop(0, true));

  t = Date.now();
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(resolve(root, s.dataDir), s.embeddedPort);
    databaseUrl = embedded.url;
    phases.push([embedded.created ? 'database (new)' : 'database', Date.now() - t]);
  }
  const env = childEnvironment({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: s.authSecret ?? installationSecret(resolve(root, s.dataDir, '..')),
    PORTAL_DIR: resolve(root, 'dist/apps/portal'),
    PUBLIC_URL: process.env['PUBLIC_URL'] || `http://localhost:${s.port}`,
    PORT: String(s.port),
  });

  // Each child tells the launcher over IPC when it is ready (and the command line, how long each step took).
  const start = (name: string, file: string, args: string[] = []) => {
    // execArgv: [] so that the children do not inherit tsx's loader, which would slow every require.
    const c = fork(api(file), args, { env, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((l) => `[${name}] ${l}`)
        .join('\n') + '\n';
    c.stdout?.on('data', (d: Buffer) => process.stdout.write(prefix(d)));
    c.stderr?.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
    children.push(c);
    return c;
  };

  const setup = start('setup', 'cli.js', ['setup']);
  setup.on('message', (m: { phase?: string; ms?: number }) => m.phase && phases.push([m.phase, m.ms ?? 0]));
  const setupCode = await new Promise<number | null>((done) => setup.on('exit', done));
  if (setupCode !== 0) return fail('the migrations or the demo data failed (see above).');

  t = Date.now();
  const waiting = new Set(['api', 'worker']);
  const ready = new Promise<void>((done) => {
    for (const [name, file] of [
      ['api', 'main.js'],
      ['worker', 'worker.js'],
    ]) {
      const c = start(name, file);
      c.on('message', (m: { ready?: string }) => {
        if (m.ready !== name || !waiting.delete(name)) return;
        phases.push([name === 'api' ? 'API' : 'worker', Date.now() - t]);
        if (!waiting.size) done();
      });
      c.on('exit', (code, signal) => {
        if (stopping) return;
        if (waiting.has(name))
          fail(`the ${name === 'api' ? 'API' : 'worker'} stopped while starting (exit ${code ?? signal}); its messages are above.`);
        else {
          console.error(`[${name}] stopped (exit ${code ?? signal}); stopping the platform.`);
          void stop(1);
        }
      });
    }
  });
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 120_000).unref());
  if ((await Promise.race([ready, timeout])) === 'timeout') return fail(`${[...waiting].join(' and ')} not ready after 120 s.`);

  const url = process.env['PUBLIC_URL'] || `http://localhost:${s.port}`;
  console.log(`
  Lærenett is running: ${url}
  ${embedded ? `Database: embedded Postgres, data in ${embedded.dataDir}; queue: BullMQ on the same database.` : `Database: ${databaseUrl?.replace(/\/\/[^@]*@/, '//…@')}; queue: ${s.redisUrl ? 'BullMQ on Redis' : 'BullMQ on Postgres'}.`}
  Mail: ${env['SMTP_URL'] ? `SMTP (${env['SMTP_URL'].replace(/\/\/[^@]*@/, '//…@')})` : 'written to the log (set SMTP_URL to send)'}.
  Ready in ${seconds(Date.now() - started)}: ${phases.map(([p, ms]) => `${p} ${seconds(ms)}`).join(' · ')}

  Demo users (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((u) => `    ${u.email.padEnd(28)} ${u.role}`).join('\n')}

  Stop with Ctrl+C.
`);
}

main().catch(async (e) => {
  console.error(`\n  Lærenett did not start: ${e instanceof Error ? e.message : e}\n`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
