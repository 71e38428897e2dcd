import type { IsoDate } from './apprenticeship';

/** The day national statistics count apprentices on: 1 October of the year. */
export function snapshotDate(year: number): IsoDate {
  return `${year}-10-01`;
}

/** The pilot's threshold (100 employees); the 2022 government rules lowered it to 75. */
export const DEFAULT_MINIMUM_THRESHOLD = 100;

/**
 * The minimum rule (minimumskrav): an agency with more than `threshold` employees must
 * have at least one apprentice. Returns whether the rule applies and whether it is met.
 */
export function minimumRule(employees: number, apprentices: number, threshold: number): { applies: boolean; met: boolean } {
  const applies = employees > threshold;
  return { applies, met: !applies || apprentices >= 1 };
}
