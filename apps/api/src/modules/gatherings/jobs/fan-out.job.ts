export const GATHERINGS_QUEUE = 'gatherings';
export const FAN_OUT_JOB = 'fan-out';

export type FanOutKind = 'invite' | 'update' | 'cancel';

/** Send one gathering's invitation, update or cancellation to everyone it concerns. */
export interface FanOutJob {
  gatheringId: string;
  sequence: number;
  kind: FanOutKind;
}

/** Same gathering, version and kind: the same job, so queueing it twice sends it once. */
export const fanOutJobId = (j: FanOutJob) => `fanout-${j.gatheringId}-${j.sequence}-${j.kind}`;

/** The fan-out as a job for the outbox. */
export const fanOutJob = (j: FanOutJob) => ({ queue: GATHERINGS_QUEUE, name: FAN_OUT_JOB, data: j, jobId: fanOutJobId(j) });

/** The hourly sweep that sends due reminders and nudges (a BullMQ job scheduler, Europe/Oslo). */
export const REMINDERS_JOB = 'reminders';
export const REMINDERS_SCHEDULER = 'gatherings-reminders-hourly';
export const REMINDERS_PATTERN = '0 * * * *';

/** The yearly invitation to join the network, 1 August 08:00 Europe/Oslo (the plan's cycle). */
export const NETWORK_INVITATIONS_JOB = 'network-invitations';
export const NETWORK_INVITATIONS_SCHEDULER = 'network-invitations-yearly';
export const NETWORK_INVITATIONS_PATTERN = '0 8 1 8 *';
