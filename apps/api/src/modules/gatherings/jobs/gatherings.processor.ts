import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { GatheringMailService } from '../gathering-mail.service';
import { NetworksService } from '../../networks/networks.service';
import { currentYearInOslo } from '../../../common/time';
import {
  FAN_OUT_JOB,
  FanOutJob,
  GATHERINGS_QUEUE,
  NETWORK_INVITATIONS_JOB,
  NETWORK_INVITATIONS_PATTERN,
  NETWORK_INVITATIONS_SCHEDULER,
  REMINDERS_JOB,
  REMINDERS_PATTERN,
  REMINDERS_SCHEDULER,
} from './fan-out.job';

/** Runs the gatherings' jobs: fan-outs of invitations, and the hourly reminder sweep. */
@Processor(GATHERINGS_QUEUE, { ...WORKER_OPTIONS, concurrency: 2 })
export class GatheringsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly mails: GatheringMailService,
    private readonly networks: NetworksService,
    @InjectQueue(GATHERINGS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  /** One scheduler, whatever the number of workers: upserting it is idempotent. */
  async onApplicationBootstrap() {
    await this.queue.upsertJobScheduler(
      REMINDERS_SCHEDULER,
      { pattern: REMINDERS_PATTERN, tz: GATHERING_TIME_ZONE },
      { name: REMINDERS_JOB, data: {} },
    );
    await this.queue.upsertJobScheduler(
      NETWORK_INVITATIONS_SCHEDULER,
      { pattern: NETWORK_INVITATIONS_PATTERN, tz: GATHERING_TIME_ZONE },
      { name: NETWORK_INVITATIONS_JOB, data: {} },
    );
  }

  async process(job: Job) {
    if (job.name === FAN_OUT_JOB) return this.mails.fanOut(job.data as FanOutJob, (pct) => job.updateProgress(pct));
    if (job.name === REMINDERS_JOB) return this.mails.sendDueReminders(new Date());
    if (job.name === NETWORK_INVITATIONS_JOB) return this.networks.sendNetworkInvitations(null, currentYearInOslo());
    throw new Error(`Unknown job ${job.name}`);
  }
}
