import { MAX_YEAR, MIN_YEAR } from '@laerenett/shared-domain';
import { invalid } from '../graphql/app.exception';

/** Calendars are computed in Europe/Oslo; instants are stored in UTC. */
export const OSLO = 'Europe/Oslo';

// Creating an Intl formatter is expensive; one is enough.
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Norway as YYYY-MM-DD. */
export function todayInOslo(now: Date = new Date()): string {
  return OSLO_DATE.format(now);
}

export function currentYearInOslo(now: Date = new Date()): number {
  return Number(todayInOslo(now).slice(0, 4));
}

/** A year argument within the range Lærenett keeps figures for, or a VALIDATION_FAILED error. */
export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw invalid(`The year must be from ${MIN_YEAR} to ${MAX_YEAR}`, { year: ['out of range'] });
  return year;
}
