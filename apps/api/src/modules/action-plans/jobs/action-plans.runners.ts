import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { DayRunner } from '../../queue/job';
import { PlanDigestService } from '../plan-digest.service';
import { PLAN_DIGEST, PLAN_DIGEST_SCHEDULE } from './plan-digest.job';

/** Mondays: each owner's digest of the milestones overdue or due within 14 days (for the day given, else today). */
@Injectable()
export class PlanDigestRunner extends DayRunner {
  readonly kind = PLAN_DIGEST;
  readonly schedule = PLAN_DIGEST_SCHEDULE;
  constructor(
    private readonly digest: PlanDigestService,
    clock: Clock,
  ) {
    super(clock);
  }

  protected runFor(day: string) {
    return this.digest.sendWeeklyDigest(day);
  }
}
