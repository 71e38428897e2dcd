import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ApprenticeRecordsModule } from '../apprentices/apprentice-records';
import { AreasModule } from '../areas/areas.module';
import { MailModule } from '../mail/mail.module';
import { ApprenticeshipAccess } from './apprenticeship-access';
import { ApprenticeshipCapabilitiesResolver, ApprenticeshipResolver } from './apprenticeship.resolver';
import { ApprenticeshipService } from './apprenticeship.service';
import { ApprenticeshipStore } from './apprenticeship.store';
import { ApprenticeshipFiguresService } from './figures.service';
import { ApprenticeImportService } from './import.service';
import { ApprenticeshipProcessor } from './jobs/apprenticeship.processor';
import { APPRENTICESHIP_QUEUE, WarningsJobRunner } from './jobs/apprenticeship-warnings.job';
import { ApprenticeshipRecordsService } from './records.service';
import { WarningsDigestService } from './warnings-digest.service';

/**
 * Keeping an apprentice: the contract's details, the start-up talk and assessments,
 * interruptions, the trade test, the daily early warnings, the import of an agency's list, and
 * the ministry's figures (`ApprenticeshipFiguresService.figuresForArea`, also for the December summary).
 */
@Module({
  imports: [BullModule.registerQueue({ name: APPRENTICESHIP_QUEUE }), MailModule, AreasModule, ApprenticeRecordsModule],
  providers: [
    ApprenticeshipAccess,
    ApprenticeshipStore,
    ApprenticeshipService,
    ApprenticeshipRecordsService,
    ApprenticeImportService,
    ApprenticeshipFiguresService,
    WarningsDigestService,
    ApprenticeshipResolver,
    ApprenticeshipCapabilitiesResolver,
  ],
  exports: [ApprenticeshipFiguresService, WarningsDigestService],
})
export class ApprenticeshipModule {
  /** The same module with its processor, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: ApprenticeshipModule, providers: [WarningsJobRunner, ApprenticeshipProcessor] };
  }
}
