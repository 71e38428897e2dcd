/** An apprenticeship's status (lærekontrakt). */
export enum ApprenticeStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
  /** Interrupted (avbrudd): sickness, parental leave, military service. The contract still stands. */
  INTERRUPTED = 'INTERRUPTED',
}

/** ISO calendar date, `YYYY-MM-DD`. Contract dates are calendar dates, not instants. */
export type IsoDate = string;

export interface ContractPeriod {
  contractStart: IsoDate;
  contractEnd: IsoDate;
  /** The day the contract actually ended, when it ended early (termination) or was completed. */
  endedOn?: IsoDate | null;
  status: ApprenticeStatus;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The last day the contract is in force. */
export function effectiveEnd(c: ContractPeriod): IsoDate {
  if (c.endedOn && c.endedOn < c.contractEnd) return c.endedOn;
  return c.contractEnd;
}

/**
 * Whether the apprentice counts on a given day: the contract has started and not ended.
 * Interrupted contracts count (the contract stands and is extended); ISO dates compare as strings.
 */
export function isUnderContractOn(c: ContractPeriod, day: IsoDate): boolean {
  return c.contractStart <= day && day <= effectiveEnd(c);
}

/** Longest contract we accept: apprenticeships are usually 2 years; some run to 4 with interruptions. */
export const MAX_CONTRACT_YEARS = 6;

export function contractProblem(start: IsoDate, end: IsoDate): string | null {
  if (!isIsoDate(start)) return 'contractStart must be a date (YYYY-MM-DD)';
  if (!isIsoDate(end)) return 'contractEnd must be a date (YYYY-MM-DD)';
  if (end <= start) return 'The contract must end after it starts';
  const years = (Date.parse(end) - Date.parse(start)) / (365.25 * 24 * 3600 * 1000);
  if (years > MAX_CONTRACT_YEARS) return `A contract longer than ${MAX_CONTRACT_YEARS} years is not plausible; check the dates`;
  return null;
}
