/** Rules for network gatherings (nettverkssamlinger): seats, the waitlist and the plan's criteria. */
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

export type CriterionKey =
  'FIRST_BY_END_OF_AUGUST' | 'AT_LEAST_THREE_IN_YEAR' | 'AT_LEAST_TWO_SEP_DEC' | 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART';

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
  /** Gatherings of the area that are not cancelled (planned or held), with their Oslo date. */
  gatherings: { date: IsoDate; participantAgencyIds: string[] }[];
  agenciesWithApprentices: { id: string; name: string }[];
}

/**
 * The action plan's follow-up criteria for the network (measure 2): the first gathering by the
 * end of August, at least 3 in the year, at least 2 between September and December, and
 * participants from every agency that has apprentices.
 */
export function networkCriteria(input: CriteriaInput): CriterionResult[] {
  const inYear = input.gatherings.filter((g) => g.date.startsWith(`${input.year}-`));
  const byAug = inYear.filter((g) => g.date <= `${input.year}-08-31`).length;
  const sepDec = inYear.filter((g) => g.date >= `${input.year}-09-01`).length;
  const took = new Set(inYear.flatMap((g) => g.participantAgencyIds));
  const missing = input.agenciesWithApprentices.filter((a) => !took.has(a.id));
  return [
    { key: 'FIRST_BY_END_OF_AUGUST', met: byAug >= 1, value: byAug, required: 1, missing: [] },
    { key: 'AT_LEAST_THREE_IN_YEAR', met: inYear.length >= 3, value: inYear.length, required: 3, missing: [] },
    { key: 'AT_LEAST_TWO_SEP_DEC', met: sepDec >= 2, value: sepDec, required: 2, missing: [] },
    {
      key: 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART',
      met: missing.length === 0,
      value: input.agenciesWithApprentices.length - missing.length,
      required: input.agenciesWithApprentices.length,
      missing: missing.map((a) => a.name).sort((a, b) => a.localeCompare(b, 'nb')),
    },
  ];
}
