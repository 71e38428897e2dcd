import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { ErrorCode, MAX_YEAR, MIN_YEAR, Role } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { currentYearInOslo } from '../../common/time';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { DashboardService } from './dashboard.service';
import { DashboardModel } from './models/target.models';
import { TargetsException } from './targets.exception';

const COLUMNS: { header: string; key: string; value: (r: DashboardModel['rows'][number]) => string | number | null }[] = [
  { header: 'Virksomhet', key: 'name', value: (r) => r.name },
  { header: 'Org.nr.', key: 'orgNumber', value: (r) => r.orgNumber },
  { header: 'Ansatte', key: 'employees', value: (r) => r.employees },
  { header: 'Lærlinger nå', key: 'now', value: (r) => r.apprenticesNow },
  { header: 'Lærlinger 1. okt.', key: 'snapshot', value: (r) => r.apprenticesOnSnapshot },
  { header: 'Måltall', key: 'target', value: (r) => r.target },
  { header: 'Gap', key: 'gap', value: (r) => r.gap },
  { header: 'Minimumskrav gjelder', key: 'applies', value: (r) => (r.ruleApplies ? 'ja' : 'nei') },
  { header: 'Oppfyller minimumskrav', key: 'meets', value: (r) => (r.meetsMinimumRule ? 'ja' : 'nei') },
];

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  // Neutralise spreadsheet formulas and quote where needed.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The dashboard as files: CSV (semicolon-separated, as Norwegian Excel expects) and XLSX. */
@Controller('api/exports')
export class ExportsController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly clock: Clock,
  ) {}

  private async load(actor: Actor, areaId: string | undefined, yearRaw: string | undefined): Promise<DashboardModel> {
    const year = yearRaw === undefined ? currentYearInOslo(this.clock.now()) : Number(yearRaw);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
      throw new TargetsException(ErrorCode.VALIDATION_FAILED, `The year must be from ${MIN_YEAR} to ${MAX_YEAR}`);
    if (areaId !== undefined && !/^[0-9a-f-]{36}$/i.test(areaId))
      throw new TargetsException(ErrorCode.VALIDATION_FAILED, 'areaId must be an id');
    return this.dashboards.dashboard(actor, areaId, year);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Get('dashboard.csv')
  async csv(
    @CurrentUser() actor: Actor,
    @Query('areaId') areaId: string | undefined,
    @Query('year') year: string | undefined,
    @Res() res: Response,
  ) {
    const d = await this.load(actor, areaId, year);
    const lines = [
      COLUMNS.map((c) => csvCell(c.header)).join(';'),
      ...d.rows.map((r) => COLUMNS.map((c) => csvCell(c.value(r))).join(';')),
    ];
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="maltall-${d.year}.csv"`);
    res.send('\uFEFF' + lines.join('\r\n') + '\r\n');
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Get('dashboard.xlsx')
  async xlsx(
    @CurrentUser() actor: Actor,
    @Query('areaId') areaId: string | undefined,
    @Query('year') year: string | undefined,
    @Res() res: Response,
  ) {
    const d = await this.load(actor, areaId, year);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Lærenett';
    const ws = wb.addWorksheet(`Måltall ${d.year}`);
    ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'name' ? 40 : 16 }));
    ws.getRow(1).font = { bold: true };
    for (const r of d.rows) ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(r)])));
    ws.addRow({});
    ws.addRow({ name: 'Sum', now: d.totals.apprenticesNow, snapshot: d.totals.apprenticesOnSnapshot, target: d.totals.targetSum });
    const buf = await wb.xlsx.writeBuffer();
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="maltall-${d.year}.xlsx"`);
    res.send(Buffer.from(buf));
  }
}
