import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { todayInOslo } from '../../../common/time';
import { JobKind, JobRunner } from '../../queue/job';
import { WarningsDigestService } from '../warnings-digest.service';

/** The apprenticeship's queue: the daily early warnings. */
export const APPRENTICESHIP_QUEUE = 'apprenticeship';

export interface WarningsJobData {
  /** The day the warnings are for (YYYY-MM-DD, Oslo); today when left out (the scheduler's jobs). */
  today?: string;
}

export const WARNINGS_JOB = new JobKind<WarningsJobData>(APPRENTICESHIP_QUEUE, 'apprenticeship-warnings');
/** One job per day, however often it is asked for. */
export const warningsJobId = (today: string) => `apprenticeship-warnings-${today}`;

/** Every morning at 07:00 Oslo time: each responsible person's list of early warnings. */
@Injectable()
export class WarningsJobRunner implements JobRunner<WarningsJobData> {
  readonly kind = WARNINGS_JOB;
  readonly schedule = { id: 'apprenticeship-warnings-daily', pattern: '0 7 * * *' };

  constructor(
    private readonly digest: WarningsDigestService,
    private readonly clock: Clock,
  ) {}

  run(data: WarningsJobData) {
    return this.digest.send(data.today ?? todayInOslo(this.clock.now()));
  }
}
