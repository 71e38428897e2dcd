/**
 * Builds the area's December summary from the facts read for it. Pure: no I/O, so the figures
 * can be checked against hand-computed ones, and the job around it only reads, calls and saves.
 */
import { change, CriterionEvaluation, minimumRule } from '@laerenett/shared-domain';
import { todayInOslo } from '../../../common/time';
import type { ApprenticeshipAreaFiguresModel } from '../../apprenticeship/models/apprenticeship.models';
import type { FollowUpFiguresModel } from '../../follow-up/models/follow-up.models';

/** Keeping apprentices: the area's figures as the apprenticeship module gives them (counts, no names). */
export type ApprenticeshipFigures = ApprenticeshipAreaFiguresModel;
/** Follow-up: the area's counts as the follow-up module publishes them, small ones already suppressed. */
export type FollowUpFigures = FollowUpFiguresModel;

export interface AgencyFact {
  id: string;
  name: string;
  employees: number;
  isMinistry: boolean;
  target: number | null;
}
export interface CountFact {
  agencyId: string;
  tradeId: string;
  now: number;
  snapshot: number;
  snapshotLastYear: number;
}
export interface TradeFact {
  id: string;
  nameNb: string;
  nameEn: string;
}
export interface AttendanceFact {
  gatheringId: string;
  title: string;
  audience: string;
  date: string;
  agencyId: string | null;
  participants: number;
}
/** A submitted report (drafts are not facts of the summary). */
export interface ReportFact {
  agencyId: string;
  submittedAt: Date | string;
  yearInReview: string;
  whatWorked: string;
  challenges: string;
  nextYearTradeIds: string[];
  nextYearTradesNote: string;
  targetNextYear: number | null;
}
export interface CriterionFact extends CriterionEvaluation {
  label: string;
  /** The label in English (versions compiled before it was kept have none: the label serves). */
  labelEn?: string;
}

export interface SummaryFacts {
  areaName: string;
  year: number;
  asOf: string;
  agencyDeadline: string;
  threshold: number;
  agencies: AgencyFact[];
  counts: CountFact[];
  tradeTargets: { agencyId: string; tradeId: string; count: number }[];
  trades: TradeFact[];
  attendance: AttendanceFact[];
  poolHosted: { agencyId: string; events: number }[];
  poolHelp: { agencyId: string; events: number; shifts: number; helpers: number; hours: number }[];
  competence: { agencyId: string; people: number }[];
  reports: ReportFact[];
  criteria: CriterionFact[];
  apprenticeship: ApprenticeshipFigures;
  followUp: FollowUpFigures;
}

export interface AgencyLine {
  agencyId: string;
  name: string;
  isMinistry: boolean;
  employees: number;
  snapshot: number;
  snapshotLastYear: number;
  now: number;
  target: number | null;
  /** Apprentices on 1 October minus the target (negative: short of it). */
  gap: number | null;
  ruleApplies: boolean;
  meetsRule: boolean;
  trades: number;
  gatheringsAttended: number;
  participants: number;
  poolEventsHosted: number;
  poolShifts: number;
  poolHours: number;
  competenceApprentices: number;
  reported: boolean;
  submittedLate: boolean;
  targetNextYear: number | null;
}
export interface TradeLine {
  tradeId: string;
  nameNb: string;
  nameEn: string;
  snapshot: number;
  snapshotLastYear: number;
  now: number;
  target: number | null;
}
export interface GatheringLine {
  title: string;
  date: string;
  audience: string;
  participants: number;
  agencies: number;
}
export interface NarrativeLine {
  agencyId: string;
  agencyName: string;
  yearInReview: string;
  whatWorked: string;
  challenges: string;
  nextYearTradesNb: string[];
  nextYearTradesEn: string[];
  nextYearTradesNote: string;
  targetNextYear: number | null;
  submittedLate: boolean;
}
export interface SummaryTotals {
  agencies: number;
  /** Agencies expected to report: every agency except the ministry itself, which compiles. */
  reportsExpected: number;
  agenciesReported: number;
  apprenticesSnapshot: number;
  apprenticesSnapshotLastYear: number;
  changeFromLastYear: number;
  changePercent: number | null;
  apprenticesNow: number;
  targetSum: number;
  agenciesWithTarget: number;
  agenciesMeetingTarget: number;
  trades: number;
  agenciesRuleApplies: number;
  agenciesBreakingRule: number;
  gatheringsHeld: number;
  gatheringParticipants: number;
  agenciesAtGatherings: number;
  poolEvents: number;
  poolShifts: number;
  poolHours: number;
  poolHelpers: number;
  competenceApprentices: number;
  targetNextYearSum: number;
}
export interface SummaryData {
  areaName: string;
  year: number;
  asOf: string;
  snapshotDate: string;
  threshold: number;
  totals: SummaryTotals;
  agencies: AgencyLine[];
  trades: TradeLine[];
  gatherings: GatheringLine[];
  criteria: CriterionFact[];
  narratives: NarrativeLine[];
  /** Agencies (the ministry itself aside) that had not submitted a report, by name. */
  missing: string[];
  /** The apprenticeships' figures; versions compiled before they were kept have none. */
  apprenticeship?: ApprenticeshipFigures;
  /** The follow-up counts as published (never recomputed); versions compiled before they were kept have none. */
  followUp?: FollowUpFigures;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((t, x) => t + f(x), 0);
const nb = (a: string, b: string) => a.localeCompare(b, 'nb');

function group<T>(xs: T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The agency's line of the summary: its figures from the facts, already grouped by agency. */
function agencyLine(a: AgencyFact, f: SummaryFacts, by: ReturnType<typeof indexFacts>): AgencyLine {
  const counts = by.counts.get(a.id) ?? [];
  const attendance = by.attendance.get(a.id) ?? [];
  const help = by.help.get(a.id);
  const report = by.reports.get(a.id);
  const snapshot = sum(counts, (c) => c.snapshot);
  const rule = minimumRule(a.employees, snapshot, f.threshold);
  return {
    agencyId: a.id,
    name: a.name,
    isMinistry: a.isMinistry,
    employees: a.employees,
    snapshot,
    snapshotLastYear: sum(counts, (c) => c.snapshotLastYear),
    now: sum(counts, (c) => c.now),
    target: a.target,
    gap: a.target === null ? null : snapshot - a.target,
    ruleApplies: rule.applies,
    meetsRule: rule.met,
    trades: counts.filter((c) => c.now > 0).length,
    gatheringsAttended: new Set(attendance.filter((x) => x.participants > 0).map((x) => x.gatheringId)).size,
    participants: sum(attendance, (x) => x.participants),
    poolEventsHosted: by.hosted.get(a.id) ?? 0,
    poolShifts: help?.shifts ?? 0,
    poolHours: round2(help?.hours ?? 0),
    competenceApprentices: by.competence.get(a.id) ?? 0,
    reported: !!report,
    submittedLate: submittedLate(report?.submittedAt, f.agencyDeadline),
    targetNextYear: report?.targetNextYear ?? null,
  };
}

/** A report submitted on a later day (in Norway) than the agencies' deadline. */
export const submittedLate = (submittedAt: Date | string | null | undefined, deadline: string) =>
  !!submittedAt && todayInOslo(new Date(submittedAt)) > deadline;

function indexFacts(f: SummaryFacts) {
  return {
    counts: group(f.counts, (c) => c.agencyId),
    attendance: group(f.attendance, (x) => x.agencyId),
    help: new Map(f.poolHelp.map((h) => [h.agencyId, h])),
    hosted: new Map(f.poolHosted.map((h) => [h.agencyId, h.events])),
    competence: new Map(f.competence.map((c) => [c.agencyId, c.people])),
    reports: new Map(f.reports.map((r) => [r.agencyId, r])),
  };
}

/**
 * The whole summary. `onAgency` is called after each agency's line (for progress); it may be
 * async (a pause, a progress write), and is awaited.
 */
export async function compileSummary(
  f: SummaryFacts,
  onAgency: (done: number, total: number, name: string) => Promise<void> | void = () => undefined,
): Promise<SummaryData> {
  const by = indexFacts(f);
  const agencies: AgencyLine[] = [];
  for (const a of f.agencies) {
    agencies.push(agencyLine(a, f, by));
    await onAgency(agencies.length, f.agencies.length, a.name);
  }

  const tradeTargets = group(f.tradeTargets, (t) => t.tradeId);
  const countsByTrade = group(f.counts, (c) => c.tradeId);
  const trades: TradeLine[] = f.trades
    .map((t) => {
      const cs = countsByTrade.get(t.id) ?? [];
      const tt = tradeTargets.get(t.id);
      return {
        tradeId: t.id,
        nameNb: t.nameNb,
        nameEn: t.nameEn,
        snapshot: sum(cs, (c) => c.snapshot),
        snapshotLastYear: sum(cs, (c) => c.snapshotLastYear),
        now: sum(cs, (c) => c.now),
        target: tt ? sum(tt, (x) => x.count) : null,
      };
    })
    .filter((t) => t.snapshot + t.snapshotLastYear + t.now > 0 || t.target !== null)
    .sort((a, b) => b.snapshot - a.snapshot || nb(a.nameNb, b.nameNb));

  const gatherings: GatheringLine[] = [...group(f.attendance, (x) => x.gatheringId).values()].map((rows) => ({
    title: rows[0].title,
    date: rows[0].date,
    audience: rows[0].audience,
    participants: sum(rows, (r) => (r.agencyId ? r.participants : 0)),
    agencies: rows.filter((r) => r.agencyId && r.participants > 0).length,
  }));

  const tradeName = new Map(f.trades.map((t) => [t.id, t]));
  const names = new Map(f.agencies.map((a) => [a.id, a.name]));
  const lineOf = new Map(agencies.map((l) => [l.agencyId, l]));
  const narratives: NarrativeLine[] = f.reports
    .filter((r) => names.has(r.agencyId))
    .map((r) => {
      const ts = r.nextYearTradeIds.map((id) => tradeName.get(id)).filter((t): t is TradeFact => !!t);
      return {
        agencyId: r.agencyId,
        agencyName: names.get(r.agencyId) as string,
        yearInReview: r.yearInReview,
        whatWorked: r.whatWorked,
        challenges: r.challenges,
        nextYearTradesNb: ts.map((t) => t.nameNb),
        nextYearTradesEn: ts.map((t) => t.nameEn),
        nextYearTradesNote: r.nextYearTradesNote,
        targetNextYear: r.targetNextYear,
        submittedLate: lineOf.get(r.agencyId)?.submittedLate ?? false,
      };
    })
    .sort((a, b) => nb(a.agencyName, b.agencyName));

  const snapshot = sum(agencies, (a) => a.snapshot);
  const lastYear = sum(agencies, (a) => a.snapshotLastYear);
  const ch = change(lastYear, snapshot);
  const withTarget = agencies.filter((a) => a.target !== null);
  const totals: SummaryTotals = {
    agencies: agencies.length,
    reportsExpected: agencies.filter((a) => !a.isMinistry).length,
    agenciesReported: agencies.filter((a) => !a.isMinistry && a.reported).length,
    apprenticesSnapshot: snapshot,
    apprenticesSnapshotLastYear: lastYear,
    changeFromLastYear: ch.delta,
    changePercent: ch.percent,
    apprenticesNow: sum(agencies, (a) => a.now),
    targetSum: sum(withTarget, (a) => a.target as number),
    agenciesWithTarget: withTarget.length,
    agenciesMeetingTarget: withTarget.filter((a) => (a.gap as number) >= 0).length,
    trades: new Set(f.counts.filter((c) => c.now > 0).map((c) => c.tradeId)).size,
    agenciesRuleApplies: agencies.filter((a) => a.ruleApplies).length,
    agenciesBreakingRule: agencies.filter((a) => !a.meetsRule).length,
    gatheringsHeld: gatherings.length,
    gatheringParticipants: sum(gatherings, (g) => g.participants),
    agenciesAtGatherings: agencies.filter((a) => a.gatheringsAttended > 0).length,
    poolEvents: sum(f.poolHosted, (h) => h.events),
    poolShifts: sum(f.poolHelp, (h) => h.shifts),
    poolHours: round2(sum(f.poolHelp, (h) => h.hours)),
    poolHelpers: sum(f.poolHelp, (h) => h.helpers),
    competenceApprentices: sum(f.competence, (c) => c.people),
    targetNextYearSum: sum(agencies, (a) => a.targetNextYear ?? 0),
  };

  return {
    areaName: f.areaName,
    year: f.year,
    asOf: f.asOf,
    snapshotDate: `${f.year}-10-01`,
    threshold: f.threshold,
    totals,
    agencies,
    trades,
    gatherings,
    criteria: f.criteria,
    narratives,
    missing: agencies
      .filter((a) => !a.isMinistry && !a.reported)
      .map((a) => a.name)
      .sort(nb),
    apprenticeship: f.apprenticeship,
    followUp: f.followUp,
  };
}
