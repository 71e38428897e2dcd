import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ApprenticesModule } from '../apprentices/apprentices.module';
import { MailModule } from '../mail/mail.module';
import { NetworksModule } from '../networks/networks.module';
import { CalendarController } from './calendar.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { GatheringMailService } from './gathering-mail.service';
import { GatheringsResolver } from './gatherings.resolver';
import { GatheringsService } from './gatherings.service';
import { GATHERINGS_QUEUE } from './jobs/fan-out.job';
import { GatheringsProcessor } from './jobs/gatherings.processor';
import { GATHERINGS_RUNNERS } from './jobs/gatherings.runners';
import { RsvpService } from './rsvp.service';

@Module({
  imports: [BullModule.registerQueue({ name: GATHERINGS_QUEUE }), MailModule, NetworksModule, ApprenticesModule],
  controllers: [CalendarController],
  providers: [GatheringsService, RsvpService, GatheringMailService, CalendarFeedService, GatheringsResolver],
  exports: [GatheringsService, RsvpService, GatheringMailService],
})
export class GatheringsModule {
  /** The same module with its processor, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: GatheringsModule, providers: [GatheringsProcessor, ...GATHERINGS_RUNNERS] };
  }
}
