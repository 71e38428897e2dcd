import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { CompetenceService } from './competence.service';
import { PoolEventsService } from './pool-events.service';
import { PoolHelpersService } from './pool-helpers.service';
import { PoolMailService } from './pool-mail.service';
import { PoolRecordsService } from './pool-records.service';
import { PoolSignupsService } from './pool-signups.service';
import { PoolStaffingService } from './pool-staffing.service';
import { PoolingController } from './pooling.controller';
import { PoolingResolver } from './pooling.resolver';

/**
 * The pool: events (pool-events), sign-ups and attendance (pool-signups), fair staffing
 * (pool-staffing), what is kept afterwards (pool-records), the apprentices as the staffing rules
 * see them (pool-helpers), its mails (pool-mail), and competence apprentices (competence).
 */
@Module({
  imports: [MailModule],
  controllers: [PoolingController],
  providers: [
    PoolHelpersService,
    PoolMailService,
    PoolEventsService,
    PoolSignupsService,
    PoolStaffingService,
    PoolRecordsService,
    CompetenceService,
    PoolingResolver,
  ],
  exports: [PoolEventsService, PoolSignupsService, PoolRecordsService],
})
export class PoolingModule {}
