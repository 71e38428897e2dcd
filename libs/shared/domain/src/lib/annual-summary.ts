import type { IsoDate } from './apprenticeship';
import { addDays } from './holidays';

/**
 * The December summary (årsoppsummering): every agency reports on its year by the agencies'
 * deadline, the ministry compiles the area's summary in the compilation window and sends it by
 * the send date. The pilot's cycle: open 1 Dec, deadline 7 Dec, compile 7–14 Dec, send 15 Dec.
 */
export interface SummaryDates {
  /** Reporting opens (the first reminder goes out). */
  opensOn: IsoDate;
  /** The agencies' deadline. */
  agencyDeadline: IsoDate;
  /** The ministry's compilation window. */
  compileFrom: IsoDate;
  compileTo: IsoDate;
  /** The compiled summary is sent to the network by this day. */
  sendBy: IsoDate;
}

export function defaultSummaryDates(year: number): SummaryDates {
  return {
    opensOn: `${year}-12-01`,
    agencyDeadline: `${year}-12-07`,
    compileFrom: `${year}-12-07`,
    compileTo: `${year}-12-14`,
    sendBy: `${year}-12-15`,
  };
}

/** Reminders go to agencies that have not submitted: the day reporting opens, two days before the deadline, and on the deadline. */
export const REMINDER_OFFSETS_BEFORE_DEADLINE = [2, 0] as const;

/**
 * Problems with a set of dates, by field (empty when they are fine). The dates must follow the
 * cycle's order and lie in the summary's year (reporting may open in the autumn).
 */
export function summaryDateProblems(year: number, d: SummaryDates): Partial<Record<keyof SummaryDates, string>> {
  const out: Partial<Record<keyof SummaryDates, string>> = {};
  const order: (keyof SummaryDates)[] = ['opensOn', 'agencyDeadline', 'compileFrom', 'compileTo', 'sendBy'];
  for (const k of order) {
    const v = d[k];
    if (!v.startsWith(`${year}-`)) out[k] = `must be a day in ${year}`;
  }
  if (d.opensOn < `${year}-09-01` && !out.opensOn) out.opensOn = `reporting can open from 1 September ${year}`;
  for (let i = 1; i < order.length; i++) {
    const [a, b] = [order[i - 1], order[i]];
    if (!out[b] && !out[a] && d[b] < d[a]) out[b] = `must not be before ${a} (${d[a]})`;
  }
  if (!out.agencyDeadline && !out.opensOn && d.agencyDeadline === d.opensOn) out.agencyDeadline = 'must be after the day reporting opens';
  return out;
}

export enum SummaryAction {
  /** Reporting opens: the first reminder, to agencies that have not submitted. */
  OPEN = 'OPEN',
  REMIND = 'REMIND',
  /** The day after the deadline: the ministry hears which agencies are late. */
  LATE_NOTICE = 'LATE_NOTICE',
  /** The first day after the deadline inside the compilation window: compile if nobody has. */
  AUTO_COMPILE = 'AUTO_COMPILE',
}

/** The day the compilation starts by itself: the first day after the deadline that is in the window. */
export function autoCompileDay(d: SummaryDates): IsoDate {
  const after = addDays(d.agencyDeadline, 1);
  return after > d.compileFrom ? after : d.compileFrom;
}

/**
 * What the daily sweep does for one area on `today`. Opening and reminders happen on their day
 * only; the late notice and the automatic compilation also catch up on a day missed (a worker
 * that was down), up to the send date and the end of the window.
 */
export function summaryActionsOn(today: IsoDate, d: SummaryDates): SummaryAction[] {
  const out: SummaryAction[] = [];
  if (today === d.opensOn) out.push(SummaryAction.OPEN);
  else if (today > d.opensOn && REMINDER_OFFSETS_BEFORE_DEADLINE.some((n) => addDays(d.agencyDeadline, -n) === today))
    out.push(SummaryAction.REMIND);
  if (today > d.agencyDeadline && today <= d.sendBy) out.push(SummaryAction.LATE_NOTICE);
  const auto = autoCompileDay(d);
  if (today >= auto && today <= d.compileTo) out.push(SummaryAction.AUTO_COMPILE);
  return out;
}

/** The reminder days for a set of dates (for display): the opening day, then the days before the deadline. */
export function reminderDays(d: SummaryDates): IsoDate[] {
  const days = [d.opensOn, ...REMINDER_OFFSETS_BEFORE_DEADLINE.map((n) => addDays(d.agencyDeadline, -n))].filter((x) => x >= d.opensOn);
  return [...new Set(days)].sort();
}

export enum ReportStatus {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  /** Not submitted, and the deadline has passed. */
  LATE = 'LATE',
}

/** Where an agency's report stands on `today`. A report submitted after the deadline is submitted (and marked late by `submittedLate`). */
export function reportStatus(report: { submitted: boolean } | null, deadline: IsoDate, today: IsoDate): ReportStatus {
  if (report?.submitted) return ReportStatus.SUBMITTED;
  if (today > deadline) return ReportStatus.LATE;
  return report ? ReportStatus.DRAFT : ReportStatus.NOT_STARTED;
}

/** Whether an agency may edit its report: reporting has opened, it is not submitted, and the year's summary has not been sent. */
export function reportEditable(opts: { today: IsoDate; opensOn: IsoDate; submitted: boolean; summarySent: boolean }): boolean {
  return opts.today >= opts.opensOn && !opts.submitted && !opts.summarySent;
}

/** Change from one figure to another, as a signed number and (where the base is not zero) a percentage. */
export function change(from: number, to: number): { delta: number; percent: number | null } {
  return { delta: to - from, percent: from === 0 ? null : Math.round(((to - from) / from) * 1000) / 10 };
}
