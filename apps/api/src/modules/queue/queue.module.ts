import { Global, Logger, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '../../config/config';
import { DEFAULT_JOB_OPTIONS } from './queue.constants';
import { queueConnection } from './queue-connection';
import { OutboxService } from './outbox.service';

/** BullMQ for the whole application, and the outbox every enqueue after a write goes through. */
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
  providers: [OutboxService],
  exports: [BullModule, OutboxService],
})
export class QueueModule {}
