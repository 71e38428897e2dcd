/**
 * Lærenett's command line: `node dist/apps/api/cli.js <command>`.
 *   migrate                 run pending migrations
 *   migration:check         fail if the entities need changes no migration makes
 *   migration:generate Name write a migration for what the entities need
 *   demo-data               load the pilot's demo data, with KDD's year under way (once)
 *   setup                   migrate, then load the demo data (what `npm start` runs)
 *   create-admin email [name]  invite an administrator: prints a one-time link to set a password
 *   national [agencies] [apprentices] [areas]   load a national-scale data set for benchmarks
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { loadSettings, Settings } from './config/config';
import { createDataSource } from './database/data-source';
import { generateMigrationSource, pendingSchemaChanges } from './database/schema-tools';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './database/seeds/demo-data';
import { seedNational } from './database/seeds/national';
import { migrateQueueSchema } from './modules/queue/queue-schema';
import { newToken, sha256 } from './common/tokens';

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const settings = loadSettings(undefined, 'command');
  const ds = createDataSource(settings.database.url, 2);
  await ds.initialize();
  try {
    switch (cmd) {
      case 'migrate':
        await migrate(ds, settings);
        break;
      case 'setup': {
        let t = Date.now();
        await migrate(ds, settings);
        process.send?.({ phase: 'migrations', ms: Date.now() - t });
        t = Date.now();
        await demoData(ds, settings);
        process.send?.({ phase: 'demo data', ms: Date.now() - t });
        break;
      }
      case 'migration:check': {
        // On an empty database: run every migration, undo them all, run them again, then compare.
        await ds.runMigrations({ transaction: 'each' });
        for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
        await ds.runMigrations({ transaction: 'each' });
        const pending = await pendingSchemaChanges(ds);
        if (pending.length) {
          console.error(`The entities differ from the migrations. Missing:\n${pending.join(';\n')}`);
          process.exitCode = 1;
        } else console.log(`Migrations (${ds.migrations.length}) run, undo and redo cleanly, and match the entities.`);
        break;
      }
      case 'migration:generate': {
        if (!args[0]) throw new Error('Name the migration: migration:generate AddSomething');
        await ds.runMigrations({ transaction: 'each' });
        const ts = Date.now();
        const src = await generateMigrationSource(ds, args[0], ts);
        if (!src) console.log('No changes.');
        else {
          const file = join(
            'apps/api/src/database/migrations',
            `${ts}-${args[0].replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`,
          );
          writeFileSync(file, src);
          console.log(`Wrote ${file}; add it to migrations/index.ts.`);
        }
        break;
      }
      case 'demo-data':
        await demoData(ds, settings);
        break;
      case 'create-admin': {
        const [email, ...name] = args;
        await createAdmin(ds, settings, email, name.join(' '));
        break;
      }
      case 'national': {
        const agencies = Number(args[0] ?? 200);
        const apprentices = Number(args[1] ?? 5000);
        const areas = Number(args[2] ?? Math.max(1, Math.round(agencies / 10)));
        if (![agencies, apprentices, areas].every((n) => Number.isInteger(n) && n > 0))
          throw new Error('Usage: national [agencies] [apprentices] [areas] (whole numbers above 0)');
        const t = Date.now();
        const { areaIds } = await seedNational(ds, { agencies, apprentices, years: 5, areas, year: new Date().getFullYear() });
        console.log(`Loaded ${agencies} agencies in ${areaIds.length} areas and ${apprentices} apprentices in ${Date.now() - t} ms.`);
        break;
      }
      default:
        console.error(
          'Commands: migrate | setup | create-admin email [name] | migration:check | migration:generate Name | demo-data | national [agencies] [apprentices]',
        );
        process.exitCode = 2;
    }
  } finally {
    await ds.destroy();
  }
}

/**
 * Holds a database lock while `work` runs, so processes doing the same at the same time
 * (replicas starting together) take turns: the second waits, then finds nothing left to do.
 */
async function withLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const lock = new PgClient({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [`laerenett:${name}`]);
    return await work();
  } finally {
    await lock.end();
  }
}

/** Runs the pending migrations of the application and of the queue's schema. */
function migrate(ds: DataSource, settings: Settings) {
  return withLock(settings.database.url, 'migrate', async () => {
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `Ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}` : 'The database is up to date.');
    if (settings.queue.backend === 'postgres') {
      const version = await migrateQueueSchema(settings.database.url);
      console.log(`The job queue's schema is at version ${version}.`);
    }
  });
}

/**
 * The first administrator of an installation (or another): an invitation to the ADMIN role whose
 * one-time link is printed, to be opened by that person to set a password. Works in production,
 * where there is nobody yet to invite them.
 */
async function createAdmin(ds: DataSource, settings: Settings, rawEmail: string | undefined, rawName: string) {
  const email = (rawEmail ?? '').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Error("Usage: create-admin email [name] — give the administrator's e-mail address");
  const name = rawName.trim() || email.split('@')[0];
  const existing: unknown[] = await ds.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
  if (existing.length) throw new Error(`${email} already has a user in Lærenett`);
  const token = newToken();
  const days = settings.auth.invitationTtlDays;
  await ds.query(
    `INSERT INTO invitation (email, name, role, language, token_hash, expires_at) VALUES ($1, $2, 'ADMIN', 'nb', $3, now() + make_interval(days => $4))`,
    [email, name, sha256(token), days],
  );
  console.log(
    `Invited ${name} <${email}> as administrator. The link works once, for ${days} days:\n  ${settings.app.publicUrl}/invitasjon/${token}`,
  );
}

function demoData(ds: DataSource, settings: Settings) {
  if (settings.app.env === 'production') {
    throw new Error('Demo data is never loaded with NODE_ENV=production: its accounts share a published password.');
  }
  return withLock(settings.database.url, 'demo-data', async () => {
    const { created } = await seedDemoData(ds, { living: true });
    console.log(created ? 'Demo data loaded.' : 'Demo data is already there.');
    if (created) console.log(`Demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
