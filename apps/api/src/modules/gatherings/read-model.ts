/**
 * What the gatherings module publishes for other modules' SQL (migration 1796215000000): who
 * took part in the gatherings held, by one rule (the domain's `tookPart`), and what each person
 * said yes to.
 *
 * - `held_gatherings($area, $year, $asOf)` → `HeldGatheringRow`
 * - `gathering_participants($area, $year, $asOf)` → `GatheringParticipantRow`
 * - `gathering_commitments` (view) → `GatheringCommitmentRow`
 *
 * `asOf` is `participationAsOf(year, today)` from the domain: today within the year, its last day after it.
 */
export const HELD_GATHERINGS = 'held_gatherings';
export const GATHERING_PARTICIPANTS = 'gathering_participants';
export const GATHERING_COMMITMENTS = 'gathering_commitments';

export interface HeldGatheringRow {
  id: string;
  title: string;
  audience: string;
  day: string;
  any_check_in: boolean;
}

export interface GatheringParticipantRow {
  gathering_id: string;
  agency_id: string | null;
  user_id: string;
}

export interface GatheringCommitmentRow {
  user_id: string;
  gathering_id: string;
  area_id: string;
  starts_at: Date;
  ends_at: Date;
}
