import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { todayInOslo } from '../../../common/time';
import { PlanDigestService } from '../plan-digest.service';
import { ACTION_PLANS_QUEUE, PLAN_DIGEST_JOB, PLAN_DIGEST_PATTERN, PLAN_DIGEST_SCHEDULER, PlanDigestJob } from './plan-digest.job';

/** Runs the action plan's jobs: the Monday digest of milestones. */
@Processor(ACTION_PLANS_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class ActionPlansProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly digest: PlanDigestService,
    @InjectQueue(ACTION_PLANS_QUEUE) private readonly queue: Queue<PlanDigestJob>,
  ) {
    super();
  }

  /** One scheduler, whatever the number of workers: upserting it is idempotent. */
  async onApplicationBootstrap() {
    await this.queue.upsertJobScheduler(
      PLAN_DIGEST_SCHEDULER,
      { pattern: PLAN_DIGEST_PATTERN, tz: GATHERING_TIME_ZONE },
      { name: PLAN_DIGEST_JOB, data: {} },
    );
  }

  async process(job: Job<PlanDigestJob>) {
    if (job.name === PLAN_DIGEST_JOB) return this.digest.sendWeeklyDigest(job.data.today ?? todayInOslo());
    throw new Error(`Unknown job ${job.name}`);
  }
}
