/**
 * `npm start`: the whole platform on one machine with the demo data.
 * Without DATABASE_URL it hosts an embedded Postgres (PGlite, data in .data/pglite) and the
 * queue runs on it; with DATABASE_URL (and optionally REDIS_URL) it uses those servers.
 * Runs the migrations, loads the demo data once, then starts the API (which also serves the
 * built portal) and the job worker, and prints where to go and how to sign in.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { childEnvironment, readEmbeddedSettings } from '../../apps/api/src/config/config';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../../apps/api/src/database/embedded';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/api/src/database/seeds/demo-users';

const root = resolve(__dirname, '../..');
const api = (f: string) => resolve(root, 'dist/apps/api', f);

async function main() {
  const s = readEmbeddedSettings();
  for (const f of ['main.js', 'worker.js', 'cli.js']) {
    if (!existsSync(api(f))) throw new Error(`dist/apps/api/${f} is missing: run \`npm start\` (it builds first) or \`npx nx run-many -t build\`.`);
  }
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = s.databaseUrl;
  if (!databaseUrl) {
    console.log(`Starting the embedded Postgres (data in ${s.dataDir}) …`);
    embedded = await startEmbeddedPostgres(resolve(root, s.dataDir), s.embeddedPort);
    databaseUrl = embedded.url;
  }
  const env = childEnvironment({
    DATABASE_URL: databaseUrl,
    PORTAL_DIR: resolve(root, 'dist/apps/portal'),
    PUBLIC_URL: `http://localhost:${s.port}`,
    PORT: String(s.port),
    // PGlite serves one query at a time: small pools are faster than many waiting connections.
    DATABASE_POOL_SIZE: embedded ? '4' : undefined,
  });
  // Asynchronously: this process serves the embedded database to the command.
  for (const cmd of ['migrate', 'demo-data']) {
    const code = await new Promise<number | null>((done) => spawn(process.execPath, [api('cli.js'), cmd], { env, stdio: 'inherit' }).on('exit', done));
    if (code !== 0) throw new Error(`${cmd} failed`);
  }
  const children: ChildProcess[] = [];
  const run = (name: string, file: string) => {
    const c = spawn(process.execPath, [api(file)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n') + '\n';
    c.stdout?.on('data', (d: Buffer) => process.stdout.write(prefix(d)));
    c.stderr?.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
    c.on('exit', (code) => {
      if (!stopping) {
        console.error(`[${name}] stopped (exit ${code}); stopping the platform.`);
        void stop(1);
      }
    });
    children.push(c);
  };
  run('api', 'main.js');
  run('worker', 'worker.js');

  let stopping = false;
  const stop = async (code = 0) => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const url = `http://localhost:${s.port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`
  Lærenett is running: ${url}
  ${embedded ? `Database: embedded Postgres in ${s.dataDir}; queue: BullMQ on the same database.` : `Database: ${databaseUrl?.replace(/\/\/[^@]*@/, '//…@')}; queue: ${s.redisUrl ? 'BullMQ on Redis' : 'BullMQ on Postgres'}.`}
  Mail: ${env['SMTP_URL'] ? 'SMTP' : 'written to the log (set SMTP_URL to send)'}.

  Demo users (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((u) => `    ${u.email.padEnd(28)} ${u.role}`).join('\n')}

  Stop with Ctrl+C.
`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
