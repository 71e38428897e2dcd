import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { currentYearInOslo } from '../../../common/time';
import { NetworksService } from '../../networks/networks.service';
import type { JobContext, JobRunner } from '../../queue/job';
import { GatheringMailService } from '../gathering-mail.service';
import {
  FAN_OUT,
  FanOutJob,
  NETWORK_INVITATIONS,
  NETWORK_INVITATIONS_SCHEDULE,
  REMINDERS,
  REMINDERS_SCHEDULE,
  ScheduledJob,
} from './fan-out.job';

/** Sends one gathering's invitation, update or cancellation, reporting how far it has come. */
@Injectable()
export class FanOutRunner implements JobRunner<FanOutJob> {
  readonly kind = FAN_OUT;
  constructor(private readonly mails: GatheringMailService) {}

  run(data: FanOutJob, ctx: JobContext) {
    return this.mails.fanOut(data, (pct) => ctx.progress(pct));
  }
}

/** Every hour: the reminders and nudges that are due by now. */
@Injectable()
export class RemindersRunner implements JobRunner<ScheduledJob> {
  readonly kind = REMINDERS;
  readonly schedule = REMINDERS_SCHEDULE;
  constructor(
    private readonly mails: GatheringMailService,
    private readonly clock: Clock,
  ) {}

  run() {
    return this.mails.sendDueReminders(this.clock.now());
  }
}

/** On 1 August: this year's invitation to join the network, to every area's agency coordinators. */
@Injectable()
export class NetworkInvitationsRunner implements JobRunner<ScheduledJob> {
  readonly kind = NETWORK_INVITATIONS;
  readonly schedule = NETWORK_INVITATIONS_SCHEDULE;
  constructor(
    private readonly networks: NetworksService,
    private readonly clock: Clock,
  ) {}

  run() {
    return this.networks.sendNetworkInvitations(null, currentYearInOslo(this.clock.now()));
  }
}

export const GATHERINGS_RUNNERS = [FanOutRunner, RemindersRunner, NetworkInvitationsRunner];
