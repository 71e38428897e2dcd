/**
 * A made-up area's summary, small but with every section the real one has (charts, the agency
 * table, trades, gatherings, criteria, the apprenticeships' and follow-up figures, reports): the
 * PDF thread renders it in both languages when it starts, so that pdfkit's and the flow's code is compiled and
 * the fonts are read before the first real compilation needs them. Never stored or sent.
 */
import { CellDisclosure, CriterionStatus } from '@laerenett/shared-domain';
import type { AgencyLine, NarrativeLine, SummaryData } from './compile-summary.util';

type Table = NonNullable<SummaryData['followUp']>['terminations'];
const shown = (count: number) => ({ count, disclosure: CellDisclosure.SHOWN });
const table = (rows: string[], columns: string[]): Table => ({
  columns,
  rows: rows.map((key, i) => ({ key, cells: columns.map((_, j) => shown(5 + i + j)), total: shown(20 + i) })),
  columnTotals: columns.map((_, j) => shown(30 + j)),
  total: { count: null, disclosure: CellDisclosure.UNDER_THRESHOLD },
});

export function sampleSummary(agencyCount = 60): SummaryData {
  const agencies: AgencyLine[] = Array.from({ length: agencyCount }, (_, i) => ({
    agencyId: `sample-${i}`,
    name: `Prøvedirektoratet for område ${i + 1}`,
    isMinistry: i === 0,
    employees: 40 + 37 * i,
    snapshot: i % 9,
    snapshotLastYear: i % 7,
    now: i % 8,
    target: i % 4 ? i % 6 : null,
    gap: i % 4 ? (i % 9) - (i % 6) : null,
    ruleApplies: i % 2 === 0,
    meetsRule: i % 3 === 0,
    trades: i % 3,
    gatheringsAttended: i % 4,
    participants: i % 5,
    poolEventsHosted: i % 2,
    poolShifts: i % 6,
    poolHours: (i % 5) * 2.5,
    competenceApprentices: i % 2,
    reported: i % 5 !== 0,
    submittedLate: i % 11 === 0,
    targetNextYear: i % 4 ? 2 : null,
  }));
  const narratives: NarrativeLine[] = agencies
    .filter((a) => a.reported && !a.isMinistry)
    .map((a) => ({
      agencyId: a.agencyId,
      agencyName: a.name,
      yearInReview: `Et år med lærlinger i ${a.name}. ${'Vi tok inn nye lærlinger og fulgte dem opp tett. '.repeat(3)}`,
      whatWorked: 'Fadderordningen og faste samtaler.',
      challenges: 'Rekruttering i fag med få søkere.',
      nextYearTradesNb: ['IKT-servicefaget'],
      nextYearTradesEn: ['ICT service'],
      nextYearTradesNote: 'Kontorfaget vurderes.',
      targetNextYear: a.targetNextYear,
      submittedLate: a.submittedLate,
    }));
  const zero = { underContract: 0, assessmentsOnTime: 0, openInterruptions: 0, tradeTestsPassed: 0, completions: 0 };
  return {
    areaName: 'Prøveområdet',
    year: 2026,
    asOf: '2026-12-10',
    snapshotDate: '2026-10-01',
    threshold: 75,
    totals: {
      agencies: agencyCount,
      reportsExpected: agencyCount - 1,
      agenciesReported: narratives.length,
      apprenticesSnapshot: 240,
      apprenticesSnapshotLastYear: 200,
      changeFromLastYear: 40,
      changePercent: 20,
      apprenticesNow: 251,
      targetSum: 180,
      agenciesWithTarget: 45,
      agenciesMeetingTarget: 20,
      trades: 6,
      agenciesRuleApplies: 30,
      agenciesBreakingRule: 4,
      gatheringsHeld: 3,
      gatheringParticipants: 61,
      agenciesAtGatherings: 24,
      poolEvents: 5,
      poolShifts: 19,
      poolHours: 71.5,
      poolHelpers: 12,
      competenceApprentices: 3,
      targetNextYearSum: 90,
    },
    agencies,
    trades: ['Kontorfaget', 'IKT-servicefaget', 'Logistikkfaget', 'Salgsfaget', 'Mediegrafikerfaget', 'Byggdrifterfaget'].map((n, i) => ({
      tradeId: `trade-${i}`,
      nameNb: n,
      nameEn: `Trade ${i + 1}`,
      snapshot: 60 - 8 * i,
      snapshotLastYear: 50 - 7 * i,
      now: 62 - 8 * i,
      target: i % 2 ? null : 30 - 4 * i,
    })),
    gatherings: [
      { title: 'Oppstartsamling', date: '2026-02-12', audience: 'STAFF', participants: 22, agencies: 14 },
      { title: 'Lærlingtreff', date: '2026-06-04', audience: 'APPRENTICE', participants: 31, agencies: 17 },
      { title: 'Høstsamling', date: '2026-10-08', audience: 'JOINT', participants: 8, agencies: 6 },
    ],
    criteria: [
      {
        label: 'Alle virksomheter har minst én lærling',
        labelEn: 'Every agency has at least one apprentice',
        status: CriterionStatus.IN_PROGRESS,
        value: 50,
        required: 60,
        missing: agencies.slice(1, 4).map((a) => ({ id: a.agencyId, name: a.name })),
        late: [],
      },
    ],
    narratives,
    missing: agencies.filter((a) => !a.reported && !a.isMinistry).map((a) => a.name),
    apprenticeship: {
      areaId: 'sample',
      year: 2026,
      asOf: '2026-12-10',
      agencies: agencies
        .slice(0, 10)
        .map((a, i) => ({ agencyId: a.agencyId, agencyName: a.name, ...zero, underContract: 3 + i, tradeTestsPassed: i % 3 })),
      total: { agencyId: null, agencyName: '', ...zero, underContract: 75, tradeTestsPassed: 9 },
    },
    followUp: {
      areaId: 'sample',
      year: 2026,
      asOf: '2026-12-10',
      openCases: { count: 7, disclosure: CellDisclosure.SHOWN },
      terminations: table(['WORK_ENVIRONMENT', 'OTHER'], ['FIRST_THREE_MONTHS', 'LATER']),
      afterwards: table(['SCHOOL'], ['FIRST_THREE_MONTHS', 'LATER']),
      outcomes: table(['2026'], ['RESOLVED', 'TERMINATED']),
    },
  };
}
