import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import { todayInOslo } from '../../common/time';
import type { OutboxJob } from './outbox.service';

/**
 * A kind of job: its queue, its name and the type of its data, declared once so that the
 * producer (which records it in the outbox) and the worker (which runs it) cannot disagree.
 */
export class JobKind<D extends object> {
  constructor(
    readonly queue: string,
    readonly name: string,
  ) {}

  /** The outbox record of one job of this kind; a deterministic `jobId` makes it run once however often it is asked for. */
  record(data: D, jobId: string, opts?: OutboxJob['opts']): OutboxJob {
    return { queue: this.queue, name: this.name, data, jobId, ...(opts ? { opts } : {}) };
  }

  /** The bulk-enqueue form of one job of this kind (for fan-outs that skip the outbox because their rows are their own). */
  bulk(data: D, opts: JobsOptions): { name: string; data: D; opts: JobsOptions } {
    return { name: this.name, data, opts };
  }
}

/** What a running job may tell the queue, and how far along its retries it is. */
export interface JobContext {
  progress(pct: number): Promise<void>;
  /** True on the last attempt the queue will make. */
  readonly finalAttempt: boolean;
}

/** A job that the queue starts on a schedule (one scheduler, whatever the number of workers). */
export interface JobSchedule {
  id: string;
  /** A cron pattern in Europe/Oslo time. */
  pattern: string;
}

/**
 * One class per job: it runs the data of one kind. Register it with its queue's processor,
 * which hands it every job of its kind (`JobRunners`).
 */
export interface JobRunner<D extends object> {
  readonly kind: JobKind<D>;
  /** Set for jobs the queue starts by itself. */
  readonly schedule?: JobSchedule;
  run(data: D, ctx: JobContext): Promise<unknown>;
  /** Called once when the last attempt has failed: record the failure where people will see it. */
  failedFinally?(data: D, error: Error): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of runners of different data types
type AnyRunner = JobRunner<any>;

/** A queue's runners by job name: its processor's `process` and `failed` delegate here. */
export class JobRunners {
  private readonly byName = new Map<string, AnyRunner>();

  constructor(
    private readonly queueName: string,
    runners: AnyRunner[],
  ) {
    for (const r of runners) {
      if (r.kind.queue !== queueName) throw new Error(`The job ${r.kind.name} belongs to the queue ${r.kind.queue}, not ${queueName}`);
      if (this.byName.has(r.kind.name)) throw new Error(`Two runners for the job ${r.kind.name}`);
      this.byName.set(r.kind.name, r);
    }
  }

  /** Runs a job with its kind's runner; an unknown name fails the job (and is retried, then kept as failed). */
  run(job: Job): Promise<unknown> {
    const runner = this.byName.get(job.name);
    if (!runner) throw new Error(`No runner for the job ${job.name} on the queue ${this.queueName}`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return runner.run(job.data as object, { progress: (pct) => job.updateProgress(pct), finalAttempt });
  }

  /** After a failed attempt: the runner hears of it once, when no retry is left. */
  async failed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.byName.get(job.name)?.failedFinally?.(job.data as object, error);
  }

  /** Upserts the schedulers of the scheduled runners: idempotent, so every worker may do it at start. */
  async upsertSchedules(queue: Queue, timeZone: string): Promise<void> {
    for (const r of this.byName.values())
      if (r.schedule)
        await queue.upsertJobScheduler(r.schedule.id, { pattern: r.schedule.pattern, tz: timeZone }, { name: r.kind.name, data: {} });
  }
}

/**
 * A queue's processor: it hands every job to its kind's runner, tells the runner of a job out of
 * retries, and upserts the schedulers of the scheduled runners at start (idempotent, so every
 * worker may). A module's processor only names its queue and its runners:
 *
 *     @Processor(QUEUE, WORKER_OPTIONS)
 *     export class XProcessor extends RunnersProcessor {
 *       constructor(a: ARunner, @InjectQueue(QUEUE) queue: Queue) { super(new JobRunners(QUEUE, [a]), queue); }
 *     }
 */
export abstract class RunnersProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected constructor(
    private readonly runners: JobRunners,
    /** The queue, where a runner has a schedule; null where none has. */
    private readonly queue: Queue | null = null,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue) await this.runners.upsertSchedules(this.queue, GATHERING_TIME_ZONE);
  }

  process(job: Job): Promise<unknown> {
    return this.runners.run(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): Promise<void> {
    return this.runners.failed(job, error);
  }
}

/** The data of a job that runs for a day: that day (YYYY-MM-DD, Oslo), or today when left out (the scheduler's own jobs). */
export interface DayJobData {
  today?: string;
}

/**
 * A scheduled job that does a day's work (a sweep, a digest, reminders): it runs for the day its
 * data names, else for today by the injected clock, so a test or an operator can run any day.
 */
export abstract class DayRunner implements JobRunner<DayJobData> {
  abstract readonly kind: JobKind<DayJobData>;
  abstract readonly schedule: JobSchedule;

  protected constructor(private readonly clock: Clock) {}

  run(data: DayJobData): Promise<unknown> {
    return this.runFor(data.today ?? todayInOslo(this.clock.now()));
  }

  protected abstract runFor(day: string): Promise<unknown>;
}
