import type { InterruptionKind } from '@laerenett/shared-domain';

/**
 * What the apprenticeship module publishes for other modules' SQL (created by migration
 * 1796400000000, for the follow-up cases):
 *
 * - the view `apprenticeship_responsible`: who answers for an apprentice's training, the
 *   professional leader and the instructors, one row each;
 * - the function `open_apprenticeship_interruption(apprentice, kind, starts_on,
 *   county_notified_on, note)`: records an interruption that goes on (no last day yet), in the
 *   caller's transaction, and returns its id. The caller then brings the apprentice's record in
 *   line (`syncRecord` in contract-sync.ts), as recording an interruption here does.
 */
export const APPRENTICESHIP_RESPONSIBLE = 'apprenticeship_responsible';

/** A row of `apprenticeship_responsible`, as SQL returns it. */
export interface ApprenticeshipResponsibleRow {
  apprentice_id: string;
  user_id: string;
  role: 'PROFESSIONAL_LEADER' | 'INSTRUCTOR';
}

/** SQL that opens an interruption: parameters apprentice id, kind, first day, day the county was told (or null), note. */
export const OPEN_INTERRUPTION = `SELECT open_apprenticeship_interruption($1::uuid, $2::apprenticeship_interruption_kind, $3::date, $4::date, $5::varchar) AS id`;

export type OpenInterruptionArgs = [
  apprenticeId: string,
  kind: InterruptionKind,
  startsOn: string,
  countyNotifiedOn: string | null,
  note: string,
];
