import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { JobRunners } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { GATHERINGS_QUEUE } from './fan-out.job';
import { FanOutRunner, NetworkInvitationsRunner, RemindersRunner } from './gatherings.runners';

/** Runs the gatherings' jobs: fan-outs of invitations, the hourly reminder sweep and the yearly network invitation. */
@Processor(GATHERINGS_QUEUE, { ...WORKER_OPTIONS, concurrency: 2 })
export class GatheringsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly runners: JobRunners;

  constructor(
    fanOut: FanOutRunner,
    reminders: RemindersRunner,
    invitations: NetworkInvitationsRunner,
    @InjectQueue(GATHERINGS_QUEUE) private readonly queue: Queue,
  ) {
    super();
    this.runners = new JobRunners(GATHERINGS_QUEUE, [fanOut, reminders, invitations]);
  }

  /** One scheduler per scheduled job, whatever the number of workers: upserting is idempotent. */
  onApplicationBootstrap() {
    return this.runners.upsertSchedules(this.queue, GATHERING_TIME_ZONE);
  }

  process(job: Job) {
    return this.runners.run(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    return this.runners.failed(job, error);
  }
}
