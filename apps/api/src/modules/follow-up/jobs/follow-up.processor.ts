import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobRunners, RunnersProcessor } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { FOLLOW_UP_QUEUE, FollowUpRemindersRunner, FollowUpRetentionRunner } from './follow-up.jobs';

/** Runs the follow-up's jobs: the daily reminders of deadlines and meetings, and the erasure of closed cases. */
@Processor(FOLLOW_UP_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class FollowUpProcessor extends RunnersProcessor {
  constructor(reminders: FollowUpRemindersRunner, retention: FollowUpRetentionRunner, @InjectQueue(FOLLOW_UP_QUEUE) queue: Queue) {
    super(new JobRunners(FOLLOW_UP_QUEUE, [reminders, retention]), queue);
  }
}
