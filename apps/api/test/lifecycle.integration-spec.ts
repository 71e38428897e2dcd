/**
 * Running Lærenett for real: a new installation gets its first administrator from the command
 * line; migrations started together take turns; the API drains before it stops (readiness 503,
 * still serving, then closing); the worker answers a supervisor's health checks. The API and
 * the worker are the built processes (dist/apps/api), as production runs them.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, code, Stack, startStack } from './harness';
import { TEST_ADMIN_URL, testDatabaseUrl } from './env';

const DIST = resolve(__dirname, '../../../dist/apps/api');
const PROD = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'lifecycle-test-secret-0123456789-abcdefg',
  COOKIE_SECURE: 'false',
  LOG_LEVEL: 'error',
};

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.once('exit', (c) => r(c))));
async function until(url: string, ok: (status: number) => boolean, timeoutMs = 30_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (ok(status) || Date.now() > end) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('running it for real', () => {
  let stack: Stack;
  const children: ChildProcess[] = [];
  const start = (file: string, env: Record<string, string>) => {
    const p = spawn(process.execPath, [resolve(DIST, file)], {
      env: { ...process.env, ...PROD, DATABASE_URL: stack.databaseUrl, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(p);
    return p;
  };

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await stack?.stop();
  });

  it('invites the first administrator from the command line, in production, with a one-time link', async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [resolve(DIST, 'cli.js'), ...args], {
        env: { ...process.env, ...PROD, DATABASE_URL: stack.databaseUrl, PUBLIC_URL: 'https://laerenett.example' },
        encoding: 'utf8',
      });
    const r = run('create-admin', 'Forste.Admin@Departementet.no', 'Første', 'Admin');
    expect(r.status).toBe(0);
    const token = /https:\/\/laerenett\.example\/invitasjon\/(\S+)/.exec(r.stdout)?.[1];
    expect(token).toBeTruthy();
    expect(run('create-admin', 'not-an-address').stderr).toMatch(/e-mail address/);
    const person = new Client(stack.url);
    const accepted = await person.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { role email } }`, {
      i: { token, password: 'a-long-enough-password' },
    });
    expect(accepted.data?.['acceptInvitation']).toEqual({ role: 'ADMIN', email: 'forste.admin@departementet.no' });
    // The link works once, and the address now has a user.
    expect(
      code(
        await new Client(stack.url).gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { role } }`, {
          i: { token, password: 'another-long-password' },
        }),
      ),
    ).toBe('INVALID_TOKEN');
    expect(run('create-admin', 'forste.admin@departementet.no').stderr).toMatch(/already has a user/);
    await new Client(stack.url).signIn('forste.admin@departementet.no', 'a-long-enough-password');
  });

  it('runs two migrations started together on an empty database: both finish, one does the work', async () => {
    const name = `laerenett_test_migrate_${process.pid}`;
    const admin = new PgClient({ connectionString: TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = testDatabaseUrl(name);
      const both = [0, 1].map(() => {
        const p = spawn(process.execPath, [resolve(DIST, 'cli.js'), 'migrate'], {
          env: { ...process.env, ...PROD, DATABASE_URL: url, QUEUE_BACKEND: 'postgres', REDIS_URL: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (out += d));
        return exited(p).then((c) => ({ c, out }));
      });
      const results = await Promise.all(both);
      expect(results.map((x) => x.c)).toEqual([0, 0]);
      expect(results.filter((x) => /Ran \d+ migration/.test(x.out))).toHaveLength(1);
      expect(results.filter((x) => /The database is up to date/.test(x.out))).toHaveLength(1);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);

  it('drains on SIGTERM: readiness 503 at once, requests still served, then a clean exit', async () => {
    const port = 3500 + (process.pid % 400);
    const base = `http://127.0.0.1:${port}`;
    const api = start('main.js', { PORT: String(port), DRAIN_SECONDS: '2' });
    expect(await until(`${base}/api/health/ready`, (s) => s === 200)).toBe(200);
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    const body = (await (await fetch(`${base}/api/health/ready`)).json()) as { status: string; info: Record<string, { status: string }> };
    expect(body.info.database.status).toBe('up');

    api.kill('SIGTERM');
    expect(await until(`${base}/api/health/ready`, (s) => s === 503, 1_000)).toBe(503);
    // While draining it still serves, and asks clients to move on.
    const during: number[] = [];
    const t = Date.now();
    while (Date.now() - t < 1_200) {
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      during.push(r.status);
      expect(r.headers.get('connection')).toBe('close');
    }
    expect(during.length).toBeGreaterThan(3);
    expect(during.every((s) => s === 200)).toBe(true);
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    expect(await exited(api)).toBe(0);
  }, 60_000);

  it("gives a supervisor the worker's liveness and readiness, and stops it cleanly", async () => {
    const port = 3900 + (process.pid % 400);
    const worker = start('worker.js', {
      WORKER_HEALTH_PORT: String(port),
      REDIS_URL: process.env['REDIS_URL'] ?? '',
      QUEUE_BACKEND: process.env['QUEUE_BACKEND'] ?? 'redis',
      QUEUE_PREFIX: process.env['QUEUE_PREFIX'] ?? 'lifecycle',
    });
    expect(await until(`http://127.0.0.1:${port}/ready`, (s) => s === 200)).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/live`)).status).toBe(200);
    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
  }, 60_000);
});
