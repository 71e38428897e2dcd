import { MAX_YEAR, MIN_YEAR } from '@laerenett/shared-domain';
import { invalid } from '../graphql/app.exception';
import { CLOCK } from './clock';

/** Calendars are computed in Europe/Oslo; instants are stored in UTC. */
export const OSLO = 'Europe/Oslo';

// Creating an Intl formatter is expensive; one is enough.
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's date in Norway as YYYY-MM-DD, at `now`: services pass their injected clock's time
 * (`todayInOslo(this.clock.now())`). Left out, it is the process's clock (`CLOCK`, the instance
 * every service is given), for callers not yet passing it.
 */
export function todayInOslo(now: Date = CLOCK.now()): string {
  return OSLO_DATE.format(now);
}

/** The year in Norway at `now` (see todayInOslo). */
export function currentYearInOslo(now: Date = CLOCK.now()): number {
  return Number(todayInOslo(now).slice(0, 4));
}

/** A year argument within the range Lærenett keeps figures for, or a VALIDATION_FAILED error. */
export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw invalid(`The year must be from ${MIN_YEAR} to ${MAX_YEAR}`, { year: ['out of range'] });
  return year;
}
