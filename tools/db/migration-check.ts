/**
 * Fails when the TypeORM entities need schema changes that no migration makes: on a scratch
 * database, runs every migration, undoes them, runs them again, and asks TypeORM what it
 * would still change (the built CLI's `migration:check`).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';

const ADMIN_URL = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'laerenett_migration_check';

async function main() {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  try {
    const code = await new Promise<number | null>((done) =>
      spawn(process.execPath, [resolve(__dirname, '../../dist/apps/api/cli.js'), 'migration:check'], {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url.toString(), REDIS_URL: '' },
      }).on('exit', done),
    );
    process.exitCode = code ?? 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
