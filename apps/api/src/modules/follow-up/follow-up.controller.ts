import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { FollowUpExportService } from './export.service';
import { FollowUpException } from './follow-up.exception';
import { renderFollowUpExportPdf } from './utils/follow-up.pdf';

/** The apprentice's download of everything the follow-up holds about them, as JSON or PDF. */
@Controller('api/follow-up')
export class FollowUpController {
  constructor(private readonly exports: FollowUpExportService) {}

  private static noStore(res: Response, type: string, filename: string) {
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
  }

  @Roles(Role.APPRENTICE)
  @Get('mine.json')
  async json(@CurrentUser() actor: Actor, @Res() res: Response) {
    const data = await this.exports.mine(actor);
    FollowUpController.noStore(res, 'application/json; charset=utf-8', 'laerenett-mine-data.json');
    res.send(JSON.stringify(data, null, 2));
  }

  @Roles(Role.APPRENTICE)
  @Get('mine.pdf')
  async pdf(@CurrentUser() actor: Actor, @Query('lang') lang: string | undefined, @Res() res: Response) {
    if (lang !== undefined && lang !== 'nb' && lang !== 'en')
      throw new FollowUpException(ErrorCode.VALIDATION_FAILED, 'The language must be nb or en');
    const data = await this.exports.mine(actor);
    const pdf = await renderFollowUpExportPdf(data, lang ?? (actor.language === 'en' ? 'en' : 'nb'));
    FollowUpController.noStore(res, 'application/pdf', 'laerenett-mine-data.pdf');
    res.send(pdf);
  }
}
