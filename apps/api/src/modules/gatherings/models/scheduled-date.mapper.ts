import type { ScheduledDate } from '@laerenett/shared-domain';
import type { ScheduledDateModel } from './gathering.model';

/** A date of a schedule as the API shows it: the reason flattened to its kind, holiday and bokmål label. */
export const scheduledDateModel = (d: ScheduledDate): ScheduledDateModel => ({
  ruleDate: d.ruleDate,
  outcome: d.outcome,
  date: d.date,
  reason: d.reason?.kind ?? null,
  holiday: d.reason?.holiday ?? null,
  reasonLabel: d.reason?.label ?? null,
  startsAt: d.startsAt,
  endsAt: d.endsAt,
});
