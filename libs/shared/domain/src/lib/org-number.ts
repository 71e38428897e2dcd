/**
 * Norwegian organisation numbers (organisasjonsnummer): 9 digits, the last a
 * modulus-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2.
 * A remainder giving check digit 10 means the number cannot exist.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export function orgNumberCheckDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const rest = sum % 11;
  const digit = rest === 0 ? 0 : 11 - rest;
  return digit === 10 ? null : digit;
}

/** Accepts "974760673" and the spaced form "974 760 673". */
export function normaliseOrgNumber(input: string): string {
  return input.replace(/\s+/g, '');
}

export function isValidOrgNumber(input: string): boolean {
  const n = normaliseOrgNumber(input);
  if (!/^\d{9}$/.test(n)) return false;
  const check = orgNumberCheckDigit(n.slice(0, 8));
  return check !== null && check === Number(n[8]);
}

/** Completes eight digits into a valid organisation number, or null if none exists. */
export function completeOrgNumber(first8: string): string | null {
  const d = orgNumberCheckDigit(first8);
  return d === null ? null : `${first8}${d}`;
}
