/** The December summary's formats: days as people in Norway read them, in Europe/Oslo. */
const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nb-NO');

/** "7. desember 2026" for a YYYY-MM-DD day. */
export const formatDay = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/** "7. des. 2026, 14:05" for an instant. */
export const formatInstant = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(new Date(iso));

export const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));

export const REPORT_COLOUR = { NOT_STARTED: 'neutral', DRAFT: 'info', SUBMITTED: 'success', LATE: 'danger' } as const;
