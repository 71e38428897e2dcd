import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { groupBy } from '../../common/group-by';
import { AppConfig } from '../../config/config';
import { DEFAULT_JOB_OPTIONS } from './queue.constants';
import { JobOutboxEntity } from './entities/job-outbox.entity';
import { producerConnection } from './queue-connection';

export interface OutboxJob {
  queue: string;
  name: string;
  data: object;
  /** Deterministic, so that recording or enqueueing the same job twice runs it once. */
  jobId: string;
  opts?: Pick<JobsOptions, 'attempts' | 'backoff' | 'delay'>;
}

/** How long a request waits for the queue after its commit before it leaves the job to the relay. */
const ENQUEUE_WAIT_MS = 500;
/** The relay leaves alone what was recorded this recently: the request that recorded it is enqueueing it. */
export const RELAY_GRACE_MS = 1_000;

/**
 * The transactional outbox. A change that calls for a job records it with `record` in its own
 * transaction; after the commit, `flush` puts it on the queue if the queue answers within a
 * moment, and never makes the request wait longer or fail because the queue is away. The
 * worker's relay (`relay`) enqueues whatever is recorded and not yet on a queue.
 */
@Injectable()
export class OutboxService implements OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly queues = new Map<string, Queue>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A producer for the named queue that fails at once, rather than waits, while the queue is away. */
  queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: producerConnection(this.config),
        prefix: this.config.queue.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      q.on('error', (e) => this.logger.warn(`Queue ${name}: ${e.message}`));
      this.queues.set(name, q);
    }
    return q;
  }

  /** Records jobs as part of the caller's transaction. Recording a job id again makes it pending again. */
  async record(m: EntityManager, jobs: OutboxJob[]): Promise<void> {
    if (!jobs.length) return;
    await m.query(
      `INSERT INTO job_outbox (queue, name, data, job_id, opts)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::jsonb[])
       ON CONFLICT (job_id) DO UPDATE SET enqueued_at = NULL, data = EXCLUDED.data, opts = EXCLUDED.opts`,
      [
        jobs.map((j) => j.queue),
        jobs.map((j) => j.name),
        jobs.map((j) => JSON.stringify(j.data)),
        jobs.map((j) => j.jobId),
        jobs.map((j) => JSON.stringify(j.opts ?? {})),
      ],
    );
  }

  /** Records the jobs (in a transaction of their own) and flushes them: for changes that need nothing else atomically. */
  async add(jobs: OutboxJob[]): Promise<void> {
    await this.ds.transaction((m) => this.record(m, jobs));
    await this.flush(jobs.map((j) => j.jobId));
  }

  /** After the commit: enqueue these now if the queue answers in time; otherwise the relay will. Never throws. */
  async flush(jobIds: string[]): Promise<void> {
    if (!jobIds.length) return;
    const rows = await this.ds.getRepository(JobOutboxEntity).find({ where: { jobId: In(jobIds) } });
    await this.within(this.enqueue(rows.filter((r) => !r.enqueuedAt)));
  }

  /**
   * Puts items' jobs on their queues in bulk per queue, then `mark`s them as enqueued. Shared with
   * the mail module, whose mail rows are their own outbox (MailService.relay).
   */
  async enqueueEach<T>(
    items: T[],
    queueOf: (t: T) => string,
    job: (t: T) => { name: string; data: object; opts: JobsOptions },
    mark: (done: T[]) => Promise<unknown>,
  ): Promise<number> {
    const byQueue = groupBy(items, queueOf);
    let n = 0;
    for (const [name, list] of byQueue) {
      await this.queue(name).addBulk(list.map(job));
      await mark(list);
      n += list.length;
    }
    return n;
  }

  private enqueue(rows: JobOutboxEntity[]): Promise<number> {
    return this.enqueueEach(
      rows,
      (r) => r.queue,
      (r) => ({ name: r.name, data: r.data, opts: { ...r.opts, jobId: r.jobId } }),
      (done) => this.ds.getRepository(JobOutboxEntity).update({ id: In(done.map((r) => r.id)) }, { enqueuedAt: this.clock.now() }),
    );
  }

  /** Waits for `work` at most ENQUEUE_WAIT_MS; a failure or a slow queue is left to the relay. */
  async within(work: Promise<unknown>): Promise<void> {
    const settled = work.catch((e: Error) => this.logger.warn(`The queue did not take the job now; the relay will: ${e.message}`));
    await Promise.race([settled, new Promise((r) => setTimeout(r, ENQUEUE_WAIT_MS).unref())]);
  }

  /** The relay's round: enqueues what was recorded and is not on a queue yet. Returns how many. */
  async relay(limit = 500): Promise<number> {
    const rows = await this.ds.query(
      `SELECT id, queue, name, data, job_id AS "jobId", opts FROM job_outbox
        WHERE enqueued_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [RELAY_GRACE_MS / 1000, limit],
    );
    const n = await this.enqueue(rows as JobOutboxEntity[]);
    // Enqueued jobs are kept a week, for looking into; then they go.
    await this.ds.query(`DELETE FROM job_outbox WHERE enqueued_at < now() - interval '7 days'`);
    return n;
  }

  async onApplicationShutdown() {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
