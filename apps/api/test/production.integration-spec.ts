/**
 * Production settings as an installation gets them: the schema stays hidden (no introspection,
 * no "Did you mean" suggestions), security headers are set, the portal's source maps are not
 * served, and no demo data can be loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Stack, startStack, USERS } from './harness';

const SET = { NODE_ENV: 'production', AUTH_SECRET: 'production-test-secret-0123456789-abcdef', COOKIE_SECURE: 'false' };

describe('in production', () => {
  let stack: Stack;
  const portal = mkdtempSync(join(tmpdir(), 'laerenett-portal-'));

  beforeAll(async () => {
    mkdirSync(join(portal, 'assets'));
    writeFileSync(join(portal, 'index.html'), '<!doctype html><title>Lærenett</title>');
    writeFileSync(join(portal, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(portal, 'assets', 'index.js.map'), '{"version":3}');
    stack = await startStack({ worker: false, env: { ...SET, PORTAL_DIR: portal } });
  });
  afterAll(async () => {
    await stack?.stop();
    for (const k of [...Object.keys(SET), 'PORTAL_DIR']) delete process.env[k];
    rmSync(portal, { recursive: true, force: true });
  });

  it('refuses introspection and suggests no field names, signed in or not', async () => {
    for (const c of [new Client(stack.url), await new Client(stack.url).signIn(USERS.admin)]) {
      const intro = await c.gql(`{ __schema { types { name } } }`);
      expect(intro.data ?? null).toBeNull();
      expect(intro.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      const typo = await c.gql(`{ agencie { id } }`);
      expect(typo.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    }
  });

  it('sends security headers, and keeps the source maps to itself', async () => {
    const page = await fetch(`${stack.url}/oversikt`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-powered-by')).toBeNull();
    // Served over plain HTTP here: no HSTS, no upgrade of requests.
    expect(page.headers.get('strict-transport-security')).toBeNull();
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect((await fetch(`${stack.url}/assets/index.js`)).status).toBe(200);
    expect((await fetch(`${stack.url}/assets/index.js.map`)).status).toBe(404);
  });

  it('refuses to load demo data', () => {
    const cli = resolve(__dirname, '../../../dist/apps/api/cli.js');
    const r = spawnSync(process.execPath, [cli, 'demo-data'], {
      env: { ...process.env, ...SET, DATABASE_URL: stack.databaseUrl },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/never loaded with NODE_ENV=production/);
  });
});
