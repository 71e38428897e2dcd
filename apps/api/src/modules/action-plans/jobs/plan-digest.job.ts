/** The action plan's queue: the Monday digest of milestones due soon or overdue. */
export const ACTION_PLANS_QUEUE = 'action-plans';
export const PLAN_DIGEST_JOB = 'plan-digest';
export const PLAN_DIGEST_SCHEDULER = 'plan-digest-weekly';
/** Mondays at 07:00, Europe/Oslo. */
export const PLAN_DIGEST_PATTERN = '0 7 * * 1';

export interface PlanDigestJob {
  /** The day the digest is for (YYYY-MM-DD, Oslo); today when left out. */
  today?: string;
}

/** One digest job per day, however often it is enqueued. */
export const planDigestJobId = (today: string) => `plan-digest-${today}`;
