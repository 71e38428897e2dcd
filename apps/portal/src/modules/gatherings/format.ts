/** Dates and times as people in Norway read them: Europe/Oslo, whatever the browser's zone. */
export function formatWhen(startsAt: string, endsAt: string, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(startsAt));
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** The short form for lists: "tor. 3. des. 09:00–12:00" (or without the end). */
export function formatShort(startsAt: string, endsAt: string | null, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const start = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(startsAt));
  if (!endsAt) return start;
  return `${start}–${new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(new Date(endsAt))}`;
}
