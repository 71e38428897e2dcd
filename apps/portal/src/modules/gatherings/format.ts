/** Dates and times as people in Norway read them: Europe/Oslo, whatever the browser's zone. */
export function formatWhen(startsAt: string, endsAt: string, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Oslo',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(startsAt));
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** The short form for lists: "tor. 3. des. 09:00–12:00" (or without the end). */
export function formatShort(startsAt: string, endsAt: string | null, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const start = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Oslo',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(startsAt));
  if (!endsAt) return start;
  return `${start}–${new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(new Date(endsAt))}`;
}

const localeOf = (lang: string) => (lang === 'en' ? 'en-GB' : 'nb-NO');

/** A calendar day (YYYY-MM-DD) as "7. desember 2026" / "7 December 2026". */
export const formatDay = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** A calendar day (YYYY-MM-DD) with its weekday: "onsdag 24. mars 2027" / "Wednesday 24 March 2027". */
export const formatDayWithWeekday = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** An instant as "7. des. 2026, 14:05" in Oslo time. */
export const formatInstant = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));

/** This year in Norway. */
export const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));
