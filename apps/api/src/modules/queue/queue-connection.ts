import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '../../config/config';
import { QUEUE_SCHEMA } from './queue.constants';

/**
 * BullMQ's connection. One setting (QUEUE_BACKEND, derived from REDIS_URL) picks Redis or
 * BullMQ's PostgreSQL backend in the application's own database; nothing above this module
 * knows which. Workers wait for a lost connection; after an outage they reconnect within a second.
 */
export function queueConnection(config: AppConfig, poolSize = 4): Record<string, unknown> {
  if (config.queue.backend === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend as never);
    // The schema is migrated by `cli migrate` (migrateQueueSchema), not here.
    return { connectionString: config.database.url, schema: QUEUE_SCHEMA, skipMigrations: true, max: poolSize };
  }
  const u = new URL(config.queue.redisUrl as string);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 1_000),
  };
}

/**
 * For producers (the outbox): a command fails at once while Redis is away instead of waiting
 * for it, so a request never hangs on the queue; the job stays in the outbox for the relay.
 */
export function producerConnection(config: AppConfig): Record<string, unknown> {
  const base = queueConnection(config, 2);
  return config.queue.backend === 'postgres' ? base : { ...base, enableOfflineQueue: false };
}
