import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobRunners, RunnersProcessor } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { APPRENTICESHIP_QUEUE, WarningsJobRunner } from './apprenticeship-warnings.job';

/** Runs the apprenticeship's jobs: the daily early warnings. */
@Processor(APPRENTICESHIP_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class ApprenticeshipProcessor extends RunnersProcessor {
  constructor(warnings: WarningsJobRunner, @InjectQueue(APPRENTICESHIP_QUEUE) queue: Queue) {
    super(new JobRunners(APPRENTICESHIP_QUEUE, [warnings]), queue);
  }
}
