/**
 * What the targets module publishes for other modules' SQL (created by migration
 * 1796230000000): the agencies' targets, in total and by trade. The minimum rule's threshold is
 * read through `TargetsService.thresholdFor(year)`.
 *
 * - `agency_target` → `AgencyTargetRow`
 * - `agency_trade_target` → `AgencyTradeTargetRow`
 */
export const AGENCY_TARGET = 'agency_target';
export const AGENCY_TRADE_TARGET = 'agency_trade_target';

/** An agency's target for a year: how many apprentices it means to have. */
export interface AgencyTargetRow {
  agency_id: string;
  year: number;
  total: number;
}

/** An agency's target for a year in one trade. */
export interface AgencyTradeTargetRow {
  agency_id: string;
  year: number;
  trade_id: string;
  count: number;
}
