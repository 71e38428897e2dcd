import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { UUID } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { PoolingException } from './pooling.exception';
import { PoolRecordsService } from './pool-records.service';

const cell = (v: string | number) => {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const oslo = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(d);

/** An apprentice's record of pool work as CSV, for their own training documentation. */
@Controller('api/pool')
export class PoolingController {
  constructor(private readonly records: PoolRecordsService) {}

  @Roles(Role.ADMIN, Role.AGENCY_COORDINATOR, Role.APPRENTICE)
  @Get('record.csv')
  async record(@CurrentUser() actor: Actor, @Query('userId') userId: string | undefined, @Res() res: Response) {
    if (userId !== undefined && !UUID.test(userId))
      throw new PoolingException(ErrorCode.VALIDATION_FAILED, 'userId must be an id (a UUID)');
    const r = await this.records.record(actor, userId?.toLowerCase());
    const rows = [
      ['Arrangement', 'Virksomhet', 'Start', 'Slutt', 'Oppgaver', 'Timer', 'Kompetansemål'],
      ...r.entries.map((e) => [
        e.eventTitle,
        e.agencyName,
        oslo(e.startsAt),
        oslo(e.endsAt),
        e.tasks,
        e.hours.toFixed(2).replace('.', ','),
        e.competenceGoals,
      ]),
      ['Sum', '', '', '', '', r.totalHours.toFixed(2).replace('.', ','), ''],
    ];
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="arrangementer-${r.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.csv"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.send('\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n');
  }
}
