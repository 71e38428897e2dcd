import { JobKind } from '../../queue/job';

export const GATHERINGS_QUEUE = 'gatherings';

export type FanOutKind = 'invite' | 'update' | 'cancel';

/** Send one gathering's invitation, update or cancellation to everyone it concerns. */
export interface FanOutJob {
  gatheringId: string;
  sequence: number;
  kind: FanOutKind;
}

export const FAN_OUT = new JobKind<FanOutJob>(GATHERINGS_QUEUE, 'fan-out');

/** Same gathering, version and kind: the same job, so queueing it twice sends it once. */
export const fanOutJobId = (j: FanOutJob) => `fanout-${j.gatheringId}-${j.sequence}-${j.kind}`;

/** The fan-out as a job for the outbox. */
export const fanOutJob = (j: FanOutJob) => FAN_OUT.record(j, fanOutJobId(j));

/** A job the queue starts on a schedule carries no data: what it does follows from the time it runs. */
export type ScheduledJob = Record<string, never>;

/** The hourly sweep that sends due reminders and nudges (a BullMQ job scheduler, Europe/Oslo). */
export const REMINDERS = new JobKind<ScheduledJob>(GATHERINGS_QUEUE, 'reminders');
export const REMINDERS_SCHEDULE = { id: 'gatherings-reminders-hourly', pattern: '0 * * * *' };

/** The yearly invitation to join the network, 1 August 08:00 Europe/Oslo (the plan's cycle). */
export const NETWORK_INVITATIONS = new JobKind<ScheduledJob>(GATHERINGS_QUEUE, 'network-invitations');
export const NETWORK_INVITATIONS_SCHEDULE = { id: 'network-invitations-yearly', pattern: '0 8 1 8 *' };
