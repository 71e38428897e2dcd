/**
 * What the pooling module publishes for other modules' SQL (created by migration
 * 1796230000000): the events reported to the pool, the help given at them, and the competence
 * apprentices.
 *
 * - `pool_event_directory` → `PoolEventDirectoryRow`
 * - `pool_help_given` → `PoolHelpGivenRow`
 * - `competence_roster` → `CompetenceRosterRow`
 */
export const POOL_EVENT_DIRECTORY = 'pool_event_directory';
export const POOL_HELP_GIVEN = 'pool_help_given';
export const COMPETENCE_ROSTER = 'competence_roster';

/** An event reported to the pool, whatever its status (SUBMITTED, APPROVED, RETURNED, CANCELLED …). */
export interface PoolEventDirectoryRow {
  id: string;
  area_id: string;
  /** The host. */
  agency_id: string;
  title: string;
  status: string;
  starts_on: string;
  ends_on: string;
}

/**
 * Help given at a pooled event: one row per sign-up that was approved and that the host marked
 * present, with the hours worked (those recorded, else the shift's length).
 */
export interface PoolHelpGivenRow {
  signup_id: string;
  event_id: string;
  event_title: string;
  area_id: string;
  host_agency_id: string;
  /** Who helped, and their agency. */
  user_id: string;
  agency_id: string;
  /** When the shift started. */
  starts_at: Date;
  /** numeric: comes back from pg as a string unless cast. */
  hours: string;
}

/** A competence apprentice in a subject of an area. */
export interface CompetenceRosterRow {
  subject_id: string;
  subject_name: string;
  area_id: string;
  user_id: string;
}
