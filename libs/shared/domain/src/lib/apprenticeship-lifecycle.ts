/**
 * Keeping an apprentice: probation, the planned end moved by interruptions, the start-up talk and
 * the half-yearly assessments, the trade test's registration, and the early warnings that follow
 * from them. Pure calendar arithmetic on ISO dates (YYYY-MM-DD); no time zones, no I/O.
 *
 * Sources: the county's guide to an apprentice's rights and duties (probation only when over 21
 * at signing; assessment at least every half year; registration for the trade test near the end;
 * interruptions extend the contract, holidays are not interruptions), and the study of why
 * contracts end early (the first weeks are the most fragile: a systematic start-up talk, early
 * signs acted on).
 */
import { addDays } from './holidays';
import type { IsoDate } from './apprenticeship';

/** What the agency may tune; the defaults follow the sources. */
export interface LifecycleSettings {
  /** The start-up talk (oppstartsamtale) is due this many weeks after the start. */
  startupTalkWeeks: number;
  /** An assessment conversation at least every this many months. */
  assessmentIntervalMonths: number;
  /** The trade test's registration is due this many months before the planned end. */
  tradeTestLeadMonths: number;
  /** An open interruption longer than this many weeks is a warning. */
  longInterruptionWeeks: number;
  /** A probation ending within this many days is a warning. */
  probationNoticeDays: number;
  /** A contract ending within this many days with no plan for after is a warning. */
  endingSoonDays: number;
}

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  startupTalkWeeks: 4,
  assessmentIntervalMonths: 6,
  tradeTestLeadMonths: 3,
  longInterruptionWeeks: 8,
  probationNoticeDays: 30,
  endingSoonDays: 90,
};

/** Probation lasts six months, for apprentices over 21 when the contract was signed. */
export const PROBATION_MONTHS = 6;
export const PROBATION_AGE = 21;

/** Kinds of interruption (avbrudd). Holidays are not interruptions, so there is no such kind. */
export enum InterruptionKind {
  SICKNESS = 'SICKNESS',
  PARENTAL_LEAVE = 'PARENTAL_LEAVE',
  MILITARY_SERVICE = 'MILITARY_SERVICE',
  LAY_OFF = 'LAY_OFF',
  OTHER = 'OTHER',
}

export enum TalkKind {
  /** Oppstartsamtale, within the first weeks. */
  STARTUP = 'STARTUP',
  /** Vurderingssamtale, at least every half year. */
  ASSESSMENT = 'ASSESSMENT',
}

/** The trade test's grades: bestått meget godt, bestått, ikke bestått. */
export enum TradeTestResult {
  PASSED_WITH_DISTINCTION = 'PASSED_WITH_DISTINCTION',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

export const isPassed = (r: TradeTestResult | null | undefined) =>
  r === TradeTestResult.PASSED || r === TradeTestResult.PASSED_WITH_DISTINCTION;

/** Lærling (fag-/svenneprøve) or lærekandidat (kompetanseprøve). */
export enum ContractKind {
  APPRENTICE = 'APPRENTICE',
  CANDIDATE = 'CANDIDATE',
}

/** What the apprentice goes to when the contract ends; none recorded is "no plan for after". */
export enum AfterPlan {
  STAYS = 'STAYS',
  OTHER_WORK = 'OTHER_WORK',
  EDUCATION = 'EDUCATION',
  OTHER = 'OTHER',
}

/** The counties (fylkeskommuner) from 2024 that approve contracts; each has an apprentice ombud. */
export const COUNTIES = [
  'Agder',
  'Akershus',
  'Buskerud',
  'Finnmark',
  'Innlandet',
  'Møre og Romsdal',
  'Nordland',
  'Oslo',
  'Rogaland',
  'Telemark',
  'Troms',
  'Trøndelag',
  'Vestfold',
  'Vestland',
  'Østfold',
] as const;

/** The county as written in the list, matched without regard to case, spaces or a trailing "fylkeskommune". */
export function normaliseCounty(value: string): string | null {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/\s+fylkes?kommune$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  const k = key(value);
  return COUNTIES.find((c) => key(c) === k) ?? null;
}

// ---------------------------------------------------------------- calendar

const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The same day `months` later (or earlier); the month's last day where it has no such day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

// ---------------------------------------------------------------- probation

/** Whether the person was over 21 on the day the contract was signed (older than 21 years to the day). */
export function overAgeAtSigning(birthDate: IsoDate, signedOn: IsoDate): boolean {
  return signedOn > addMonths(birthDate, PROBATION_AGE * 12);
}

/**
 * The last day of probation: six months from the start when the apprentice was over 21 at
 * signing; null (no probation) otherwise, or when the birth date is not known.
 */
export function probationEnd(c: { contractStart: IsoDate; signedOn?: IsoDate | null; birthDate?: IsoDate | null }): IsoDate | null {
  if (!c.birthDate) return null;
  if (!overAgeAtSigning(c.birthDate, c.signedOn ?? c.contractStart)) return null;
  return addDays(addMonths(c.contractStart, PROBATION_MONTHS), -1);
}

// ---------------------------------------------------------------- interruptions

export interface InterruptionPeriod {
  startsOn: IsoDate;
  /** The last day away; null while it goes on. */
  endsOn: IsoDate | null;
}

/**
 * The periods as disjoint, sorted day ranges (both ends included): overlapping and adjacent
 * periods merge, an open period runs through `asOf` (and is left out when it starts after it, or
 * when no `asOf` is given), and nothing before `from` counts.
 */
export function mergeInterruptions(
  periods: readonly InterruptionPeriod[],
  opts: { asOf?: IsoDate; from?: IsoDate } = {},
): [IsoDate, IsoDate][] {
  const ranges: [IsoDate, IsoDate][] = [];
  for (const p of periods) {
    const last = p.endsOn ?? opts.asOf ?? null;
    if (last === null) continue;
    const first = opts.from ? maxDate(p.startsOn, opts.from) : p.startsOn;
    if (first > last) continue;
    ranges.push([first, last]);
  }
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [IsoDate, IsoDate][] = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && r[0] <= addDays(prev[1], 1)) prev[1] = maxDate(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Days away: each day counted once however many periods cover it. */
export function interruptedDays(periods: readonly InterruptionPeriod[], opts: { asOf?: IsoDate; from?: IsoDate } = {}): number {
  return mergeInterruptions(periods, opts).reduce((n, [a, b]) => n + daysBetween(a, b) + 1, 0);
}

/**
 * The planned end moved by the time away from the start on: the original end plus the days
 * interrupted (open interruptions through `asOf`, so far). Holidays are not interruptions.
 */
export function movedEnd(
  c: { contractStart: IsoDate; originalEnd: IsoDate },
  periods: readonly InterruptionPeriod[],
  asOf?: IsoDate,
): IsoDate {
  return addDays(c.originalEnd, interruptedDays(periods, { asOf, from: c.contractStart }));
}

/** The interruption going on on `day`, if any. */
export function interruptionOn<P extends InterruptionPeriod>(periods: readonly P[], day: IsoDate): P | null {
  return periods.find((p) => p.startsOn <= day && (p.endsOn === null || day <= p.endsOn)) ?? null;
}

// ---------------------------------------------------------------- talks

/** The start-up talk is due by this day. */
export function startupTalkDue(contractStart: IsoDate, s: LifecycleSettings = DEFAULT_LIFECYCLE_SETTINGS): IsoDate {
  return addDays(contractStart, 7 * s.startupTalkWeeks);
}

/**
 * When the next assessment conversation is due: `assessmentIntervalMonths` after the last one
 * held (or after the start when none is), later by the days interrupted in between (none can be
 * held while the apprentice is away); null when that falls after the contract's last day.
 */
export function nextAssessmentDue(
  c: { contractStart: IsoDate; lastDay: IsoDate },
  heldOn: readonly IsoDate[],
  periods: readonly InterruptionPeriod[] = [],
  s: LifecycleSettings = DEFAULT_LIFECYCLE_SETTINGS,
  asOf?: IsoDate,
): IsoDate | null {
  const since = heldOn.filter((d) => d >= c.contractStart).reduce(maxDate, c.contractStart);
  const base = addMonths(since, s.assessmentIntervalMonths);
  // The days away after `since` and up to the due day push it on; the due day moves, so look again.
  let due = base;
  for (let i = 0; i < 50; i++) {
    const away = mergeInterruptions(periods, { asOf, from: addDays(since, 1) }).reduce(
      (n, [a, b]) => (a > due ? n : n + daysBetween(a, minDate(b, due)) + 1),
      0,
    );
    const next = addDays(base, away);
    if (next === due) break;
    due = next;
  }
  return due > c.lastDay ? null : due;
}

// ---------------------------------------------------------------- trade test

/** The trade test's registration is due this day: `tradeTestLeadMonths` before the (moved) planned end. */
export function tradeTestRegistrationDue(plannedEnd: IsoDate, s: LifecycleSettings = DEFAULT_LIFECYCLE_SETTINGS): IsoDate {
  return addMonths(plannedEnd, -s.tradeTestLeadMonths);
}

export interface TradeTestAttempt {
  registeredOn: IsoDate | null;
  testDate: IsoDate | null;
  result: TradeTestResult | null;
}

/** The attempt that stands: the newest; a failed one asks for a retake (a new registration). */
export function tradeTestState(attempts: readonly TradeTestAttempt[]): 'NONE' | 'REGISTERED' | 'PASSED' | 'FAILED' {
  const last = attempts[attempts.length - 1];
  if (!last) return 'NONE';
  if (isPassed(last.result)) return 'PASSED';
  if (last.result === TradeTestResult.FAILED) return 'FAILED';
  return last.registeredOn ? 'REGISTERED' : 'NONE';
}

// ---------------------------------------------------------------- warnings

export enum WarningKind {
  STARTUP_TALK_OVERDUE = 'STARTUP_TALK_OVERDUE',
  ASSESSMENT_OVERDUE = 'ASSESSMENT_OVERDUE',
  LONG_INTERRUPTION = 'LONG_INTERRUPTION',
  TRADE_TEST_NOT_REGISTERED = 'TRADE_TEST_NOT_REGISTERED',
  PROBATION_ENDING = 'PROBATION_ENDING',
  ENDING_WITHOUT_PLAN = 'ENDING_WITHOUT_PLAN',
}

/** The order warnings are listed in: the most pressing first. */
export const WARNING_ORDER: readonly WarningKind[] = [
  WarningKind.STARTUP_TALK_OVERDUE,
  WarningKind.ASSESSMENT_OVERDUE,
  WarningKind.TRADE_TEST_NOT_REGISTERED,
  WarningKind.LONG_INTERRUPTION,
  WarningKind.PROBATION_ENDING,
  WarningKind.ENDING_WITHOUT_PLAN,
];

export interface Warning {
  kind: WarningKind;
  /** The day the warning is about: the due day passed, the interruption's start, the last day of probation or of the contract. */
  date: IsoDate;
}

/** Everything the warnings are computed from, for one contract. */
export interface LifecycleFacts {
  contractStart: IsoDate;
  /** The planned end as signed, before interruptions. */
  originalEnd: IsoDate;
  /** The contract has ended (completed or terminated): nothing is due any more. */
  ended: boolean;
  signedOn?: IsoDate | null;
  birthDate?: IsoDate | null;
  talks: readonly { kind: TalkKind; heldOn: IsoDate }[];
  interruptions: readonly InterruptionPeriod[];
  tradeTests: readonly TradeTestAttempt[];
  afterPlan: AfterPlan | null;
}

/** The dates a contract runs on as of `today`. */
export interface LifecycleDates {
  plannedEnd: IsoDate;
  probationEnd: IsoDate | null;
  startupTalkDue: IsoDate | null;
  nextAssessmentDue: IsoDate | null;
  tradeTestRegistrationDue: IsoDate;
  tradeTest: ReturnType<typeof tradeTestState>;
}

export function lifecycleDates(f: LifecycleFacts, today: IsoDate, s: LifecycleSettings = DEFAULT_LIFECYCLE_SETTINGS): LifecycleDates {
  const plannedEnd = movedEnd({ contractStart: f.contractStart, originalEnd: f.originalEnd }, f.interruptions, today);
  const startupHeld = f.talks.some((t) => t.kind === TalkKind.STARTUP);
  const assessments = f.talks.filter((t) => t.kind === TalkKind.ASSESSMENT).map((t) => t.heldOn);
  return {
    plannedEnd,
    probationEnd: probationEnd(f),
    startupTalkDue: startupHeld ? null : startupTalkDue(f.contractStart, s),
    nextAssessmentDue: nextAssessmentDue({ contractStart: f.contractStart, lastDay: plannedEnd }, assessments, f.interruptions, s, today),
    tradeTestRegistrationDue: tradeTestRegistrationDue(plannedEnd, s),
    tradeTest: tradeTestState(f.tradeTests),
  };
}

/**
 * The early warnings of one contract on `today`, most pressing first. Nothing for a contract that
 * has ended or not yet started. An assessment is not overdue while the apprentice is away.
 */
export function lifecycleWarnings(f: LifecycleFacts, today: IsoDate, s: LifecycleSettings = DEFAULT_LIFECYCLE_SETTINGS): Warning[] {
  if (f.ended || today < f.contractStart) return [];
  const d = lifecycleDates(f, today, s);
  const away = interruptionOn(f.interruptions, today);
  const out: Warning[] = [];
  if (d.startupTalkDue && today > d.startupTalkDue && !away) out.push({ kind: WarningKind.STARTUP_TALK_OVERDUE, date: d.startupTalkDue });
  if (d.nextAssessmentDue && today > d.nextAssessmentDue && !away)
    out.push({ kind: WarningKind.ASSESSMENT_OVERDUE, date: d.nextAssessmentDue });
  if (today >= d.tradeTestRegistrationDue && (d.tradeTest === 'NONE' || d.tradeTest === 'FAILED'))
    out.push({ kind: WarningKind.TRADE_TEST_NOT_REGISTERED, date: d.tradeTestRegistrationDue });
  const open = f.interruptions.filter((p) => p.endsOn === null && p.startsOn <= today);
  const longest = open.reduce<IsoDate | null>((a, p) => (a === null || p.startsOn < a ? p.startsOn : a), null);
  if (longest && daysBetween(longest, today) + 1 > 7 * s.longInterruptionWeeks)
    out.push({ kind: WarningKind.LONG_INTERRUPTION, date: longest });
  if (d.probationEnd && today <= d.probationEnd && daysBetween(today, d.probationEnd) <= s.probationNoticeDays)
    out.push({ kind: WarningKind.PROBATION_ENDING, date: d.probationEnd });
  if (f.afterPlan === null && daysBetween(today, d.plannedEnd) <= s.endingSoonDays)
    out.push({ kind: WarningKind.ENDING_WITHOUT_PLAN, date: d.plannedEnd });
  return out.sort((a, b) => WARNING_ORDER.indexOf(a.kind) - WARNING_ORDER.indexOf(b.kind));
}
