import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobRunners, RunnersProcessor } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { PlanDigestRunner } from './action-plans.runners';
import { ACTION_PLANS_QUEUE } from './plan-digest.job';

/** Runs the action plan's jobs: the Monday digest of milestones. */
@Processor(ACTION_PLANS_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class ActionPlansProcessor extends RunnersProcessor {
  constructor(digest: PlanDigestRunner, @InjectQueue(ACTION_PLANS_QUEUE) queue: Queue) {
    super(new JobRunners(ACTION_PLANS_QUEUE, [digest]), queue);
  }
}
