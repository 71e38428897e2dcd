import type { Role } from '@laerenett/shared-domain';

/**
 * What the identity module publishes for other modules' SQL: the view `user_directory`
 * (created by migration 1796210000000). Password hashes, sessions and invitations stay private.
 */
export const USER_DIRECTORY = 'user_directory';

/** A row of `user_directory`, as SQL returns it. */
export interface UserDirectoryRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  area_id: string | null;
  agency_id: string | null;
  language: string;
  created_at: Date;
}

/**
 * The invitations not yet accepted (view `open_invitation`, migration 1796240000000), without
 * their token hashes: e.g. which apprentices have an invitation waiting. An expired one is still
 * listed; compare `expires_at` with the time.
 */
export const OPEN_INVITATION = 'open_invitation';

/** A row of `open_invitation`, as SQL returns it. */
export interface OpenInvitationRow {
  id: string;
  email: string;
  role: Role;
  area_id: string | null;
  agency_id: string | null;
  apprentice_id: string | null;
  expires_at: Date;
  created_at: Date;
}
