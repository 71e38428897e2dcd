/** Rules for network gatherings (nettverkssamlinger): seats, the waitlist and the plan's criteria. */
import { CriterionInput, CriterionKind, CriterionStatus, evaluateCriterion, PlanFacts } from './action-plans';
import type { IsoDate } from './apprenticeship';

export enum RsvpState {
  YES = 'YES',
  NO = 'NO',
  WAITLIST = 'WAITLIST',
}

/**
 * Whether someone who says yes gets a seat: there must be room in total, and, where seats per
 * agency are limited, room for their agency. Otherwise they go on the waitlist.
 */
export function seatFor(p: {
  capacity: number | null;
  seatsPerAgency: number | null;
  taken: number;
  takenByAgency: number;
}): RsvpState.YES | RsvpState.WAITLIST {
  if (p.capacity !== null && p.taken >= p.capacity) return RsvpState.WAITLIST;
  if (p.seatsPerAgency !== null && p.takenByAgency >= p.seatsPerAgency) return RsvpState.WAITLIST;
  return RsvpState.YES;
}

/** One person's answer to a gathering, as far as taking part goes. */
export interface AttendanceRecord {
  state: RsvpState;
  checkedIn: boolean;
}

/**
 * Who took part in a gathering that was held: those checked in; where nobody was checked in
 * (the host kept no list), those who said yes. The one rule for the network page, the action
 * plan and the December summary; the database's `gathering_participants` applies the same.
 */
export function tookPart<T extends AttendanceRecord>(records: T[]): T[] {
  const anyCheckIn = records.some((r) => r.checkedIn);
  return records.filter((r) => r.checkedIn || (!anyCheckIn && r.state === RsvpState.YES));
}

/**
 * The day up to which a year's gatherings count as held, and its apprentices are counted: today
 * while the year runs, the year's last day once it is over (and, before it starts, the day before
 * it: nothing is held yet).
 */
export function participationAsOf(year: number, today: IsoDate): IsoDate {
  if (today > `${year}-12-31`) return `${year}-12-31`;
  if (today < `${year}-01-01`) return `${year - 1}-12-31`;
  return today;
}

/** Whether a published gathering on `day` (Oslo) counts as held for the year by `asOf`. */
export function gatheringHeld(year: number, day: IsoDate, asOf: IsoDate): boolean {
  return day.startsWith(`${year}-`) && day <= asOf;
}

/** The pilot's gathering criteria by name: the keys the network page shows them under. */
export type CriterionKey =
  'FIRST_BY_END_OF_AUGUST' | 'AT_LEAST_THREE_IN_YEAR' | 'AT_LEAST_TWO_SEP_DEC' | 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART';

/** One of the pilot's gathering criteria: how it is judged (as an action plan's criterion of `kind`) and what it is called. */
export interface PilotGatheringCriterion {
  key: CriterionKey;
  kind: CriterionKind.FIRST_GATHERING | CriterionKind.GATHERINGS_HELD | CriterionKind.PARTICIPANTS_FROM_AGENCIES;
  label: { nb: string; en: string };
  /** Month and day it is due in the year (MM-DD); null: the year's end. */
  due: string | null;
  /** Month and day from which gatherings count (MM-DD); null: the year's start. A plan's criterion cannot hold one. */
  from: string | null;
  /** How many gatherings (GATHERINGS_HELD). */
  threshold: number | null;
}

/**
 * The pilot's follow-up criteria for the network (measure 2 of its action plan), defined once:
 * the first gathering by the end of August, at least 3 in the year, at least 2 from September to
 * December, and participants from every agency that has apprentices. The network page shows
 * them all; the plan's template starts measure 2 with those a plan can hold (all but the
 * September–December one); the December summary judges them where the area has no plan.
 */
export const PILOT_GATHERING_CRITERIA: readonly PilotGatheringCriterion[] = [
  {
    key: 'FIRST_BY_END_OF_AUGUST',
    kind: CriterionKind.FIRST_GATHERING,
    label: { nb: 'Første nettverkssamling gjennomført innen utgangen av august', en: 'First network gathering held by the end of August' },
    due: '08-31',
    from: null,
    threshold: null,
  },
  {
    key: 'AT_LEAST_THREE_IN_YEAR',
    kind: CriterionKind.GATHERINGS_HELD,
    label: { nb: 'Minst 3 samlinger i løpet av året', en: 'At least 3 gatherings during the year' },
    due: null,
    from: null,
    threshold: 3,
  },
  {
    key: 'AT_LEAST_TWO_SEP_DEC',
    kind: CriterionKind.GATHERINGS_HELD,
    label: { nb: 'Minst 2 samlinger fra september til desember', en: 'At least 2 gatherings from September to December' },
    due: null,
    from: '09-01',
    threshold: 2,
  },
  {
    key: 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART',
    kind: CriterionKind.PARTICIPANTS_FROM_AGENCIES,
    label: { nb: 'Deltakere fra alle virksomheter med lærlinger', en: 'Participants from every agency with apprentices' },
    due: null,
    from: null,
    threshold: null,
  },
];

/** A pilot criterion dated in a year, as `evaluateCriterion` takes it. */
export function pilotCriterionInput(c: PilotGatheringCriterion, year: number): CriterionInput {
  return {
    kind: c.kind,
    dueDate: c.due ? `${year}-${c.due}` : null,
    from: c.from ? `${year}-${c.from}` : null,
    threshold: c.threshold,
    checked: false,
  };
}

export interface CriterionResult {
  key: CriterionKey;
  met: boolean;
  /** Figures behind the verdict, e.g. "2 of 3". */
  value: number;
  required: number;
  /** Names of what is missing (agencies), where that applies. */
  missing: string[];
}

export interface CriteriaInput {
  year: number;
  /** The area's gatherings held in the year (`participationAsOf`), with their Oslo date and the agencies that took part (`tookPart`). */
  gatherings: { date: IsoDate; participantAgencyIds: string[] }[];
  /** Agencies with an apprentice under contract on the as-of day. */
  agenciesWithApprentices: { id: string; name: string }[];
  /** The day the year is judged on (`participationAsOf`); the year's last day when left out. */
  asOf?: IsoDate;
}

/**
 * The pilot's gathering criteria judged by the same rule as an action plan's
 * (`evaluateCriterion`): gatherings count once their day has come, by the as-of day.
 */
export function networkCriteria(input: CriteriaInput): CriterionResult[] {
  const facts: PlanFacts = {
    year: input.year,
    today: input.asOf ?? `${input.year}-12-31`,
    agencies: input.agenciesWithApprentices.map((a) => ({ ...a, isMinistry: false, hasApprentices: true })),
    meetings: [],
    agenciesWithTarget: [],
    gatherings: input.gatherings,
    agenciesWithPooledEvents: null,
  };
  return PILOT_GATHERING_CRITERIA.map((c) => {
    const ev = evaluateCriterion(pilotCriterionInput(c, input.year), facts);
    return {
      key: c.key,
      met: ev.status === CriterionStatus.MET,
      value: ev.value,
      required: ev.required,
      missing: ev.missing.map((a) => a.name),
    };
  });
}
