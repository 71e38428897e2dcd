import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobRunners, RunnersProcessor } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { GATHERINGS_QUEUE } from './fan-out.job';
import { FanOutRunner, NetworkInvitationsRunner, RemindersRunner } from './gatherings.runners';

/** Runs the gatherings' jobs: fan-outs of invitations, the hourly reminder sweep and the yearly network invitation. */
@Processor(GATHERINGS_QUEUE, { ...WORKER_OPTIONS, concurrency: 2 })
export class GatheringsProcessor extends RunnersProcessor {
  constructor(
    fanOut: FanOutRunner,
    reminders: RemindersRunner,
    invitations: NetworkInvitationsRunner,
    @InjectQueue(GATHERINGS_QUEUE) queue: Queue,
  ) {
    super(new JobRunners(GATHERINGS_QUEUE, [fanOut, reminders, invitations]), queue);
  }
}
