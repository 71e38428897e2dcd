import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobRunners, RunnersProcessor } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { ANNUAL_SUMMARY_QUEUE } from './annual-summary.job';
import { CompileRunner, SendRunner, SweepRunner } from './annual-summary.runners';

/** Runs the December summary's jobs: compilations (with progress; one out of retries is marked failed), sending, and the daily sweep. */
@Processor(ANNUAL_SUMMARY_QUEUE, { ...WORKER_OPTIONS, concurrency: 2 })
export class AnnualSummaryProcessor extends RunnersProcessor {
  constructor(compile: CompileRunner, send: SendRunner, sweep: SweepRunner, @InjectQueue(ANNUAL_SUMMARY_QUEUE) queue: Queue) {
    super(new JobRunners(ANNUAL_SUMMARY_QUEUE, [compile, send, sweep]), queue);
  }
}
