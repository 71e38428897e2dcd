/**
 * The embedded default, as `npm start` runs it: no DATABASE_URL, no REDIS_URL. The embedded
 * Postgres (a real server from npm) keeps its data across restarts, serves connections as
 * separate sessions (a transaction never blocks another connection's work), the queue runs on
 * BullMQ's PostgreSQL backend, and the portal is served from a folder under a dot-folder.
 * Runs on the embedded backend (TEST_QUEUE_BACKEND=embedded).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded';
import { Client, eventually, ids, Stack, startStack, USERS } from './harness';

describe('the embedded default', () => {
  let stack: Stack;
  const base = mkdtempSync(join(tmpdir(), 'laerenett-embedded-'));
  chmodSync(base, 0o755);
  const portalDir = join(base, '.local', 'share', 'laerenett', 'portal');

  beforeAll(async () => {
    mkdirSync(join(portalDir, 'assets'), { recursive: true });
    writeFileSync(join(portalDir, 'index.html'), '<!doctype html><title>Lærenett</title><div id="root"></div>');
    writeFileSync(join(portalDir, 'assets', 'app.js'), 'console.log(1)');
    process.env['PORTAL_DIR'] = portalDir;
    stack = await startStack();
  }, 120_000);

  afterAll(async () => {
    delete process.env['PORTAL_DIR'];
    await stack?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('runs the queue on Postgres and delivers a queued invitation once', async () => {
    const version: { v: string }[] = await stack.ds.query(`SELECT version() AS v`);
    expect(version[0].v).toMatch(/^PostgreSQL 18/);
    const tables: { n: number }[] = await stack.ds.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'bullmq'`);
    expect(tables[0].n).toBeGreaterThan(0);
    const ministry = await new Client(stack.url).signIn(USERS.ministry);
    const d = await ministry.gql(`{ dashboard { totals { apprenticesNow trades } } }`);
    expect(d.data!['dashboard'].totals).toEqual({ apprenticesNow: 37, trades: 7 });
    const i = await ids(stack.ds);
    const inv = await ministry.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
      i: { email: 'embedded@husbanken.no', name: 'Embedded', role: 'AGENCY_COORDINATOR', agencyId: i.husbanken, language: 'nb' },
    });
    expect(inv.errors).toBeUndefined();
    await stack.smtp.waitFor(() => stack.smtp.to('embedded@husbanken.no').length === 1, 30_000);
    const status = async () =>
      ((await stack.ds.query(`SELECT status FROM mail_message WHERE recipient = 'embedded@husbanken.no'`)) as { status: string }[]).map(
        (r) => r.status,
      );
    expect(await eventually(status, (s) => s.join() === 'SENT')).toEqual(['SENT']);
  });

  it('serves every client route from a portal folder under a dot-folder', async () => {
    for (const path of ['/logg-inn', '/oversikt', '/samlinger/123']) {
      const res = await fetch(`${stack.url}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.text()).toContain('<div id="root">');
    }
    // Monitors and link checkers ask with HEAD.
    expect((await fetch(`${stack.url}/oversikt`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${stack.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${stack.url}/api/nothing-here`)).status).toBe(404);
  });

  it('serves each connection as its own session: an open transaction blocks nobody else', async () => {
    const a = new PgClient({ connectionString: stack.databaseUrl });
    const b = new PgClient({ connectionString: stack.databaseUrl });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('BEGIN');
      await a.query(`SET LOCAL search_path TO pg_catalog`);
      // While a's transaction is open, b runs its own statements, with its own parameter types.
      const r = await b.query(`SELECT $1::int + 1 AS n, $2::date AS d`, [2026, '2026-12-07']);
      expect(r.rows[0].n).toBe(2027);
      const path = (await b.query(`SHOW search_path`)).rows[0].search_path as string;
      expect(path).not.toBe('pg_catalog');
      await a.query('ROLLBACK');
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('keeps its data across a restart of the server', async () => {
    const dir = join(base, '.cache', 'second', '.data', 'postgres');
    const port = 16000 + (process.pid % 1000); // below the ephemeral range (see global-setup)
    const first = await startEmbeddedPostgres(dir, port);
    expect(first.created).toBe(true);
    const c1 = new PgClient({ connectionString: first.url });
    await c1.connect();
    await c1.query(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('lærling')`);
    await c1.end();
    await first.stop();
    const second = await startEmbeddedPostgres(dir, port);
    try {
      expect(second.created).toBe(false);
      const c2 = new PgClient({ connectionString: second.url });
      await c2.connect();
      expect((await c2.query(`SELECT v FROM kept`)).rows).toEqual([{ v: 'lærling' }]);
      await c2.end();
    } finally {
      await second.stop();
    }
  }, 60_000);
});
