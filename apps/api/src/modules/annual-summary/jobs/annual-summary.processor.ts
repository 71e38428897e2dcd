import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { JobRunners } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { ANNUAL_SUMMARY_QUEUE } from './annual-summary.job';
import { CompileRunner, SendRunner, SweepRunner } from './annual-summary.runners';

/** Runs the December summary's jobs: compilations (with progress), sending, and the daily sweep. */
@Processor(ANNUAL_SUMMARY_QUEUE, { ...WORKER_OPTIONS, concurrency: 2 })
export class AnnualSummaryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly runners: JobRunners;

  constructor(
    compile: CompileRunner,
    send: SendRunner,
    sweep: SweepRunner,
    @InjectQueue(ANNUAL_SUMMARY_QUEUE) private readonly queue: Queue,
  ) {
    super();
    this.runners = new JobRunners(ANNUAL_SUMMARY_QUEUE, [compile, send, sweep]);
  }

  /** One scheduler, whatever the number of workers: upserting it is idempotent. */
  onApplicationBootstrap() {
    return this.runners.upsertSchedules(this.queue, GATHERING_TIME_ZONE);
  }

  process(job: Job) {
    return this.runners.run(job);
  }

  /** A compilation whose last attempt failed is marked failed, with the reason, for the portal to show. */
  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    return this.runners.failed(job, error);
  }
}
