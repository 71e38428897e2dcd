import { Global, Logger, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '../../config/config';
import { DEFAULT_JOB_OPTIONS, QUEUE_SCHEMA } from './queue.constants';

/**
 * BullMQ for the whole application. One setting (QUEUE_BACKEND, derived from REDIS_URL)
 * picks Redis or BullMQ's PostgreSQL backend in the application's own database; nothing
 * above this module knows which.
 */
export function queueConnection(config: AppConfig): Record<string, unknown> {
  if (config.queue.backend === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend as never);
    // The schema is migrated by `cli migrate` (migrateQueueSchema), not here.
    return { connectionString: config.database.url, schema: QUEUE_SCHEMA, skipMigrations: true, max: 4 };
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
  };
}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        new Logger('Queue').log(`BullMQ on ${config.queue.backend === 'redis' ? 'Redis' : 'PostgreSQL'}`);
        return {
          connection: queueConnection(config) as never,
          prefix: config.queue.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        };
      },
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
