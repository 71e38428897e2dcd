import { Client } from 'pg';
import { TEST_ADMIN_URL, TEST_DB } from './env';

/** Removes databases left behind by an earlier run that was stopped half-way. */
export default async function globalSetup() {
  const c = new Client({ connectionString: TEST_ADMIN_URL });
  await c.connect();
  const left: { datname: string }[] = (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEST_DB}%`])).rows;
  for (const d of left) await c.query(`DROP DATABASE IF EXISTS ${d.datname} WITH (FORCE)`);
  await c.end();
}
