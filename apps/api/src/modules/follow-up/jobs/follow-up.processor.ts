import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { JobRunners } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { FOLLOW_UP_QUEUE, FollowUpRemindersRunner, FollowUpRetentionRunner } from './follow-up.jobs';

/** Runs the follow-up's jobs. */
@Processor(FOLLOW_UP_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class FollowUpProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly runners: JobRunners;

  constructor(
    reminders: FollowUpRemindersRunner,
    retention: FollowUpRetentionRunner,
    @InjectQueue(FOLLOW_UP_QUEUE) private readonly queue: Queue,
  ) {
    super();
    this.runners = new JobRunners(FOLLOW_UP_QUEUE, [reminders, retention]);
  }

  /** The schedulers, once whatever the number of workers (upserting is idempotent). */
  async onApplicationBootstrap() {
    await this.runners.upsertSchedules(this.queue, GATHERING_TIME_ZONE);
  }

  process(job: Job) {
    return this.runners.run(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error) {
    return this.runners.failed(job, err);
  }
}
