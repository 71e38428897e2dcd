/**
 * What the agencies module publishes for other modules' SQL: the view `agency_directory`
 * (created by migration 1796210000000): an agency's area, name, organisation number, size and
 * whether it is the ministry itself.
 */
export const AGENCY_DIRECTORY = 'agency_directory';

/** A row of `agency_directory`, as SQL returns it. */
export interface AgencyDirectoryRow {
  id: string;
  area_id: string;
  name: string;
  org_number: string;
  employees: number;
  is_ministry: boolean;
  training_office_id: string | null;
}
