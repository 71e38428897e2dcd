import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { JobRunners } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { PlanDigestRunner } from './action-plans.runners';
import { ACTION_PLANS_QUEUE } from './plan-digest.job';

/** Runs the action plan's jobs: the Monday digest of milestones. */
@Processor(ACTION_PLANS_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class ActionPlansProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly runners: JobRunners;

  constructor(
    digest: PlanDigestRunner,
    @InjectQueue(ACTION_PLANS_QUEUE) private readonly queue: Queue,
  ) {
    super();
    this.runners = new JobRunners(ACTION_PLANS_QUEUE, [digest]);
  }

  /** One scheduler, whatever the number of workers: upserting it is idempotent. */
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
