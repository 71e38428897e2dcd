import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { databaseModule } from './app.module';
import { MailModule } from './modules/mail/mail.module';
import { QueueModule } from './modules/queue/queue.module';
import { OutboxRelay } from './modules/queue/outbox.relay';
import { WorkerHealthServer } from './modules/health/worker-health.server';
import { GatheringsModule } from './modules/gatherings/gatherings.module';
import { ActionPlansModule } from './modules/action-plans/action-plans.module';
import { AnnualSummaryModule } from './modules/annual-summary/annual-summary.module';
import { ApprenticeshipModule } from './modules/apprenticeship/apprenticeship.module';
import { FollowUpModule } from './modules/follow-up/follow-up.module';

/** The job worker process: the domain modules with their processors, no HTTP. */
@Module({})
export class WorkerModule {
  static register(): DynamicModule {
    // The worker also relays what the outbox holds for the queues (OutboxRelay) and, when asked,
    // answers a supervisor's health checks (WorkerHealthServer).
    return {
      module: WorkerModule,
      providers: [OutboxRelay, WorkerHealthServer],
      imports: [
        ConfigModule,
        databaseModule(),
        QueueModule,
        MailModule.withProcessors(),
        GatheringsModule.withProcessors(),
        ActionPlansModule.withProcessors(),
        AnnualSummaryModule.withProcessors(),
        ApprenticeshipModule.withProcessors(),
        FollowUpModule.withProcessors(),
      ],
    };
  }
}
