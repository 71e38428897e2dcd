/**
 * Starts the built platform (API serving the built portal, and the worker) against a fresh
 * Postgres database and Redis, with the demo data — as `npm start` would, on real servers.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';

export const root = resolve(__dirname, '../../../..');
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3210);
export const E2E_SMTP_PORT = Number(process.env['E2E_SMTP_PORT'] ?? 2526);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
const ADMIN_URL = process.env['TEST_POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'laerenett_e2e';

function env(): NodeJS.ProcessEnv {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB}`;
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: u.toString(),
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `lne2e-${Date.now()}`,
    PORT: String(E2E_PORT),
    PUBLIC_URL: BASE_URL,
    PORTAL_DIR: resolve(root, 'dist/apps/portal'),
    LOG_LEVEL: 'warn',
    SIGN_IN_MAX_FAILURES: '50',
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    // Slow enough per agency that the compilation's progress can be watched in the browser.
    SUMMARY_COMPILE_PAUSE_MS: '250',
  };
}

const run = (args: string[], e: NodeJS.ProcessEnv) =>
  new Promise<void>((ok, fail) => spawn(process.execPath, args, { env: e, stdio: 'inherit' }).on('exit', (c) => (c === 0 ? ok() : fail(new Error(`${args.join(' ')} exited ${c}`)))));

export async function startPlatform(): Promise<ChildProcess[]> {
  for (const f of ['dist/apps/api/main.js', 'dist/apps/portal/index.html']) {
    if (!existsSync(resolve(root, f))) throw new Error(`${f} is missing: build first (npx nx run-many -t build)`);
  }
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${DB}`);
  await c.end();
  const e = env();
  await run([resolve(root, 'dist/apps/api/cli.js'), 'migrate'], e);
  await run([resolve(root, 'dist/apps/api/cli.js'), 'demo-data'], e);
  const procs = ['main.js', 'worker.js'].map((f) => spawn(process.execPath, [resolve(root, 'dist/apps/api', f)], { env: e, stdio: 'inherit' }));
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) return procs;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  procs.forEach((p) => p.kill());
  throw new Error('The platform did not start');
}
