import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { JobRunners } from '../../queue/job';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { APPRENTICESHIP_QUEUE, WarningsJobRunner } from './apprenticeship-warnings.job';

/** Runs the apprenticeship's jobs. */
@Processor(APPRENTICESHIP_QUEUE, { ...WORKER_OPTIONS, concurrency: 1 })
export class ApprenticeshipProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly runners: JobRunners;

  constructor(
    warnings: WarningsJobRunner,
    @InjectQueue(APPRENTICESHIP_QUEUE) private readonly queue: Queue,
  ) {
    super();
    this.runners = new JobRunners(APPRENTICESHIP_QUEUE, [warnings]);
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
