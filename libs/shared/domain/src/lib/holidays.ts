/**
 * Norwegian public holidays (offentlige høytidsdager) and the July holiday (fellesferie),
 * as calendar dates (YYYY-MM-DD). Pure date arithmetic; no time zones involved.
 */
import type { IsoDate } from './apprenticeship';

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOf(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function norwegianHolidays(year: number): Map<IsoDate, string> {
  const easter = easterSunday(year);
  return new Map<IsoDate, string>([
    [isoOf(year, 1, 1), 'Første nyttårsdag'],
    [addDays(easter, -7), 'Palmesøndag'],
    [addDays(easter, -3), 'Skjærtorsdag'],
    [addDays(easter, -2), 'Langfredag'],
    [easter, 'Første påskedag'],
    [addDays(easter, 1), 'Andre påskedag'],
    [isoOf(year, 5, 1), 'Offentlig høytidsdag'],
    [isoOf(year, 5, 17), 'Grunnlovsdag'],
    [addDays(easter, 39), 'Kristi himmelfartsdag'],
    [addDays(easter, 49), 'Første pinsedag'],
    [addDays(easter, 50), 'Andre pinsedag'],
    [isoOf(year, 12, 25), 'Første juledag'],
    [isoOf(year, 12, 26), 'Andre juledag'],
  ]);
}

const cache = new Map<number, Map<IsoDate, string>>();
export function holidayName(date: IsoDate): string | null {
  const y = Number(date.slice(0, 4));
  let h = cache.get(y);
  if (!h) cache.set(y, (h = norwegianHolidays(y)));
  return h.get(date) ?? null;
}

/** The July holiday: most of the public sector is on leave, so no gatherings in July. */
export const isJulyHoliday = (date: IsoDate) => date.slice(5, 7) === '07';

/** A day a gathering can be held: a weekday, not a public holiday, not in July. */
export function isWorkingDay(date: IsoDate): boolean {
  return weekday(date) <= 5 && !holidayName(date) && !isJulyHoliday(date);
}
