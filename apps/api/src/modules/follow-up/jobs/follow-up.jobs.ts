import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { DayJobData, DayRunner, JobKind } from '../../queue/job';
import { FollowUpRemindersService } from '../reminders.service';
import { FollowUpRetentionService } from '../retention.service';

/** The follow-up's queue: the daily reminders and the erasure of closed cases. */
export const FOLLOW_UP_QUEUE = 'follow-up';

export type FollowUpDayData = DayJobData;

export const REMINDERS_JOB = new JobKind<FollowUpDayData>(FOLLOW_UP_QUEUE, 'follow-up-reminders');
export const RETENTION_JOB = new JobKind<FollowUpDayData>(FOLLOW_UP_QUEUE, 'follow-up-retention');
/** One job per day, however often it is asked for. */
export const remindersJobId = (today: string) => `follow-up-reminders-${today}`;
export const retentionJobId = (today: string) => `follow-up-retention-${today}`;

/** Every morning at 07:15 Oslo time: each owner's deadlines and meetings. */
@Injectable()
export class FollowUpRemindersRunner extends DayRunner {
  readonly kind = REMINDERS_JOB;
  readonly schedule = { id: 'follow-up-reminders-daily', pattern: '15 7 * * *' };

  constructor(
    private readonly reminders: FollowUpRemindersService,
    clock: Clock,
  ) {
    super(clock);
  }

  protected runFor(day: string) {
    return this.reminders.send(day);
  }
}

/** Every night at 02:30 Oslo time: closed cases whose retention has run out are erased, their counts kept. */
@Injectable()
export class FollowUpRetentionRunner extends DayRunner {
  readonly kind = RETENTION_JOB;
  readonly schedule = { id: 'follow-up-retention-daily', pattern: '30 2 * * *' };

  constructor(
    private readonly retention: FollowUpRetentionService,
    clock: Clock,
  ) {
    super(clock);
  }

  protected runFor(day: string) {
    return this.retention.run(day);
  }
}
