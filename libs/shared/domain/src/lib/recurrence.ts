/**
 * Gathering schedules: an RFC 5545 RRULE over calendar dates, with a local start and end time
 * in Europe/Oslo. Occurrences are proposed as dates; a date that falls on a Norwegian public
 * holiday moves to the nearest working day in the same week (earlier first), and dates in July
 * (the July holiday) are left out. Instants are computed in Europe/Oslo and returned in UTC, so
 * 10:00 stays 10:00 on both sides of the daylight-saving changes.
 */
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import type { IsoDate } from './apprenticeship';
import { addDays, DayOff, dayOff, isWorkingDay, weekday } from './holidays';

export const GATHERING_TIME_ZONE = 'Europe/Oslo';

/** What a series does with a date that is no day for a gathering. */
export enum HolidayRule {
  /** Move it to the nearest working day of the same week; skip it when there is none. */
  MOVE = 'MOVE',
  /** Leave it out. */
  SKIP = 'SKIP',
}

/** What happened to a date the rule produced. */
export enum ScheduleOutcome {
  KEPT = 'KEPT',
  MOVED = 'MOVED',
  SKIPPED = 'SKIPPED',
}

export interface ScheduleRule {
  /** e.g. `FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH` (no DTSTART; it comes from `firstDate`). */
  rrule: string;
  /** The first date the rule may produce (YYYY-MM-DD). */
  firstDate: IsoDate;
  /** Local wall-clock times in Europe/Oslo, HH:mm. */
  startTime: string;
  endTime: string;
  /** MOVE when left out. */
  holidayRule?: HolidayRule;
}

/** A date the rule produced, and what happened to it. */
export interface ScheduledDate {
  ruleDate: IsoDate;
  outcome: ScheduleOutcome;
  /** The date the gathering is held on; null when skipped. */
  date: IsoDate | null;
  /** Why the rule's date could not be used (the rule's date is off); null when kept. */
  reason: DayOff | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface ProposedOccurrence {
  /** The date the rule produced. */
  ruleDate: IsoDate;
  /** The date proposed (moved off a holiday when needed). */
  date: IsoDate;
  startsAt: Date;
  endsAt: Date;
  /** Why the date differs from the rule's, if it does. */
  movedBecause: string | null;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function scheduleProblem(rule: ScheduleRule): string | null {
  if (!TIME.test(rule.startTime) || !TIME.test(rule.endTime)) return 'Times must be written HH:mm (24-hour clock)';
  if (rule.endTime <= rule.startTime) return 'The gathering must end after it starts';
  if (/DTSTART|UNTIL=\d{8}T/i.test(rule.rrule) && /DTSTART/i.test(rule.rrule))
    return 'Leave DTSTART out of the rule; the first date is given separately';
  try {
    const opts = RRule.parseString(rule.rrule.replace(/^RRULE:/i, ''));
    if (opts.freq === undefined) return 'The rule needs a FREQ (e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH)';
    if (opts.freq > RRule.WEEKLY && opts.freq !== RRule.DAILY) return 'Gatherings repeat daily at most often';
  } catch {
    return 'The recurrence rule cannot be read; write it as in RFC 5545, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH';
  }
  return null;
}

/** The instant of a local wall-clock time in Oslo on a date. */
export function osloInstant(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return DateTime.fromObject({ year: y, month: m, day: d, hour: hh, minute: mm }, { zone: GATHERING_TIME_ZONE }).toUTC().toJSDate();
}

/** The Oslo calendar date and time of an instant. */
export function osloLocal(instant: Date): { date: IsoDate; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: GATHERING_TIME_ZONE });
  return { date: dt.toISODate() as string, time: dt.toFormat('HH:mm') };
}

/**
 * Moves a date off a day off to the nearest working day of the same ISO week (Monday–Sunday),
 * earlier first; null when the whole week is off. Dates before `notBefore` are not candidates.
 */
export function nearestWorkingDayInWeek(date: IsoDate, notBefore?: IsoDate): IsoDate | null {
  if (isWorkingDay(date)) return date;
  const wd = weekday(date);
  for (let delta = 1; delta < 7; delta++) {
    for (const [cand, cw] of [
      [addDays(date, -delta), wd - delta],
      [addDays(date, delta), wd + delta],
    ] as const) {
      if (cw >= 1 && cw <= 7 && !(notBefore && cand < notBefore) && isWorkingDay(cand)) return cand;
    }
  }
  return null;
}

/** The dates an RRULE produces between two dates (inclusive). */
function ruleDates(rule: ScheduleRule, from: IsoDate, to: IsoDate): IsoDate[] {
  const [y, m, d] = rule.firstDate.split('-').map(Number);
  // rrule works on "floating" dates represented as UTC; only the calendar date is used.
  const r = new RRule({ ...RRule.parseString(rule.rrule.replace(/^RRULE:/i, '')), dtstart: new Date(Date.UTC(y, m - 1, d, 12)) });
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return r
    .between(new Date(Date.UTC(fy, fm - 1, fd, 0)), new Date(Date.UTC(ty, tm - 1, td, 23, 59)), true)
    .map((x) => x.toISOString().slice(0, 10));
}

/**
 * Every date the rule produces between `from` and `to` (inclusive), each kept, moved or skipped
 * by the series' holiday rule, until `limit` gatherings are held. A date is never moved onto a
 * date the rule produces itself (as with a daily rule), nor before `from`: it is skipped instead.
 */
export function scheduleDates(rule: ScheduleRule, from: IsoDate, to: IsoDate, limit = 50): ScheduledDate[] {
  const problem = scheduleProblem(rule);
  if (problem) throw new Error(problem);
  const dates = ruleDates(rule, from, to);
  const produced = new Set(dates);
  const taken = new Set<IsoDate>();
  const out: ScheduledDate[] = [];
  const held = (date: IsoDate) => {
    taken.add(date);
    return { date, startsAt: osloInstant(date, rule.startTime), endsAt: osloInstant(date, rule.endTime) };
  };
  for (const ruleDate of dates) {
    if (taken.size >= limit) break;
    const reason = dayOff(ruleDate);
    if (!reason) {
      out.push({ ruleDate, outcome: ScheduleOutcome.KEPT, reason: null, ...held(ruleDate) });
      continue;
    }
    const moved = (rule.holidayRule ?? HolidayRule.MOVE) === HolidayRule.MOVE ? nearestWorkingDayInWeek(ruleDate, from) : null;
    if (moved && !produced.has(moved) && !taken.has(moved)) out.push({ ruleDate, outcome: ScheduleOutcome.MOVED, reason, ...held(moved) });
    else out.push({ ruleDate, outcome: ScheduleOutcome.SKIPPED, reason, date: null, startsAt: null, endsAt: null });
  }
  return out;
}

/** The gatherings the rule proposes between `from` and `to` (inclusive dates), at most `limit`. */
export function proposeOccurrences(rule: ScheduleRule, from: IsoDate, to: IsoDate, limit = 50): ProposedOccurrence[] {
  return scheduleDates(rule, from, to, limit).flatMap((s) =>
    s.date && s.startsAt && s.endsAt
      ? [{ ruleDate: s.ruleDate, date: s.date, startsAt: s.startsAt, endsAt: s.endsAt, movedBecause: s.reason?.label ?? null }]
      : [],
  );
}
