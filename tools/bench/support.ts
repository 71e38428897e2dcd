/** What the benchmarks share: a scratch database, the built command line, waiting for the API. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';

export const root = resolve(__dirname, '../..');
export const ADMIN_URL = process.env['BENCH_POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};

/** Runs a built script (e.g. dist/apps/api/cli.js migrate) and fails if it does. */
export const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((ok, fail) =>
    spawn(process.execPath, args, { env, stdio: 'inherit' }).on('exit', (c) =>
      c === 0 ? ok() : fail(new Error(`${args.join(' ')} exited ${c}`)),
    ),
  );

/** A new, empty database; returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function waitForApi(base: string, timeoutMs = 30_000): Promise<void> {
  for (let i = 0; i < timeoutMs / 250; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API at ${base} did not start`);
}

/**
 * A scratch database with the demo data, and the environment an API on `port` runs with against
 * it (its own queue prefix, quiet logs). `NODE_ENV` is left to the caller.
 */
export async function demoDatabase(name: string, port: number): Promise<{ databaseUrl: string; env: NodeJS.ProcessEnv }> {
  const databaseUrl = await scratchDatabase(name);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${name}-${Date.now()}`,
    PORT: String(port),
    LOG_LEVEL: 'error',
  };
  const cli = resolve(root, 'dist/apps/api/cli.js');
  await run([cli, 'migrate'], { ...env, NODE_ENV: 'development' });
  await run([cli, 'demo-data'], { ...env, NODE_ENV: 'development' });
  return { databaseUrl, env };
}
