import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { CLOCK } from '../../../common/clock';
import { todayInOslo } from '../../../common/time';
import { WORKER_OPTIONS } from '../../queue/queue.constants';
import { SummaryCompilerService } from '../summary-compiler.service';
import { SummaryScheduleService } from '../summary-schedule.service';
import { SummarySendingService } from '../summary-sending.service';
import {
  ANNUAL_SUMMARY_QUEUE,
  COMPILE_JOB,
  CompileJob,
  SEND_JOB,
  SendJob,
  SWEEP_JOB,
  SWEEP_PATTERN,
  SWEEP_SCHEDULER,
} from './annual-summary.job';

/** Runs the December summary's jobs: compilations (with progress), sending, and the daily sweep. */
@Processor(ANNUAL_SUMMARY_QUEUE, { ...WORKER_OPTIONS, concurrency: 2 })
export class AnnualSummaryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly compiler: SummaryCompilerService,
    private readonly schedule: SummaryScheduleService,
    private readonly sending: SummarySendingService,
    @InjectQueue(ANNUAL_SUMMARY_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  /** One scheduler, whatever the number of workers: upserting it is idempotent. */
  async onApplicationBootstrap() {
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER,
      { pattern: SWEEP_PATTERN, tz: GATHERING_TIME_ZONE },
      { name: SWEEP_JOB, data: {} },
    );
  }

  async process(job: Job) {
    if (job.name === COMPILE_JOB) return this.compiler.run((job.data as CompileJob).compilationId, (p) => job.updateProgress(p));
    if (job.name === SEND_JOB) return this.sending.sendVersion((job.data as SendJob).versionId);
    if (job.name === SWEEP_JOB) return this.schedule.sweep(todayInOslo(CLOCK.now()));
    throw new Error(`Unknown job ${job.name}`);
  }

  /** A compilation whose last attempt failed is marked failed, with the reason, for the portal to show. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error) {
    if (job?.name === COMPILE_JOB && job.attemptsMade >= (job.opts.attempts ?? 1))
      await this.compiler.markFailed((job.data as CompileJob).compilationId, error.message);
  }
}
