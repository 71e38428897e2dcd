import { JobKind } from '../../queue/job';

/** The December summary's queue: compilations, sending, and the daily sweep of the year's dates. */
export const ANNUAL_SUMMARY_QUEUE = 'annual-summary';

/** Compile one area's summary: the compilation's row says which area and year. */
export interface CompileJob {
  compilationId: string;
}
export const COMPILE = new JobKind<CompileJob>(ANNUAL_SUMMARY_QUEUE, 'compile');

/** A compilation's job: its id is the compilation's, so it runs once however often it is asked for. */
export const compileJob = (compilationId: string) => COMPILE.record({ compilationId }, compilationId, { attempts: 5 });

/** Mail a sent version to the network. */
export interface SendJob {
  versionId: string;
}
export const SEND = new JobKind<SendJob>(ANNUAL_SUMMARY_QUEUE, 'send');

/** One send job per version, however often it is requested. */
export const sendJobId = (versionId: string) => `summary-send-${versionId}`;
export const sendJob = (versionId: string) => SEND.record({ versionId }, sendJobId(versionId));

/** A job the queue starts on a schedule carries no data: what it does follows from the time it runs. */
export type ScheduledJob = Record<string, never>;

/** Every morning at 08:00 Europe/Oslo: opening, reminders, the late notice, the automatic compilation. */
export const SWEEP = new JobKind<ScheduledJob>(ANNUAL_SUMMARY_QUEUE, 'sweep');
export const SWEEP_SCHEDULE = { id: 'annual-summary-daily', pattern: '0 8 * * *' };
export const SWEEP_JOB = SWEEP.name;
export const SWEEP_SCHEDULER = SWEEP_SCHEDULE.id;
