import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ActionPlansModule } from '../action-plans/action-plans.module';
import { MailModule } from '../mail/mail.module';
import { AnnualSummaryController } from './annual-summary.controller';
import { AnnualSummaryResolver } from './annual-summary.resolver';
import { AnnualSummaryService } from './annual-summary.service';
import { AnnualSummaryProcessor } from './jobs/annual-summary.processor';
import { ANNUAL_SUMMARY_QUEUE } from './jobs/annual-summary.job';
import { SummaryCompilerService } from './summary-compiler.service';
import { SummaryScheduleService } from './summary-schedule.service';

@Module({
  imports: [BullModule.registerQueue({ name: ANNUAL_SUMMARY_QUEUE }), MailModule, ActionPlansModule],
  controllers: [AnnualSummaryController],
  providers: [AnnualSummaryService, SummaryCompilerService, SummaryScheduleService, AnnualSummaryResolver],
  exports: [AnnualSummaryService, SummaryCompilerService, SummaryScheduleService],
})
export class AnnualSummaryModule {
  /** The same module with its processor, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: AnnualSummaryModule, providers: [AnnualSummaryProcessor] };
  }
}
