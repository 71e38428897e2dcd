import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { UUID } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { AnnualSummaryException } from './annual-summary.exception';
import { SummaryVersionsService } from './summary-versions.service';

/** A version's files: the PDF (Norwegian, or English with ?lang=en) and the workbook. */
@Controller('api/annual-summary')
export class AnnualSummaryController {
  constructor(private readonly summary: SummaryVersionsService) {}

  private check(id: string) {
    if (!UUID.test(id)) throw new AnnualSummaryException(ErrorCode.VALIDATION_FAILED, 'The version id must be an id (a UUID)');
    return id.toLowerCase();
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR)
  @Get(':id/summary.pdf')
  async pdf(@CurrentUser() actor: Actor, @Param('id') id: string, @Query('lang') lang: string | undefined, @Res() res: Response) {
    if (lang !== undefined && lang !== 'nb' && lang !== 'en')
      throw new AnnualSummaryException(ErrorCode.VALIDATION_FAILED, 'The language must be nb or en');
    const f = await this.summary.file(actor, this.check(id), lang === 'en' ? 'pdf-en' : 'pdf-nb');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader(
      'Content-Disposition',
      `inline; filename="${lang === 'en' ? 'annual-summary' : 'arsoppsummering'}-${f.year}-v${f.version}.pdf"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(f.body);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR)
  @Get(':id/summary.xlsx')
  async xlsx(@CurrentUser() actor: Actor, @Param('id') id: string, @Res() res: Response) {
    const f = await this.summary.file(actor, this.check(id), 'xlsx');
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="arsoppsummering-${f.year}-v${f.version}.xlsx"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(f.body);
  }
}
