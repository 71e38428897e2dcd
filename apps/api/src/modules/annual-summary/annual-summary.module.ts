import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ActionPlansModule } from '../action-plans/action-plans.module';
import { ApprenticeshipModule } from '../apprenticeship/apprenticeship.module';
import { FollowUpModule } from '../follow-up/follow-up.module';
import { MailModule } from '../mail/mail.module';
import { NetworksModule } from '../networks/networks.module';
import { TargetsModule } from '../targets/targets.module';
import { AnnualSummaryController } from './annual-summary.controller';
import { AnnualSummaryResolver } from './annual-summary.resolver';
import { AgencyReportsService } from './agency-reports.service';
import { AnnualSummaryProcessor } from './jobs/annual-summary.processor';
import { ANNUAL_SUMMARY_RUNNERS } from './jobs/annual-summary.runners';
import { ANNUAL_SUMMARY_QUEUE } from './jobs/annual-summary.job';
import { ReportFiguresService } from './report-figures.service';
import { SummaryCompilationsService } from './summary-compilations.service';
import { SummaryCompilerService } from './summary-compiler.service';
import { SummaryCycleService } from './summary-cycle.service';
import { SummaryFactsService } from './summary-facts.service';
import { SummaryScheduleService } from './summary-schedule.service';
import { SummarySendingService } from './summary-sending.service';
import { SummaryVersionsService } from './summary-versions.service';

const SERVICES = [
  SummaryCycleService,
  ReportFiguresService,
  AgencyReportsService,
  SummaryCompilationsService,
  SummaryVersionsService,
  SummarySendingService,
  SummaryFactsService,
  SummaryCompilerService,
  SummaryScheduleService,
];

@Module({
  imports: [
    BullModule.registerQueue({ name: ANNUAL_SUMMARY_QUEUE }),
    MailModule,
    ActionPlansModule,
    NetworksModule,
    TargetsModule,
    ApprenticeshipModule,
    FollowUpModule,
  ],
  controllers: [AnnualSummaryController],
  providers: [...SERVICES, AnnualSummaryResolver],
  exports: SERVICES,
})
export class AnnualSummaryModule {
  /** The same module with its processor, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: AnnualSummaryModule, providers: [AnnualSummaryProcessor, ...ANNUAL_SUMMARY_RUNNERS] };
  }
}
