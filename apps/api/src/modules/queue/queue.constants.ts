/** Queue and job names. Changing one orphans the jobs already queued under the old name. */
export const MAIL_QUEUE = 'mail';
export const SEND_MAIL_JOB = 'send-mail';

/** Retries with exponential backoff: 8 attempts span about 20 minutes. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/**
 * Worker options for every processor. A drained worker waits at most 1 s before it looks
 * again, on either backend, so a job added while it waited starts within a second.
 */
export const WORKER_OPTIONS = {
  concurrency: 8,
  drainDelay: 1,
  // A worker that dies holds its jobs until the lock runs out; they are retried within ~20 s.
  // Live workers renew their locks every lockDuration / 2, so long jobs are not affected.
  lockDuration: 15_000,
  stalledInterval: 10_000,
} as const;

/** The schema BullMQ's PostgreSQL backend keeps its tables and functions in. */
export const QUEUE_SCHEMA = 'bullmq';
