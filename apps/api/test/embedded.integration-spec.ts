/**
 * The embedded default: no DATABASE_URL, no REDIS_URL. PGlite serves Postgres over a socket,
 * migrations run, the dashboard answers, and a queued invitation mail runs to the end on
 * BullMQ's PostgreSQL backend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../src/database/embedded';
import { createApiApp, createWorkerApp } from '../src/bootstrap';
import { seedDemoData } from '../src/database/seeds/demo-data';
import { createDataSource } from '../src/database/data-source';
import { migrateQueueSchema } from '../src/modules/queue/queue-schema';
import { Client, eventually, ids, USERS } from './harness';
import { SmtpSink } from './smtp-sink';

describe('embedded default (PGlite, queue on Postgres)', () => {
  let pg: EmbeddedPostgres;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let dir: string;
  const smtp = new SmtpSink();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'laerenett-embedded-'));
    pg = await startEmbeddedPostgres(dir, 54000 + (process.pid % 1000));
    const smtpUrl = await smtp.start();
    for (const k of ['REDIS_URL', 'QUEUE_BACKEND']) delete process.env[k];
    Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: pg.url, SMTP_URL: smtpUrl, LOG_LEVEL: 'error', QUEUE_PREFIX: 'laerenett', DATABASE_POOL_SIZE: '4' });
    // As `npm start` does: migrate (the application and the queue's schema), load the demo data, then start.
    const setup = createDataSource(pg.url, 2);
    await setup.initialize();
    await setup.runMigrations({ transaction: 'each' });
    await migrateQueueSchema(pg.url);
    await seedDemoData(setup);
    await setup.destroy();
    api = await createApiApp();
    await api.listen(0, '127.0.0.1');
    worker = await createWorkerApp();
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('migrates, answers the dashboard and delivers a queued invitation', async () => {
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    const ds = api.get<DataSource>(getDataSourceToken());
    const version: { v: string }[] = await ds.query(`SELECT version() AS v`);
    expect(version[0].v).toMatch(/PostgreSQL/);
    const tables: { n: string }[] = await ds.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'bullmq'`);
    const ministry = await new Client(url).signIn(USERS.ministry);
    const d = await ministry.gql(`{ dashboard { totals { apprenticesNow trades } } }`);
    expect(d.data!['dashboard'].totals).toEqual({ apprenticesNow: 37, trades: 7 });
    const i = await ids(ds);
    const inv = await ministry.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, { i: { email: 'embedded@husbanken.no', name: 'Embedded', role: 'AGENCY_COORDINATOR', agencyId: i.husbanken, language: 'nb' } });
    expect(inv.errors).toBeUndefined();
    await smtp.waitFor(() => smtp.to('embedded@husbanken.no').length === 1, 30_000);
    expect(Number(tables[0]?.n ?? 0)).toBeGreaterThan(0);
    // The SMTP server has the message before the worker records it as sent; wait for the record.
    const status = async () => ((await ds.query(`SELECT status FROM mail_message WHERE recipient = 'embedded@husbanken.no'`)) as { status: string }[]).map((r) => r.status);
    expect(await eventually(status, (s) => s.join() === 'SENT')).toEqual(['SENT']);
  }, 90_000);
});
