import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { contractProblem, ErrorCode, normaliseCounty } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { ApprenticeRecords, ImportedRecord } from '../apprentices/apprentice-records';
import { TRADE_DIRECTORY } from '../areas/read-model';
import { ApprenticeshipAccess } from './apprenticeship-access';
import { ApprenticeshipException } from './apprenticeship.exception';
import { syncRecord } from './contract-sync';
import { ApprenticeImportInput } from './dto/apprenticeship.inputs';
import { IMPORT_COLUMNS, ImportColumn, importDate, readImportFile } from './import-file';
import { ApprenticeImportModel, ApprenticeImportRowModel, ImportAction } from './models/apprenticeship.models';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_ROWS = 2_000;

interface Existing {
  id: string;
  name: string;
  email: string;
  trade_id: string;
  contract_start: string;
  original_end: string;
  county: string | null;
  has_details: boolean;
}

interface Checked {
  view: ApprenticeImportRowModel;
  record?: ImportedRecord & { county: string };
}

/**
 * Imports an agency's apprentices from the training office's or county's export (CSV or XLSX):
 * name, e-mail, trade, start, end, county. A preview checks every row and says what each would
 * do; applying runs only a file without errors, in one transaction. A row matches the agency's
 * apprentice with the same e-mail address; the same file applied again changes nothing.
 */
@Injectable()
export class ApprenticeImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ApprenticeshipAccess,
    private readonly records: ApprenticeRecords,
    private readonly clock: Clock,
  ) {}

  async run(actor: Actor, input: ApprenticeImportInput, apply: boolean): Promise<ApprenticeImportModel> {
    const agency = await this.access.agencyToKeep(actor, input.agencyId);
    const table = await readImportFile(input.filename, Buffer.from(input.contentBase64, 'base64'));
    const fileError = (message: string) =>
      new ApprenticeshipException(ErrorCode.VALIDATION_FAILED, message, { fields: { file: [message] } });
    if (!table) throw fileError('The file could not be read; save it as CSV (UTF-8) or XLSX');
    const missing = (Object.keys(IMPORT_COLUMNS) as ImportColumn[]).filter((c) => table.columns[c] === undefined);
    if (missing.length)
      throw fileError(
        `The heading row lacks the column(s) ${missing.join(', ')}; the first row must name the columns (e.g. ${missing.map((c) => IMPORT_COLUMNS[c][0]).join(', ')})`,
      );
    if (table.rows.length > MAX_ROWS) throw fileError(`At most ${MAX_ROWS} rows at a time; split the file`);

    const trades: { id: string; code: string; name_nb: string; name_en: string }[] = await this.ds.query(
      `SELECT id, code, name_nb, name_en FROM ${TRADE_DIRECTORY}`,
    );
    const tradeKey = (s: string) =>
      s
        .trim()
        .toLowerCase()
        .replace(/fag(et)?$/, '');
    const tradeOf = new Map<string, string>();
    for (const t of trades) for (const k of [t.code, t.name_nb, t.name_en]) tradeOf.set(tradeKey(k), t.id);
    const existing: Existing[] = await this.ds.query(
      `SELECT a.id, a.name, lower(a.email) AS email, a.trade_id, a.contract_start::text, COALESCE(c.original_end, a.contract_end)::text AS original_end, c.county,
              (c.apprentice_id IS NOT NULL) AS has_details
         FROM ${APPRENTICE_CONTRACT} a LEFT JOIN apprenticeship_contract c ON c.apprentice_id = a.id
        WHERE a.agency_id = $1 ORDER BY a.contract_start DESC`,
      [agency.id],
    );
    const byEmail = new Map<string, Existing>();
    for (const e of existing) if (!byEmail.has(e.email)) byEmail.set(e.email, e);

    const seen = new Map<string, number>();
    const checked: Checked[] = table.rows.map(({ row, cells }) => {
      const get = (c: ImportColumn) => cells[table.columns[c] as number] ?? '';
      const v = {
        name: get('name'),
        email: get('email').toLowerCase(),
        trade: get('trade'),
        start: get('start'),
        end: get('end'),
        county: get('county'),
      };
      const errors: { field: string; message: string }[] = [];
      const err = (field: string, message: string) => errors.push({ field, message });
      if (v.name.length < 2 || v.name.length > 200) err('name', 'The name must be 2–200 characters');
      if (!EMAIL.test(v.email) || v.email.length > 254) err('email', 'Not an e-mail address');
      else if (seen.has(v.email)) err('email', `The same address as row ${seen.get(v.email)}`);
      else seen.set(v.email, row);
      const tradeId = tradeOf.get(tradeKey(v.trade));
      if (!tradeId) err('trade', `Unknown trade "${v.trade}"; use the trade's name as in Lærenett`);
      const start = importDate(v.start);
      const end = importDate(v.end);
      if (!start) err('start', 'Not a date (YYYY-MM-DD or DD.MM.YYYY)');
      if (!end) err('end', 'Not a date (YYYY-MM-DD or DD.MM.YYYY)');
      const problem = start && end ? contractProblem(start, end) : null;
      if (problem) err('end', problem);
      const county = normaliseCounty(v.county);
      if (!county) err('county', `Unknown county "${v.county}"; use the county's name (e.g. Oslo, Vestland)`);
      const view: ApprenticeImportRowModel = { row, ...v, action: null, errors };
      if (errors.length || !tradeId || !start || !end || !county) return { view };
      const before = byEmail.get(v.email);
      const same =
        before &&
        before.name === v.name &&
        before.trade_id === tradeId &&
        before.contract_start === start &&
        before.original_end === end &&
        before.county === county &&
        before.has_details;
      view.action = !before ? ImportAction.CREATE : same ? ImportAction.UNCHANGED : ImportAction.UPDATE;
      return { view, record: { id: before?.id, tradeId, name: v.name, email: v.email, contractStart: start, contractEnd: end, county } };
    });

    const rows = checked.map((c) => c.view);
    const valid = rows.length > 0 && rows.every((r) => r.errors.length === 0);
    const count = (a: ImportAction) => rows.filter((r) => r.action === a).length;
    const result = {
      rows,
      valid,
      applied: false,
      created: count(ImportAction.CREATE),
      updated: count(ImportAction.UPDATE),
      unchanged: count(ImportAction.UNCHANGED),
    };
    if (!apply) return result;
    if (!valid)
      throw new ApprenticeshipException(ErrorCode.VALIDATION_FAILED, 'The file has rows with errors; correct them and try again', {
        rows: rows.filter((r) => r.errors.length).map((r) => ({ row: r.row, errors: r.errors })),
      });
    const changes = checked.filter((c) => c.view.action !== ImportAction.UNCHANGED).map((c) => c.record!);
    await this.ds.transaction(async (m) => {
      const ids = await this.records.importRecords(m, agency.id, changes);
      for (const [i, r] of changes.entries()) {
        // The end in the file is the end as signed: the record's end moves with any interruptions.
        await m.query(
          `INSERT INTO apprenticeship_contract (apprentice_id, agency_id, original_end, county) VALUES ($1, $2, $3, $4)
           ON CONFLICT (apprentice_id) DO UPDATE SET original_end = EXCLUDED.original_end, county = EXCLUDED.county, updated_at = now()`,
          [ids[i], agency.id, r.contractEnd, r.county],
        );
        await syncRecord(m, this.records, ids[i], todayInOslo(this.clock.now()));
      }
    });
    return { ...result, applied: true };
  }
}
