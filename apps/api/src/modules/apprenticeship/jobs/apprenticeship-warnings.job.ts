import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { DayJobData, DayRunner, JobKind } from '../../queue/job';
import { WarningsDigestService } from '../warnings-digest.service';

/** The apprenticeship's queue: the daily early warnings. */
export const APPRENTICESHIP_QUEUE = 'apprenticeship';

/** The day the warnings are for (YYYY-MM-DD, Oslo); today when left out (the scheduler's jobs). */
export type WarningsJobData = DayJobData;

export const WARNINGS_JOB = new JobKind<WarningsJobData>(APPRENTICESHIP_QUEUE, 'apprenticeship-warnings');
/** One job per day, however often it is asked for. */
export const warningsJobId = (today: string) => `apprenticeship-warnings-${today}`;

/** Every morning at 07:00 Oslo time: each responsible person's list of early warnings. */
@Injectable()
export class WarningsJobRunner extends DayRunner {
  readonly kind = WARNINGS_JOB;
  readonly schedule = { id: 'apprenticeship-warnings-daily', pattern: '0 7 * * *' };

  constructor(
    private readonly digest: WarningsDigestService,
    clock: Clock,
  ) {
    super(clock);
  }

  protected runFor(day: string) {
    return this.digest.send(day);
  }
}
