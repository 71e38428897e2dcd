/**
 * The portal's files as the API serves them: the brotli or gzip form made at build time when the
 * browser accepts it (brotli first), the file itself otherwise, always with the original's
 * Content-Type and `Vary: Accept-Encoding`; hashed assets kept for a year, index.html (also as the
 * answer for client-side routes) checked on every use. The portal lies under a dot-folder, as
 * an install in ~/.cache/… does.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Stack, startStack } from './harness';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add its own Accept-Encoding and decompress). */
function get(base: string, path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request(`${base}${path}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body;

describe('the portal, compressed and cached', () => {
  let stack: Stack;
  const base = mkdtempSync(join(tmpdir(), 'laerenett-portal-static-'));
  const portal = join(base, '.cache', 'portal');
  const index = Buffer.from(
    `<!doctype html><html lang="nb"><head><meta charset="UTF-8"><title>Lærenett</title><script type="module" src="/assets/index-Bq3x9Zk1.js"></script></head><body><div id="root"></div></body></html>`,
  );
  const script = Buffer.from(
    `export const greeting = ${JSON.stringify('Velkommen til Lærenett! '.repeat(200))};\nconsole.log(greeting);\n`,
  );
  const asset = '/assets/index-Bq3x9Zk1.js';

  beforeAll(async () => {
    mkdirSync(join(portal, 'assets'), { recursive: true });
    for (const [path, content] of [
      ['index.html', index],
      [asset.slice(1), script],
    ] as const) {
      writeFileSync(join(portal, path), content);
      // The compressed forms differ from the file in length, so a mix-up shows.
      writeFileSync(join(portal, `${path}.gz`), gzipSync(content));
      writeFileSync(join(portal, `${path}.br`), brotliCompressSync(content));
    }
    stack = await startStack({ worker: false, seed: false, env: { PORTAL_DIR: portal } });
  });
  afterAll(async () => {
    await stack?.stop();
    delete process.env['PORTAL_DIR'];
    rmSync(base, { recursive: true, force: true });
  });

  it.each([
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ])('a hashed asset asked with Accept-Encoding %p comes as %p, kept for a year', async (accept, encoding) => {
    const r = await get(stack.url, asset, accept);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/i);
    expect(r.headers['vary']).toMatch(/accept-encoding/i);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(decode(r).equals(script)).toBe(true);
  });

  it.each([
    ['/index.html', 'br', 'br'],
    ['/index.html', 'gzip', 'gzip'],
    ['/index.html', undefined, undefined],
    ['/oversikt', 'gzip, deflate, br', 'br'],
    ['/samlinger/12', 'gzip', 'gzip'],
    ['/logg-inn', undefined, undefined],
  ])('%s with Accept-Encoding %p is index.html as %p, checked on every use', async (path, accept, encoding) => {
    const r = await get(stack.url, path, accept);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
    expect(r.headers['vary']).toMatch(/accept-encoding/i);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(decode(r).equals(index)).toBe(true);
  });

  it('answers 404 for a file of a build that is gone, never index.html in its place', async () => {
    const gone = await get(stack.url, '/assets/index-0ld8u1ld.js', 'br');
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type']).toMatch(/^text\/plain/);
    expect(gone.headers['cache-control']).toBe('no-store');
    expect(decode(gone).includes('<!doctype html>')).toBe(false);
  });

  it('leaves the API to the API', async () => {
    const health = await get(stack.url, '/api/health', 'br');
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    const missing = await get(stack.url, '/api/nothing-here', 'br');
    expect(missing.status).toBe(404);
  });
});
