/** What every Lærenett PDF shares whatever draws it: its languages and how a day is written. */
export type PdfLanguage = 'nb' | 'en';

/** A day as "7. desember 2026" / "7 December 2026". */
export const dateText = (lang: PdfLanguage, iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
