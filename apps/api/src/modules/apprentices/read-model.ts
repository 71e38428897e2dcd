import type { ApprenticeStatus } from '@laerenett/shared-domain';

/**
 * What the apprentices module publishes for other modules' SQL (created by migration
 * 1796210000000): the view `apprentice_contract` (each apprentice's agency, trade, user and
 * contract dates, with `last_day`: the early end when there is one) and the function
 * `under_contract_on`, the one SQL form of the domain's `isUnderContractOn`.
 */
export const APPRENTICE_CONTRACT = 'apprentice_contract';

export interface ApprenticeContractRow {
  id: string;
  agency_id: string;
  trade_id: string;
  user_id: string | null;
  name: string;
  email: string;
  status: ApprenticeStatus;
  contract_start: string;
  contract_end: string;
  ended_on: string | null;
  last_day: string;
}

/**
 * SQL: whether the `apprentice_contract` row under `alias` is under contract on `day` (an SQL
 * date expression such as `$2::date`). The database's `isUnderContractOn`; the two are tested to
 * agree (apps/api/test/read-models.integration-spec.ts).
 */
export const underContractOn = (alias: string, day: string) => `under_contract_on(${alias}.contract_start, ${alias}.last_day, ${day})`;
