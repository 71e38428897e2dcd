import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded';
import { TEST_ADMIN_URL, TEST_BACKEND, TEST_DB } from './env';

/**
 * On the embedded backend, starts the embedded Postgres exactly as `npm start` does (the same
 * function, in a folder under a dot-folder as a clone in ~/.cache would be); every test file
 * then gets its own database on it. On either backend, removes databases left behind by an
 * earlier run that was stopped half-way.
 */
export default async function globalSetup() {
  let adminUrl = TEST_ADMIN_URL;
  if (TEST_BACKEND === 'embedded') {
    const base = mkdtempSync(join(tmpdir(), 'laerenett-it-'));
    chmodSync(base, 0o755); // open to the postgres user the server runs as, as a clone's folder would be
    const dir = join(base, '.cache', 'laerenett', '.data', 'postgres');
    // Below the kernel's ephemeral range (32768–60999), where an outgoing connection could hold the port.
    const port = 15000 + (process.pid % 1000);
    const pg = await startEmbeddedPostgres(dir, port);
    Object.assign(globalThis, { __EMBEDDED_PG__: pg, __EMBEDDED_DIR__: base });
    // Read by env.ts in the test files (jest runs them in this process: --runInBand).
    process.env['TEST_POSTGRES_ADMIN_URL'] = adminUrl = pg.url;
  }
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  const left: { datname: string }[] = (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEST_DB}%`])).rows;
  for (const d of left) await c.query(`DROP DATABASE IF EXISTS ${d.datname} WITH (FORCE)`);
  await c.end();
}
