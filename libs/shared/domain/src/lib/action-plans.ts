/**
 * Rules for the ministry area's action plan (handlingsplan): the status of milestones, what the
 * weekly digest holds, and the follow-up criteria computed from the platform's own data.
 */
import type { IsoDate } from './apprenticeship';
import { addDays } from './holidays';

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}

export enum MilestoneStatus {
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
  /** Due within the digest's horizon (14 days). */
  DUE_SOON = 'DUE_SOON',
  UPCOMING = 'UPCOMING',
}

/** How many days ahead the Monday digest looks. */
export const DIGEST_HORIZON_DAYS = 14;

export function milestoneStatus(m: { dueDate: IsoDate; done: boolean }, today: IsoDate): MilestoneStatus {
  if (m.done) return MilestoneStatus.DONE;
  if (m.dueDate < today) return MilestoneStatus.OVERDUE;
  if (m.dueDate <= addDays(today, DIGEST_HORIZON_DAYS)) return MilestoneStatus.DUE_SOON;
  return MilestoneStatus.UPCOMING;
}

/** The milestones that belong in a digest: not done, and overdue or due within the horizon. */
export function dueForDigest<M extends { dueDate: IsoDate; done: boolean }>(milestones: M[], today: IsoDate): M[] {
  return milestones
    .filter((m) => {
      const s = milestoneStatus(m, today);
      return s === MilestoneStatus.OVERDUE || s === MilestoneStatus.DUE_SOON;
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** The Monday of the ISO week a date falls in: one digest per owner and week. */
export function weekStart(date: IsoDate): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -dow);
}

/** Kinds of follow-up criteria: ticked by a person, or computed from the platform's data. */
export enum CriterionKind {
  MANUAL = 'MANUAL',
  /** A bilateral meeting held with every agency (the ministry itself excepted) by the due date. */
  BILATERAL_MEETINGS = 'BILATERAL_MEETINGS',
  /** Every agency of the area has set a target for the plan's year. */
  TARGETS_SET = 'TARGETS_SET',
  /** The first network gathering held by the due date (end of August in the pilot). */
  FIRST_GATHERING = 'FIRST_GATHERING',
  /** At least `threshold` gatherings held in the year (3 in the pilot). */
  GATHERINGS_HELD = 'GATHERINGS_HELD',
  /** Participants from every agency that has apprentices, at the gatherings held in the year. */
  PARTICIPANTS_FROM_AGENCIES = 'PARTICIPANTS_FROM_AGENCIES',
  /** Every agency has reported at least one event to the pool in the year. */
  EVENTS_REPORTED = 'EVENTS_REPORTED',
}

export const COMPUTED_KINDS: readonly CriterionKind[] = Object.values(CriterionKind).filter((k) => k !== CriterionKind.MANUAL);

export enum CriterionStatus {
  MET = 'MET',
  /** Not met yet, and the due date (if any) has not passed. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** Not met, and the due date has passed. */
  NOT_MET = 'NOT_MET',
  /** The platform has no data to judge by (the part that records it is not in use). */
  UNAVAILABLE = 'UNAVAILABLE',
}

export interface AgencyRef {
  id: string;
  name: string;
  isMinistry: boolean;
  hasApprentices: boolean;
}

/** What the platform knows for one area and year, gathered once for all of the plan's criteria. */
export interface PlanFacts {
  year: number;
  today: IsoDate;
  agencies: AgencyRef[];
  /** Bilateral meetings recorded for the plan: the agency and the day it was held. */
  meetings: { agencyId: string; heldOn: IsoDate }[];
  /** Agencies with a target for the plan's year. */
  agenciesWithTarget: string[];
  /** Gatherings of the area in the year that are not cancelled, with their Oslo date and who took part. */
  gatherings: { date: IsoDate; participantAgencyIds: string[] }[];
  /** Agencies that reported an event to the pool in the year; null where the pool is not in use. */
  agenciesWithPooledEvents: string[] | null;
}

export interface CriterionInput {
  kind: CriterionKind;
  dueDate: IsoDate | null;
  /** Gatherings before this day do not count (the pilot's September–December criterion); a plan's criteria have none. */
  from?: IsoDate | null;
  threshold: number | null;
  checked: boolean;
}

export interface CriterionEvaluation {
  status: CriterionStatus;
  /** e.g. 9 of 12 agencies, or 2 of 3 gatherings. */
  value: number;
  required: number;
  /** Agencies that are missing, by name (sorted in Norwegian order). */
  missing: { id: string; name: string }[];
  /** Agencies that did it, but after the due date (a bilateral meeting held late), with the day. */
  late: { id: string; name: string; on: IsoDate }[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nb');

function verdict(met: boolean, dueDate: IsoDate | null, today: IsoDate): CriterionStatus {
  if (met) return CriterionStatus.MET;
  return dueDate !== null && dueDate < today ? CriterionStatus.NOT_MET : CriterionStatus.IN_PROGRESS;
}

function everyAgency(all: AgencyRef[], have: Set<string>, c: CriterionInput, today: IsoDate): CriterionEvaluation {
  const missing = all
    .filter((a) => !have.has(a.id))
    .sort(byName)
    .map(({ id, name }) => ({ id, name }));
  return {
    status: verdict(missing.length === 0, c.dueDate, today),
    value: all.length - missing.length,
    required: all.length,
    missing,
    late: [],
  };
}

/** Judges one follow-up criterion. Gatherings count as held once their day has come (as `gatheringHeld`). */
export function evaluateCriterion(c: CriterionInput, f: PlanFacts): CriterionEvaluation {
  const deadline = c.dueDate ?? `${f.year}-12-31`;
  const held = f.gatherings.filter((g) => g.date.startsWith(`${f.year}-`) && g.date <= f.today && (!c.from || g.date >= c.from));
  switch (c.kind) {
    case CriterionKind.MANUAL:
      return {
        status: c.checked ? CriterionStatus.MET : verdict(false, c.dueDate, f.today),
        value: c.checked ? 1 : 0,
        required: 1,
        missing: [],
        late: [],
      };
    case CriterionKind.BILATERAL_MEETINGS: {
      const met = new Set(f.meetings.filter((m) => m.heldOn <= deadline).map((m) => m.agencyId));
      const ev = everyAgency(
        f.agencies.filter((a) => !a.isMinistry),
        met,
        c,
        f.today,
      );
      // A meeting held after the due date does not count by the date, but it was held: it is
      // told apart from one that never took place.
      const after = new Map(f.meetings.filter((m) => m.heldOn > deadline).map((m) => [m.agencyId, m.heldOn]));
      return {
        ...ev,
        missing: ev.missing.filter((a) => !after.has(a.id)),
        late: ev.missing.filter((a) => after.has(a.id)).map((a) => ({ ...a, on: after.get(a.id) as IsoDate })),
      };
    }
    case CriterionKind.TARGETS_SET:
      return everyAgency(f.agencies, new Set(f.agenciesWithTarget), c, f.today);
    case CriterionKind.FIRST_GATHERING: {
      const n = held.filter((g) => g.date <= deadline).length;
      return { status: verdict(n >= 1, c.dueDate, f.today), value: Math.min(n, 1), required: 1, missing: [], late: [] };
    }
    case CriterionKind.GATHERINGS_HELD: {
      const required = Math.max(1, c.threshold ?? 3);
      const n = held.filter((g) => g.date <= deadline).length;
      return { status: verdict(n >= required, c.dueDate ?? `${f.year}-12-31`, f.today), value: n, required, missing: [], late: [] };
    }
    case CriterionKind.PARTICIPANTS_FROM_AGENCIES: {
      const took = new Set(held.filter((g) => g.date <= deadline).flatMap((g) => g.participantAgencyIds));
      return everyAgency(
        f.agencies.filter((a) => a.hasApprentices),
        took,
        { ...c, dueDate: c.dueDate ?? `${f.year}-12-31` },
        f.today,
      );
    }
    case CriterionKind.EVENTS_REPORTED: {
      if (f.agenciesWithPooledEvents === null) return { status: CriterionStatus.UNAVAILABLE, value: 0, required: 0, missing: [], late: [] };
      return everyAgency(f.agencies, new Set(f.agenciesWithPooledEvents), { ...c, dueDate: c.dueDate ?? `${f.year}-12-31` }, f.today);
    }
  }
}
