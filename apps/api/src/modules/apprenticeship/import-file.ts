import ExcelJS from 'exceljs';
import { isIsoDate } from '@laerenett/shared-domain';

/** The columns an import reads, and the headings each may have in the training office's or county's export. */
export const IMPORT_COLUMNS = {
  name: ['navn', 'name', 'fullt navn', 'lærling'],
  email: ['e-post', 'epost', 'email', 'e-mail', 'e-postadresse'],
  trade: ['fag', 'lærefag', 'trade', 'programområde'],
  start: ['start', 'startdato', 'kontraktstart', 'contract start', 'fra'],
  end: ['slutt', 'sluttdato', 'kontraktslutt', 'contract end', 'til'],
  county: ['fylke', 'fylkeskommune', 'county'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

export interface ImportTable {
  /** The column index of each known column found in the heading row. */
  columns: Partial<Record<ImportColumn, number>>;
  /** The rows below the heading, as text, with their row numbers in the file (the heading is row 1). */
  rows: { row: number; cells: string[] }[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as text: dates as YYYY-MM-DD (a spreadsheet's date is a calendar day at UTC midnight). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return iso(v);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
  }
  return String(v);
}

/** Splits CSV text (comma or semicolon, as the first line uses; quotes with "" inside). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function parseXlsx(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as never);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

/** The file's table: the first row is the heading; blank rows are left out. */
export async function readImportFile(filename: string, content: Buffer): Promise<ImportTable | null> {
  let all: string[][];
  try {
    all = /\.xlsx$/i.test(filename) ? await parseXlsx(content) : parseCsv(content.toString('utf8'));
  } catch {
    return null;
  }
  if (!all.length) return null;
  const heading = all[0].map((h) => h.trim().toLowerCase());
  const columns: Partial<Record<ImportColumn, number>> = {};
  for (const [col, names] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) {
    const at = heading.findIndex((h) => names.includes(h));
    if (at >= 0) columns[col] = at;
  }
  const rows = all
    .map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }))
    .slice(1)
    .filter((r) => r.cells.some((c) => c !== ''));
  return { columns, rows };
}

/** A date as YYYY-MM-DD from YYYY-MM-DD or DD.MM.YYYY, or null. */
export function importDate(value: string): string | null {
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const d = nb ? `${nb[3]}-${nb[2].padStart(2, '0')}-${nb[1].padStart(2, '0')}` : value.slice(0, 10);
  return isIsoDate(d) && (nb || value.length === 10 || /^\d{4}-\d{2}-\d{2}T/.test(value)) ? d : null;
}
