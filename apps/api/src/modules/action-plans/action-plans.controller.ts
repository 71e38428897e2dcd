import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { UUID } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { ActionPlansException } from './action-plans.exception';
import { ActionPlansService } from './action-plans.service';
import { renderActionPlanPdf } from './utils/action-plan.pdf';

/** The action plan as a PDF, for the ministry and for the area's agencies (read-only). */
@Controller('api/action-plans')
export class ActionPlansController {
  constructor(
    private readonly plans: ActionPlansService,
    private readonly clock: Clock,
  ) {}

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR)
  @Get(':id/plan.pdf')
  async pdf(@CurrentUser() actor: Actor, @Param('id') id: string, @Query('lang') lang: string | undefined, @Res() res: Response) {
    if (!UUID.test(id)) throw new ActionPlansException(ErrorCode.VALIDATION_FAILED, 'The plan id must be an id (a UUID)');
    if (lang !== undefined && lang !== 'nb' && lang !== 'en')
      throw new ActionPlansException(ErrorCode.VALIDATION_FAILED, 'The language must be nb or en');
    const plan = await this.plans.planById(actor, id.toLowerCase());
    const language = lang ?? (actor.language === 'en' ? 'en' : 'nb');
    const pdf = await renderActionPlanPdf(plan, language, todayInOslo(this.clock.now()));
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="handlingsplan-${plan.year}.pdf"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }
}
