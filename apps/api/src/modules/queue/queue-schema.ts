/**
 * BullMQ's PostgreSQL backend keeps its tables and functions in their own schema. Like the
 * application's own, that schema is migrated by the explicit `migrate` command, never by a
 * process as it starts (the command holds a database lock, so several runs take turns).
 */
import { Client } from 'pg';
import { runMigrations } from 'bullmq';
import { QUEUE_SCHEMA } from './queue.constants';

/** Brings BullMQ's schema up to date; returns the version it is at. */
export async function migrateQueueSchema(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await runMigrations(client, QUEUE_SCHEMA);
  } finally {
    await client.end();
  }
}
