/**
 * The embedded default: PGlite (Postgres compiled to WebAssembly) with its data in a folder,
 * served over the Postgres wire protocol so the normal pg/TypeORM connection (and BullMQ's
 * PostgreSQL backend) use it unchanged. One process hosts it; the API and the worker connect.
 */
import { mkdirSync } from 'node:fs';
import { QUEUE_SCHEMA } from '../modules/queue/queue.constants';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number, maxConnections = 40): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dataDir);
  // All socket connections share PGlite's one session, and it ignores the per-connection
  // `-c search_path=…` that BullMQ's PostgreSQL backend pins on its pool. So the session looks
  // in public first (the application's tables, created by the migrations) and then in bullmq
  // (the queue's own tables and functions). Application tables must not reuse BullMQ's names
  // (job, event, meta, metrics, scheduler, …); they are prefixed or distinct.
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${QUEUE_SCHEMA}; SET search_path TO public, ${QUEUE_SCHEMA};`);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections } as never);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
