/**
 * The calendar of the demo's living year, relative to the day the demo is loaded: which of the
 * year's things have happened by then, and on which days. Pure, so any day of the year can be
 * tried in a unit test.
 */
import { addDays, IsoDate, MeasureStatus, SummaryDates, weekday } from '@laerenett/shared-domain';

/** The network's season starts in August: before then, the gatherings held are last autumn's. */
export function seasonYear(today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-08-01` ? year : year - 1;
}

/** The n-th ISO weekday (1 = Monday … 7 = Sunday) of a month; n = -1 is the last. */
export function nthWeekday(year: number, month: number, isoWeekday: number, n: number): IsoDate {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  if (n > 0) return addDays(first, ((isoWeekday - weekday(first) + 7) % 7) + 7 * (n - 1));
  const last = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  return addDays(last, -((weekday(last) - isoWeekday + 7) % 7));
}

export enum GatheringPhase {
  /** Before today: held, with answers, check-ins and minutes. */
  HELD = 'HELD',
  /** In the coming six weeks: the invitation has gone out and some have answered. */
  SENT = 'SENT',
  /** Later: planned, not yet sent out. */
  PLANNED = 'PLANNED',
}

export const SENT_WEEKS_AHEAD = 6;

export function gatheringPhase(date: IsoDate, today: IsoDate): GatheringPhase {
  if (date < today) return GatheringPhase.HELD;
  return date <= addDays(today, SENT_WEEKS_AHEAD * 7) ? GatheringPhase.SENT : GatheringPhase.PLANNED;
}

/** When a milestone was marked done: a few days before it was due, if that day has passed; null while open. */
export function milestoneDoneOn(dueDate: IsoDate, today: IsoDate, keepOpen = false): IsoDate | null {
  if (keepOpen) return null;
  const done = addDays(dueDate, -3);
  return done < today ? done : null;
}

/** A measure is done when all its milestones are, under way once one is (or the first is a month off), else planned. */
export function measureStatusOn(milestones: { dueDate: IsoDate; done: boolean }[], today: IsoDate): MeasureStatus {
  if (milestones.length && milestones.every((m) => m.done)) return MeasureStatus.DONE;
  const first = milestones.map((m) => m.dueDate).sort()[0];
  if (milestones.some((m) => m.done) || (first !== undefined && addDays(first, -30) <= today)) return MeasureStatus.IN_PROGRESS;
  return MeasureStatus.PLANNED;
}

/** `n` working days (Monday–Friday) spread evenly from `from` to `to`, in order (the ends on working days). */
export function spreadWorkingDays(from: IsoDate, to: IsoDate, n: number): IsoDate[] {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return Array.from({ length: n }, (_, i) => {
    let d = addDays(from, n === 1 ? 0 : Math.round((span * i) / (n - 1)));
    // Off a weekend: forwards, but the last day backwards, so the days stay between the ends.
    const step = i === n - 1 && n > 1 ? -1 : 1;
    while (weekday(d) > 5) d = addDays(d, step);
    return d;
  });
}

/**
 * The bilateral meetings of the plan's year: `onTime` of them between 5 May and 30 June (the
 * pilot's deadline is 1 July), and one held late, in September. Only those before today are held.
 */
export function bilateralMeetingDays(year: number, today: IsoDate, onTime: number): { onTime: (IsoDate | null)[]; late: IsoDate | null } {
  const held = (d: IsoDate) => (d < today ? d : null);
  return { onTime: spreadWorkingDays(`${year}-05-05`, `${year}-06-30`, onTime).map(held), late: held(nthWeekday(year, 9, 4, 3)) };
}

/**
 * The agencies' December reports on `today`: none before reporting opens; then those to be
 * submitted are submitted on working days from the opening day up to the deadline (or today),
 * and one of them late, after the deadline, once that day has passed.
 */
export function reportDays(d: SummaryDates, today: IsoDate, submitted: number): { open: boolean; submittedOn: (IsoDate | null)[] } {
  if (today < d.opensOn) return { open: false, submittedOn: [] };
  const lateDay = addDays(d.agencyDeadline, 2);
  const onTime = spreadWorkingDays(d.opensOn, d.agencyDeadline, Math.max(1, submitted - 1)).map((x) => (x <= today ? x : null));
  return { open: true, submittedOn: [...onTime, lateDay <= today ? lateDay : null].slice(0, submitted) };
}
