/** Limits for a target (måltall). A target above these is a typing error, not an ambition. */
export const MAX_TARGET = 500;

export function targetProblem(total: number, employees: number | null): string | null {
  if (!Number.isInteger(total)) return 'The target must be a whole number';
  if (total < 0) return 'The target cannot be negative';
  if (total > MAX_TARGET) return `The target cannot exceed ${MAX_TARGET}`;
  if (employees !== null && employees > 0 && total > employees) {
    return `The target (${total}) cannot exceed the agency's ${employees} employees`;
  }
  return null;
}

/** Gap = target − actual; positive means apprentices are still missing; null without a target. */
export function targetGap(target: number | null, actual: number): number | null {
  return target === null ? null : target - actual;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
