/**
 * `npm run bench:portal`: how much JavaScript the portal's first page costs, over the wire, in
 * Chromium. The built API runs in production mode (Postgres and Redis, the demo data) serving the
 * built portal; a fresh browser opens /logg-inn, then the ministry coordinator signs in and lands
 * on /oversikt; finally /oversikt is opened signed in with an empty cache. For each, every script
 * with the bytes transferred (compressed as served), the encoding the API chose, and its gzip
 * size; the first page's gzip total against the aim of 200 KB.
 *   npm run bench:portal [-- --port 3450 --portal dist/apps/portal]
 * (--portal serves another build, e.g. an older one, to compare; without .gz/.br files beside
 * it, the files go out uncompressed.)
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, chromium, Cookie, Page, Response } from 'playwright-core';
import { arg, root, demoDatabase, waitForApi } from './support';

const PORT = arg('port', 3450);
const AIM = 200 * 1024;
const portalArg = process.argv.indexOf('--portal');
const portalDir = resolve(root, portalArg > 0 ? process.argv[portalArg + 1] : 'dist/apps/portal');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

interface Script {
  path: string;
  transferred: number;
  encoding: string;
  gzip: number;
}

/** The gzip size of a built file: its .gz beside it, or gzip at the highest level where there is none. */
function gzipSize(path: string): number {
  const file = resolve(portalDir, `.${path}`);
  return existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`).length : gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Every script a page fetches until the network is quiet, with what went over the wire. */
async function scripts(browser: Browser, base: string, visit: (page: Page) => Promise<void>, cookies: Cookie[] = []): Promise<Script[]> {
  const ctx = await browser.newContext({ baseURL: base, locale: 'nb-NO' });
  await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  const seen: Promise<Script>[] = [];
  page.on('response', (r: Response) => {
    if (r.request().resourceType() !== 'script') return;
    seen.push(
      (async () => {
        await r.finished();
        const sizes = await r.request().sizes();
        const path = new URL(r.url()).pathname;
        return {
          path,
          transferred: sizes.responseBodySize,
          encoding: (await r.headerValue('content-encoding')) ?? 'none',
          gzip: gzipSize(path),
        };
      })(),
    );
  });
  await visit(page);
  await page.waitForLoadState('networkidle');
  const out = await Promise.all(seen);
  await ctx.close();
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function show(title: string, list: Script[], aim?: number) {
  console.log(`\n${title}`);
  for (const s of [...list].sort((a, b) => b.transferred - a.transferred)) {
    console.log(`  ${s.path.padEnd(48)} ${kb(s.transferred).padStart(10)} as ${s.encoding.padEnd(5)} (gzip ${kb(s.gzip)})`);
  }
  const transferred = list.reduce((a, s) => a + s.transferred, 0);
  const gzip = list.reduce((a, s) => a + s.gzip, 0);
  const encodings = [...new Set(list.map((s) => s.encoding))].join(', ');
  console.log(
    `  ${list.length} scripts: ${kb(transferred)} transferred (${encodings}), ${kb(gzip)} gzipped` +
      (aim ? ` — aim ${kb(aim)} gzipped: ${gzip <= aim ? 'MET' : 'ABOVE AIM'} (${((100 * gzip) / aim).toFixed(0)} %)` : ''),
  );
}

async function main() {
  if (!existsSync(resolve(portalDir, 'index.html'))) throw new Error(`${portalDir}/index.html is missing: build the portal first`);
  const { env: common } = await demoDatabase('laerenett_portal_bench', PORT);
  const env = {
    ...common,
    NODE_ENV: 'production',
    PORTAL_DIR: portalDir,
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    COOKIE_SECURE: 'false',
    SIGN_IN_MAX_FAILURES: '1000',
  };
  const api: ChildProcess = spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], { env, stdio: 'inherit' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForApi(base);
    console.log(`Lærenett portal from ${portalDir}, served by the built API (production) on ${base}, in ${CHROMIUM}`);
    let session: Cookie[] = [];
    const signInThenDashboard: Script[] = [];
    const first = await scripts(browser, base, async (page) => {
      await page.goto('/logg-inn');
      await page.getByLabel('E-postadresse').waitFor();
    });
    show('First page, /logg-inn (empty cache)', first, AIM);
    // Signing in from that page: what the dashboard adds to what the browser already holds.
    const ctxScripts = await scripts(browser, base, async (page) => {
      await page.goto('/logg-inn');
      await page.getByLabel('E-postadresse').fill('kari.nordmann@kdd.dep.no');
      await page.getByLabel('Passord').fill('laerenett-demo');
      await page.waitForLoadState('networkidle');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.waitForURL('**/oversikt');
      await page.getByRole('heading', { level: 1 }).waitFor();
      session = await page.context().cookies();
    });
    for (const s of ctxScripts) if (!first.some((f) => f.path === s.path)) signInThenDashboard.push(s);
    show('Signing in as the ministry coordinator, on to /oversikt: the scripts it adds', signInThenDashboard);
    const cold = await scripts(
      browser,
      base,
      async (page) => {
        await page.goto('/oversikt');
        await page.getByRole('heading', { level: 1 }).waitFor();
      },
      session,
    );
    show('/oversikt opened signed in, empty cache (the dashboard as a first page)', cold);
  } finally {
    await browser.close();
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
