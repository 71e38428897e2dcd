import { DayJobData, JobKind } from '../../queue/job';

/** The action plan's queue: the Monday digest of milestones due soon or overdue. */
export const ACTION_PLANS_QUEUE = 'action-plans';

/** The day the digest is for (YYYY-MM-DD, Oslo); today when left out (the schedule's own jobs). */
export type PlanDigestJob = DayJobData;
export const PLAN_DIGEST = new JobKind<PlanDigestJob>(ACTION_PLANS_QUEUE, 'plan-digest');

/** Mondays at 07:00, Europe/Oslo. */
export const PLAN_DIGEST_SCHEDULE = { id: 'plan-digest-weekly', pattern: '0 7 * * 1' };

/** One digest job per day, however often it is enqueued. */
export const planDigestJobId = (today: string) => `plan-digest-${today}`;
