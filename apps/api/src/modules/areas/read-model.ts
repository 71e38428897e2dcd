/**
 * What the areas module publishes for other modules' SQL (created by migration 1796210000000):
 * `area_directory` (a ministry area's code and name) and `trade_directory` (the trades, in
 * Norwegian and English).
 */
export const AREA_DIRECTORY = 'area_directory';
export const TRADE_DIRECTORY = 'trade_directory';

export interface AreaDirectoryRow {
  id: string;
  code: string;
  name: string;
}

export interface TradeDirectoryRow {
  id: string;
  code: string;
  name_nb: string;
  name_en: string;
}
