import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { todayInOslo } from '../../../common/time';
import type { JobRunner } from '../../queue/job';
import { PlanDigestService } from '../plan-digest.service';
import { PLAN_DIGEST, PLAN_DIGEST_SCHEDULE, PlanDigestJob } from './plan-digest.job';

/** Mondays: each owner's digest of the milestones overdue or due within 14 days (for the day given, else today). */
@Injectable()
export class PlanDigestRunner implements JobRunner<PlanDigestJob> {
  readonly kind = PLAN_DIGEST;
  readonly schedule = PLAN_DIGEST_SCHEDULE;
  constructor(
    private readonly digest: PlanDigestService,
    private readonly clock: Clock,
  ) {}

  run(data: PlanDigestJob) {
    return this.digest.sendWeeklyDigest(data.today ?? todayInOslo(this.clock.now()));
  }
}
