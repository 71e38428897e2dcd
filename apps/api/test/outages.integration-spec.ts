/**
 * When something Lærenett depends on is away, callers get a coded answer they can act on, and
 * nobody can lock another person out. The database here is an embedded Postgres of the test's
 * own, stopped and started again under the running API.
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../src/database/embedded';
import { Client, code, Stack, startStack, USERS } from './harness';

describe('outages and lock-outs', () => {
  let stack: Stack;
  let pg: EmbeddedPostgres;
  const dir = mkdtempSync(join(tmpdir(), 'laerenett-outage-'));
  // Below the ephemeral range (see global-setup): the port must stay free while the server is stopped.
  const port = 17000 + (process.pid % 1000);

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    pg = await startEmbeddedPostgres(join(dir, 'data'), port);
    stack = await startStack({ worker: false, postgresAdminUrl: pg.url });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 UNAVAILABLE while the database is away, and serves again once it is back', async () => {
    const ministry = await new Client(stack.url).signIn(USERS.ministry);
    expect((await ministry.gql(`{ dashboard { totals { apprenticesNow } } }`)).errors).toBeUndefined();
    await pg.stop();
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: ministry.cookie },
      body: JSON.stringify({ query: `{ dashboard { totals { apprenticesNow } } }` }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string }; message: string }[] };
    expect(res.status).toBe(503);
    expect(body.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect(body.errors?.[0].message).toMatch(/Try again/);
    pg = await startEmbeddedPostgres(join(dir, 'data'), port);
    let again = await ministry.gql(`{ dashboard { totals { apprenticesNow } } }`);
    for (let i = 0; i < 20 && again.errors; i++) {
      await new Promise((r) => setTimeout(r, 250));
      again = await ministry.gql(`{ dashboard { totals { apprenticesNow } } }`);
    }
    expect(again.errors).toBeUndefined();
  }, 60_000);

  it('locks an account only for the address the failures came from, and slows that address down', async () => {
    // Behind the loopback proxy the API trusts, X-Forwarded-For says where the caller is.
    const from = (ip: string) => new Client(stack.url, { 'x-forwarded-for': ip });
    const attempt = (c: Client, email: string, password: string) =>
      c.gql(`mutation($i: SignInInput!) { signIn(input: $i) { id } }`, { i: { email, password } });
    const office = from('198.51.100.7');
    // Someone in the office tries Ingrid's account five times with the wrong password …
    for (let k = 0; k < 5; k++) expect(code(await attempt(office, USERS.statsbygg, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    // … which locks Ingrid's account from that address only:
    expect(code(await attempt(office, USERS.statsbygg, 'laerenett-demo'))).toBe('RATE_LIMITED');
    expect(code(await attempt(from('203.0.113.9'), USERS.statsbygg, 'laerenett-demo'))).toBeNull();
    // Colleagues behind the same address still sign in, a little slowed down.
    const t = Date.now();
    expect(code(await attempt(office, USERS.digdir, 'laerenett-demo'))).toBeNull();
    expect(Date.now() - t).toBeGreaterThanOrEqual(200);
  }, 60_000);
});
