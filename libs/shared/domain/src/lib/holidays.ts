/**
 * Norwegian public holidays (offentlige høytidsdager), the Christmas holiday (juleferie) and the
 * July holiday (fellesferie), as calendar dates (YYYY-MM-DD). Pure date arithmetic; no time zones.
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

/** The Norwegian public holidays (offentlige høytidsdager), by a stable key. */
export enum NorwegianHoliday {
  NEW_YEARS_DAY = 'NEW_YEARS_DAY',
  PALM_SUNDAY = 'PALM_SUNDAY',
  MAUNDY_THURSDAY = 'MAUNDY_THURSDAY',
  GOOD_FRIDAY = 'GOOD_FRIDAY',
  EASTER_SUNDAY = 'EASTER_SUNDAY',
  EASTER_MONDAY = 'EASTER_MONDAY',
  LABOUR_DAY = 'LABOUR_DAY',
  CONSTITUTION_DAY = 'CONSTITUTION_DAY',
  ASCENSION_DAY = 'ASCENSION_DAY',
  WHIT_SUNDAY = 'WHIT_SUNDAY',
  WHIT_MONDAY = 'WHIT_MONDAY',
  CHRISTMAS_DAY = 'CHRISTMAS_DAY',
  BOXING_DAY = 'BOXING_DAY',
}

/** The holidays' names in bokmål, as the calendar prints them. */
export const NORWEGIAN_HOLIDAY_NAMES: Record<NorwegianHoliday, string> = {
  NEW_YEARS_DAY: 'Første nyttårsdag',
  PALM_SUNDAY: 'Palmesøndag',
  MAUNDY_THURSDAY: 'Skjærtorsdag',
  GOOD_FRIDAY: 'Langfredag',
  EASTER_SUNDAY: 'Første påskedag',
  EASTER_MONDAY: 'Andre påskedag',
  LABOUR_DAY: 'Arbeidernes dag',
  CONSTITUTION_DAY: 'Grunnlovsdag',
  ASCENSION_DAY: 'Kristi himmelfartsdag',
  WHIT_SUNDAY: 'Første pinsedag',
  WHIT_MONDAY: 'Andre pinsedag',
  CHRISTMAS_DAY: 'Første juledag',
  BOXING_DAY: 'Andre juledag',
};

/** The year's public holidays by date. */
export function norwegianHolidayKeys(year: number): Map<IsoDate, NorwegianHoliday> {
  const easter = easterSunday(year);
  const H = NorwegianHoliday;
  return new Map<IsoDate, NorwegianHoliday>([
    [isoOf(year, 1, 1), H.NEW_YEARS_DAY],
    [addDays(easter, -7), H.PALM_SUNDAY],
    [addDays(easter, -3), H.MAUNDY_THURSDAY],
    [addDays(easter, -2), H.GOOD_FRIDAY],
    [easter, H.EASTER_SUNDAY],
    [addDays(easter, 1), H.EASTER_MONDAY],
    [isoOf(year, 5, 1), H.LABOUR_DAY],
    [isoOf(year, 5, 17), H.CONSTITUTION_DAY],
    [addDays(easter, 39), H.ASCENSION_DAY],
    [addDays(easter, 49), H.WHIT_SUNDAY],
    [addDays(easter, 50), H.WHIT_MONDAY],
    [isoOf(year, 12, 25), H.CHRISTMAS_DAY],
    [isoOf(year, 12, 26), H.BOXING_DAY],
  ]);
}

export function norwegianHolidays(year: number): Map<IsoDate, string> {
  return new Map([...norwegianHolidayKeys(year)].map(([date, key]) => [date, NORWEGIAN_HOLIDAY_NAMES[key]]));
}

const cache = new Map<number, Map<IsoDate, NorwegianHoliday>>();
/** The public holiday on a date, if any. */
export function holidayOn(date: IsoDate): NorwegianHoliday | null {
  const y = Number(date.slice(0, 4));
  let h = cache.get(y);
  if (!h) cache.set(y, (h = norwegianHolidayKeys(y)));
  return h.get(date) ?? null;
}

export function holidayName(date: IsoDate): string | null {
  const key = holidayOn(date);
  return key ? NORWEGIAN_HOLIDAY_NAMES[key] : null;
}

/** The July holiday (fellesferie): most of the public sector is on leave, so no gatherings in July. */
export const isJulyHoliday = (date: IsoDate) => date.slice(5, 7) === '07';

/**
 * The Christmas holiday (juleferie): from 21 December through 1 January, every year. The week
 * before Christmas Eve and romjul are when people are away, so no gatherings then.
 */
export const CHRISTMAS_HOLIDAY = { from: '12-21', through: '01-01' } as const;
export const isChristmasHoliday = (date: IsoDate) => {
  const monthDay = date.slice(5);
  return monthDay >= CHRISTMAS_HOLIDAY.from || monthDay <= CHRISTMAS_HOLIDAY.through;
};

/** Why a date is no day for a gathering. */
export enum DayOffKind {
  HOLIDAY = 'HOLIDAY',
  CHRISTMAS_HOLIDAY = 'CHRISTMAS_HOLIDAY',
  JULY_HOLIDAY = 'JULY_HOLIDAY',
  WEEKEND = 'WEEKEND',
}

export interface DayOff {
  kind: DayOffKind;
  /** Set when `kind` is HOLIDAY. */
  holiday: NorwegianHoliday | null;
  /** In bokmål: the holiday's name, "Juleferie", "Fellesferie i juli" or "Helg". */
  label: string;
}

export const DAY_OFF_LABELS: Record<Exclude<DayOffKind, DayOffKind.HOLIDAY>, string> = {
  CHRISTMAS_HOLIDAY: 'Juleferie',
  JULY_HOLIDAY: 'Fellesferie i juli',
  WEEKEND: 'Helg',
};

/**
 * Why no gathering can be held on a date, or null when one can. A public holiday is named first
 * (Første juledag rather than Juleferie), then the Christmas and July holidays, then the weekend.
 */
export function dayOff(date: IsoDate): DayOff | null {
  const holiday = holidayOn(date);
  if (holiday) return { kind: DayOffKind.HOLIDAY, holiday, label: NORWEGIAN_HOLIDAY_NAMES[holiday] };
  const kind = isChristmasHoliday(date)
    ? DayOffKind.CHRISTMAS_HOLIDAY
    : isJulyHoliday(date)
      ? DayOffKind.JULY_HOLIDAY
      : weekday(date) > 5
        ? DayOffKind.WEEKEND
        : null;
  return kind ? { kind, holiday: null, label: DAY_OFF_LABELS[kind] } : null;
}

/** A day a gathering can be held: a weekday, not a public holiday, not in the Christmas or July holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return dayOff(date) === null;
}
