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
