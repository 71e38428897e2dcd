import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { todayInOslo } from '../../../common/time';
import { JobKind, JobRunner } from '../../queue/job';
import { FollowUpRemindersService } from '../reminders.service';
import { FollowUpRetentionService } from '../retention.service';

/** The follow-up's queue: the daily reminders and the erasure of closed cases. */
export const FOLLOW_UP_QUEUE = 'follow-up';

export interface FollowUpDayData {
  /** The day it runs for (YYYY-MM-DD, Oslo); today when left out (the scheduler's jobs). */
  today?: string;
}

export const REMINDERS_JOB = new JobKind<FollowUpDayData>(FOLLOW_UP_QUEUE, 'follow-up-reminders');
export const RETENTION_JOB = new JobKind<FollowUpDayData>(FOLLOW_UP_QUEUE, 'follow-up-retention');
/** One job per day, however often it is asked for. */
export const remindersJobId = (today: string) => `follow-up-reminders-${today}`;
export const retentionJobId = (today: string) => `follow-up-retention-${today}`;

/** Every morning at 07:15 Oslo time: each owner's deadlines and meetings. */
@Injectable()
export class FollowUpRemindersRunner implements JobRunner<FollowUpDayData> {
  readonly kind = REMINDERS_JOB;
  readonly schedule = { id: 'follow-up-reminders-daily', pattern: '15 7 * * *' };

  constructor(
    private readonly reminders: FollowUpRemindersService,
    private readonly clock: Clock,
  ) {}

  run(data: FollowUpDayData) {
    return this.reminders.send(data.today ?? todayInOslo(this.clock.now()));
  }
}

/** Every night at 02:30 Oslo time: closed cases whose retention has run out are erased, their counts kept. */
@Injectable()
export class FollowUpRetentionRunner implements JobRunner<FollowUpDayData> {
  readonly kind = RETENTION_JOB;
  readonly schedule = { id: 'follow-up-retention-daily', pattern: '30 2 * * *' };

  constructor(
    private readonly retention: FollowUpRetentionService,
    private readonly clock: Clock,
  ) {}

  run(data: FollowUpDayData) {
    return this.retention.run(data.today ?? todayInOslo(this.clock.now()));
  }
}
