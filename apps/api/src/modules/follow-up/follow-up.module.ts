import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ApprenticeRecordsModule } from '../apprentices/apprentice-records';
import { MailModule } from '../mail/mail.module';
import { FollowUpExportService } from './export.service';
import { FollowUpFiguresService } from './figures.service';
import { FollowUpAccess } from './follow-up-access';
import { FollowUpCasesService } from './follow-up-cases.service';
import { FollowUpController } from './follow-up.controller';
import { FollowUpCapabilitiesResolver, FollowUpResolver } from './follow-up.resolver';
import { FollowUpStore } from './follow-up.store';
import { FOLLOW_UP_QUEUE, FollowUpRemindersRunner, FollowUpRetentionRunner } from './jobs/follow-up.jobs';
import { FollowUpProcessor } from './jobs/follow-up.processor';
import { FollowUpReadLogService } from './read-log.service';
import { FollowUpRemindersService } from './reminders.service';
import { FollowUpRetentionService } from './retention.service';

/**
 * When an apprenticeship runs into trouble: follow-up cases and their steps (the ladder), who
 * may read them and the log of every read, the apprentice's own download, the daily reminders,
 * the erasure of closed cases, and the ministry's suppressed counts
 * (`FollowUpFiguresService.figuresForArea`, for the dashboard and the December summary too).
 */
@Module({
  imports: [BullModule.registerQueue({ name: FOLLOW_UP_QUEUE }), MailModule, ApprenticeRecordsModule],
  controllers: [FollowUpController],
  providers: [
    FollowUpAccess,
    FollowUpStore,
    FollowUpReadLogService,
    FollowUpCasesService,
    FollowUpExportService,
    FollowUpFiguresService,
    FollowUpRemindersService,
    FollowUpRetentionService,
    FollowUpResolver,
    FollowUpCapabilitiesResolver,
  ],
  exports: [FollowUpFiguresService, FollowUpRemindersService],
})
export class FollowUpModule {
  /** The same module with its processor, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: FollowUpModule, providers: [FollowUpRemindersRunner, FollowUpRetentionRunner, FollowUpProcessor] };
  }
}
