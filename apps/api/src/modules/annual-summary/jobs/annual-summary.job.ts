/** The December summary's queue: compilations, sending, and the daily sweep of the year's dates. */
export const ANNUAL_SUMMARY_QUEUE = 'annual-summary';

export const COMPILE_JOB = 'compile';
export interface CompileJob {
  compilationId: string;
}

/** A compilation's job: its id is the compilation's, so it runs once however often it is asked for. */
export const compileJob = (compilationId: string) => ({
  queue: ANNUAL_SUMMARY_QUEUE,
  name: COMPILE_JOB,
  data: { compilationId } satisfies CompileJob,
  jobId: compilationId,
  opts: { attempts: 5 },
});

export const SEND_JOB = 'send';
export interface SendJob {
  versionId: string;
}
/** One send job per version, however often it is requested. */
export const sendJobId = (versionId: string) => `summary-send-${versionId}`;
export const sendJob = (versionId: string) => ({
  queue: ANNUAL_SUMMARY_QUEUE,
  name: SEND_JOB,
  data: { versionId } satisfies SendJob,
  jobId: sendJobId(versionId),
});

/** Every morning at 08:00 Europe/Oslo: opening, reminders, the late notice, the automatic compilation. */
export const SWEEP_JOB = 'sweep';
export const SWEEP_SCHEDULER = 'annual-summary-daily';
export const SWEEP_PATTERN = '0 8 * * *';
