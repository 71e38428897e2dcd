import { JobKind } from '../../queue/job';
import { MAIL_QUEUE, SEND_MAIL_JOB } from '../../queue/queue.constants';

/** A delivery job: the recorded mails it delivers (many per job; a job queued before batching carried one `mailId`). */
export type SendMailJob = { mailIds: string[] } | { mailId: string };

export const SEND_MAIL = new JobKind<SendMailJob>(MAIL_QUEUE, SEND_MAIL_JOB);

export const mailIdsOf = (job: SendMailJob): string[] => ('mailIds' in job ? job.mailIds : [job.mailId]);
