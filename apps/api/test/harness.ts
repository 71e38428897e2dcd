/**
 * Boots the real API and worker in-process against real Postgres, Redis and an SMTP sink.
 */
import 'reflect-metadata';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApiApp, createWorkerApp } from '../src/bootstrap';
import { seedDemoData } from '../src/database/seeds/demo-data';
import { createDataSource } from '../src/database/data-source';
import { SmtpSink } from './smtp-sink';
import { Client as PgClient } from 'pg';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { migrateQueueSchema } from '../src/modules/queue/queue-schema';
import { TEST_ADMIN_URL, TEST_BACKEND, TEST_DB, testDatabaseUrl, TEST_REDIS_URL } from './env';

export interface Stack {
  /** The database URL of this test file's own database. */
  databaseUrl: string;
  api: INestApplication;
  worker: INestApplicationContext | null;
  ds: DataSource;
  smtp: SmtpSink;
  url: string;
  /** A queue as the application registered it (on whichever backend the tests run). */
  queue(name: string): Queue;
  stop(): Promise<void>;
}

/** Each test file gets a database of its own, so files cannot disturb each other. */
async function freshDatabase(adminUrl = TEST_ADMIN_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DB}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: testDatabaseUrl(name, adminUrl),
    drop: async () => {
      const c = new PgClient({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startStack(
  opts: { worker?: boolean; seed?: boolean; redisUrl?: string; postgresAdminUrl?: string; env?: Record<string, string> } = {},
): Promise<Stack> {
  const smtp = new SmtpSink();
  const smtpUrl = await smtp.start();
  const db = await freshDatabase(opts.postgresAdminUrl);
  // On the embedded backend, no Redis: the queue runs on BullMQ's PostgreSQL backend in the
  // application's own database, as `npm start` runs it.
  if (TEST_BACKEND === 'embedded') delete process.env['REDIS_URL'];
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    ...(TEST_BACKEND === 'redis' ? { REDIS_URL: opts.redisUrl ?? TEST_REDIS_URL, QUEUE_BACKEND: 'redis' } : { QUEUE_BACKEND: 'postgres' }),
    QUEUE_PREFIX: `lntest-${process.pid}-${Date.now()}`,
    SMTP_URL: smtpUrl,
    LOG_LEVEL: 'error',
    PUBLIC_URL: 'http://localhost:4200',
    SIGN_IN_MAX_FAILURES: '5',
    ...opts.env,
  });
  // As `npm start` does: migrate (the application, and the queue's schema where the queue is on
  // Postgres) and load the demo data before any process starts.
  const setup = createDataSource(db.url, 2);
  await setup.initialize();
  await setup.runMigrations({ transaction: 'each' });
  if (TEST_BACKEND === 'embedded') await migrateQueueSchema(db.url);
  if (opts.seed !== false) await seedDemoData(setup);
  await setup.destroy();
  const api = await createApiApp();
  await api.listen(0, '127.0.0.1');
  const ds = api.get<DataSource>(getDataSourceToken());
  const worker = opts.worker === false ? null : await createWorkerApp();
  const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  return {
    databaseUrl: db.url,
    api,
    worker,
    ds,
    smtp,
    url,
    queue(name: string) {
      for (const app of [api, worker]) {
        try {
          if (app) return app.get<Queue>(getQueueToken(name), { strict: false });
        } catch {
          /* not registered in this application */
        }
      }
      throw new Error(`No queue named ${name}`);
    },
    async stop() {
      await worker?.close();
      await api.close();
      await smtp.stop();
      await db.drop();
    },
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** A client with its own cookie jar, as a browser would be. */
export class Client {
  cookie = '';
  /** `headers` go with every request (e.g. X-Forwarded-For, to call from another address). */
  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return (await res.json()) as GqlResult<T>;
  }

  async get(path: string) {
    return fetch(`${this.url}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
  }

  /** Uses another client's session (the same browser, another server). */
  withCookie(cookie: string) {
    this.cookie = cookie;
    return this;
  }

  async signIn(email: string, password = 'laerenett-demo') {
    const r = await this.gql(`mutation($i: SignInInput!) { signIn(input: $i) { id role } }`, { i: { email, password } });
    if (r.errors) throw new Error(`sign-in failed for ${email}: ${r.errors[0].message}`);
    return this;
  }
}

export const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code ?? null;

export async function ids(ds: DataSource) {
  const one = async (sql: string, p: unknown[] = []) => ((await ds.query(sql, p)) as { id: string }[])[0].id;
  return {
    kdd: await one(`SELECT id FROM ministry_area WHERE code = 'KDD'`),
    fd: await one(`SELECT id FROM ministry_area WHERE code = 'FD'`),
    digdir: await one(`SELECT id FROM agency WHERE name = 'Digitaliseringsdirektoratet'`),
    statsbygg: await one(`SELECT id FROM agency WHERE name = 'Statsbygg'`),
    husbanken: await one(`SELECT id FROM agency WHERE name = 'Husbanken'`),
    forsvarsbygg: await one(`SELECT id FROM agency WHERE name = 'Forsvarsbygg'`),
    kontor: await one(`SELECT id FROM trade WHERE code = 'kontor-og-administrasjon'`),
    digdirApprentice: await one(`SELECT id FROM apprentice WHERE email = 'emma.larsen@digdir.no'`),
    statsbyggApprentice: await one(
      `SELECT a.id FROM apprentice a JOIN agency g ON g.id = a.agency_id WHERE g.name = 'Statsbygg' AND a.status = 'ACTIVE' ORDER BY a.name LIMIT 1`,
    ),
  };
}

export const USERS = {
  admin: 'admin@laerenett.no',
  ministry: 'kari.nordmann@kdd.dep.no',
  otherMinistry: 'per.olsen@fd.dep.no',
  digdir: 'ola.hansen@digdir.no',
  statsbygg: 'ingrid.berg@statsbygg.no',
  apprentice: 'emma.larsen@digdir.no',
} as const;
export type UserKey = keyof typeof USERS | 'anonymous';

/** Polls `read` until `done` holds for its value (or the time runs out), then returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/**
 * The built worker (`dist/apps/api/worker.js`) in a process of its own, with the test's
 * environment: started, killed with SIGKILL mid-way (as a crash would), and started again.
 */
export class WorkerProcess {
  static readonly PATH = resolve(__dirname, '../../../dist/apps/api/worker.js');
  private child: ChildProcess | null = null;

  constructor() {
    if (!existsSync(WorkerProcess.PATH))
      throw new Error('Build the API first (npx nx run api:build): this test runs dist/apps/api/worker.js');
  }

  start(env: Record<string, string> = {}): void {
    this.child = spawn(process.execPath, [WorkerProcess.PATH], { env: { ...process.env, LOG_LEVEL: 'error', ...env }, stdio: 'inherit' });
  }

  /** SIGKILL, as a crash: no shutdown hooks run. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
