/** Hours as people write them: "2,5" or "2.5"; empty is null, anything else unreadable is undefined. */
export function parseHours(text: string): number | null | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** The length of a shift in hours, to two decimals. */
export const shiftHours = (startsAt: string, endsAt: string) =>
  Math.round((new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 36_000) / 100;

/** Hours in the reader's language: "2,5" / "2.5". */
export const formatHours = (hours: number, lang: string) =>
  hours.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });
