/**
 * The December summary's PDF, in bokmål or English: key figures, every agency in a table, the
 * trades, gatherings, criteria and pool, the apprenticeships and follow-up, and every agency's
 * report. Drawn by the house flow on pdfkit (common/pdf-flow.ts), not pdfmake: at 1,000 agencies
 * it is over 150 pages a language.
 */
import { CriterionStatus } from '@laerenett/shared-domain';
import { Block, Cell, FlowDocument, renderFlow } from '../../../common/pdf-flow';
import { dateText, PdfLanguage } from '../../../common/pdf-text';
import { counted } from '../../../common/plural';
import type { AgencyLine, SummaryData } from './compile-summary.util';
import { apprenticeshipContent, followUpContent } from './summary-figures.pdf';

const T = {
  nb: {
    title: (y: number) => `Årsoppsummering ${y}`,
    lead: (area: string, v: number) => `${area} · versjon ${v}`,
    intro: (snap: string, asOf: string) => `Lærlinger telles per ${snap} (datoen den nasjonale statistikken bruker) og per ${asOf}.`,
    keyFigures: 'Nøkkeltall',
    figure: 'Tall',
    value: 'Verdi',
    apprenticesSnapshot: (y: number) => `Lærlinger 1. oktober ${y}`,
    change: 'Endring fra i fjor',
    apprenticesNow: (d: string) => `Lærlinger per ${d}`,
    targetSum: 'Sum måltall',
    meetingTarget: 'Virksomheter som har nådd måltallet',
    ruleApplies: (n: number) => `Virksomheter med over ${n} ansatte (minimumskravet)`,
    breakingRule: 'Virksomheter som ikke oppfyller minimumskravet',
    trades: 'Lærefag i bruk',
    gatherings: 'Nettverkssamlinger holdt',
    participants: 'Deltakere på samlingene',
    pool: 'Arrangementer i poolen',
    poolHours: 'Timer lærlinger hjalp til',
    competence: 'Kompetanselærlinger',
    reports: 'Rapporter levert',
    nextYear: 'Sum måltall neste år (fra rapportene)',
    of: 'av',
    chartYears: 'Lærlinger 1. oktober, og sum måltall',
    lastYear: (y: number) => `1. oktober ${y}`,
    thisYear: (y: number) => `1. oktober ${y}`,
    target: 'Måltall',
    perAgency: 'Måltall og lærlinger per virksomhet',
    chartAgencies: (n: number, all: number) => (n < all ? `De ${n} største av ${all} virksomheter` : ''),
    legendValue: 'Lærlinger 1. oktober',
    agency: 'Virksomhet',
    employees: 'Ansatte',
    prev: 'I fjor',
    snap: '1. okt',
    now: 'Nå',
    gap: 'Avvik',
    rule: 'Min.krav',
    met: 'Oppfylt',
    notMet: 'Ikke oppfylt',
    notApplicable: '–',
    gatheringsShort: 'Saml.',
    hoursShort: 'Timer',
    report: 'Rapport',
    reported: 'Levert',
    late: 'Levert for sent',
    notReported: 'Mangler',
    total: 'Sum',
    perTrade: 'Lærlinger per lærefag',
    trade: 'Lærefag',
    gatheringsTitle: 'Nettverkssamlinger',
    date: 'Dato',
    gathering: 'Samling',
    people: 'Deltakere',
    agencies: 'Virksomheter',
    noGatherings: 'Ingen samlinger er holdt i år.',
    criteria: 'Oppfølgingskriterier i handlingsplanen',
    missing: 'Mangler',
    poolTitle: 'Arrangementer og kompetanselærlinger',
    poolText: (e: number, s: number, h: string, p: number, c: number) =>
      `${counted('nb', e, 'arrangement', 'arrangementer')} i poolen. Lærlinger hjalp til på ${counted('nb', s, 'vakt', 'vakter')}, til sammen ${h} timer (${counted('nb', p, 'lærling', 'lærlinger')}). ${counted('nb', c, 'kompetanselærling', 'kompetanselærlinger')}.`,
    narratives: 'Virksomhetenes rapporter',
    yearInReview: 'Året som gikk',
    whatWorked: 'Dette fungerte',
    challenges: 'Utfordringer',
    nextTrades: 'Lærefag vurdert for neste år',
    nextTarget: 'Måltall neste år',
    lateMark: ' (levert etter fristen)',
    notReportedTitle: 'Ikke levert',
    noReports: 'Ingen virksomhet har levert rapport ennå.',
    allReported: 'Alle virksomhetene har levert rapport.',
    generated: (d: string) => `Lærenett · laget ${d}`,
    page: (p: number, n: number) => `Side ${p} av ${n}`,
    status: { MET: 'Oppfylt', IN_PROGRESS: 'Underveis', NOT_MET: 'Ikke oppfylt', UNAVAILABLE: 'Ikke i bruk' } as Record<
      CriterionStatus,
      string
    >,
    audience: { STAFF: 'ansatte', APPRENTICE: 'lærlinger', JOINT: 'felles' } as Record<string, string>,
  },
  en: {
    title: (y: number) => `Annual summary ${y}`,
    lead: (area: string, v: number) => `${area} · version ${v}`,
    intro: (snap: string, asOf: string) => `Apprentices are counted on ${snap} (the date national statistics use) and on ${asOf}.`,
    keyFigures: 'Key figures',
    figure: 'Figure',
    value: 'Value',
    apprenticesSnapshot: (y: number) => `Apprentices on 1 October ${y}`,
    change: 'Change from last year',
    apprenticesNow: (d: string) => `Apprentices on ${d}`,
    targetSum: 'Sum of targets',
    meetingTarget: 'Agencies that reached their target',
    ruleApplies: (n: number) => `Agencies with more than ${n} employees (the minimum rule)`,
    breakingRule: 'Agencies not meeting the minimum rule',
    trades: 'Trades in use',
    gatherings: 'Network gatherings held',
    participants: 'Participants at gatherings',
    pool: 'Events in the pool',
    poolHours: 'Hours apprentices helped',
    competence: 'Competence apprentices',
    reports: 'Reports submitted',
    nextYear: 'Sum of next year’s targets (from the reports)',
    of: 'of',
    chartYears: 'Apprentices on 1 October, and the sum of targets',
    lastYear: (y: number) => `1 October ${y}`,
    thisYear: (y: number) => `1 October ${y}`,
    target: 'Target',
    perAgency: 'Targets and apprentices per agency',
    chartAgencies: (n: number, all: number) => (n < all ? `The ${n} largest of ${all} agencies` : ''),
    legendValue: 'Apprentices on 1 October',
    agency: 'Agency',
    employees: 'Staff',
    prev: 'Last yr',
    snap: '1 Oct',
    now: 'Now',
    gap: 'Gap',
    rule: 'Min. rule',
    met: 'Met',
    notMet: 'Not met',
    notApplicable: '–',
    gatheringsShort: 'Gath.',
    hoursShort: 'Hours',
    report: 'Report',
    reported: 'Submitted',
    late: 'Submitted late',
    notReported: 'Missing',
    total: 'Total',
    perTrade: 'Apprentices per trade',
    trade: 'Trade',
    gatheringsTitle: 'Network gatherings',
    date: 'Date',
    gathering: 'Gathering',
    people: 'Participants',
    agencies: 'Agencies',
    noGatherings: 'No gatherings have been held this year.',
    criteria: 'Follow-up criteria in the action plan',
    missing: 'Missing',
    poolTitle: 'Events and competence apprentices',
    poolText: (e: number, s: number, h: string, p: number, c: number) =>
      `${counted('en', e, 'event', 'events')} in the pool. Apprentices helped on ${counted('en', s, 'shift', 'shifts')}, ${h} hours in all (${counted('en', p, 'apprentice', 'apprentices')}). ${counted('en', c, 'competence apprentice', 'competence apprentices')}.`,
    narratives: 'The agencies’ reports',
    yearInReview: 'The year',
    whatWorked: 'What worked',
    challenges: 'Challenges',
    nextTrades: 'Trades assessed for next year',
    nextTarget: 'Target for next year',
    lateMark: ' (submitted after the deadline)',
    notReportedTitle: 'Not submitted',
    noReports: 'No agency has submitted its report yet.',
    allReported: 'Every agency has submitted its report.',
    generated: (d: string) => `Lærenett · made ${d}`,
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    status: { MET: 'Met', IN_PROGRESS: 'In progress', NOT_MET: 'Not met', UNAVAILABLE: 'Not in use' } as Record<CriterionStatus, string>,
    audience: { STAFF: 'staff', APPRENTICE: 'apprentices', JOINT: 'joint' } as Record<string, string>,
  },
};

/** The agencies drawn in the chart: at most this many, the largest by apprentices or target. */
export const CHART_AGENCIES = 25;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
// One formatter per language: `toLocaleString` with options makes a new one on every call (~40 µs, a thousand a document).
const NUMBERS: Record<PdfLanguage, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const num = (n: number, lang: PdfLanguage) => NUMBERS[lang].format(n).replace(/\u00a0/g, ' ');

function reportText(a: AgencyLine, t: (typeof T)['nb']): string {
  if (a.isMinistry) return t.notApplicable;
  if (!a.reported) return t.notReported;
  return a.submittedLate ? t.late : t.reported;
}

export function summaryDocument(d: SummaryData, version: number, lang: PdfLanguage, today: string): FlowDocument {
  const t = T[lang];
  const s = d.totals;
  const blocks: Block[] = [
    { heading: t.title(d.year), level: 1 },
    { text: t.lead(d.areaName, version), style: 'lead' },
    { text: t.intro(dateText(lang, d.snapshotDate), dateText(lang, d.asOf)), style: 'meta' },
    { heading: t.keyFigures, level: 2 },
    {
      table: {
        widths: ['*', 110],
        header: [t.figure, t.value],
        right: [1],
        rows: [
          [t.apprenticesSnapshot(d.year), { text: String(s.apprenticesSnapshot), bold: true }],
          [t.apprenticesSnapshot(d.year - 1), String(s.apprenticesSnapshotLastYear)],
          [
            t.change,
            `${signed(s.changeFromLastYear)}${s.changePercent === null ? '' : ` (${s.changePercent > 0 ? '+' : ''}${num(s.changePercent, lang)} %)`}`,
          ],
          [t.apprenticesNow(dateText(lang, d.asOf)), String(s.apprenticesNow)],
          [t.targetSum, String(s.targetSum)],
          [t.meetingTarget, `${s.agenciesMeetingTarget} ${t.of} ${s.agenciesWithTarget}`],
          [t.ruleApplies(d.threshold), String(s.agenciesRuleApplies)],
          [t.breakingRule, String(s.agenciesBreakingRule)],
          [t.trades, String(s.trades)],
          [t.gatherings, String(s.gatheringsHeld)],
          [t.participants, String(s.gatheringParticipants)],
          [t.pool, String(s.poolEvents)],
          [t.poolHours, num(s.poolHours, lang)],
          [t.competence, String(s.competenceApprentices)],
          [t.reports, `${s.agenciesReported} ${t.of} ${s.reportsExpected}`],
          [t.nextYear, String(s.targetNextYearSum)],
        ],
      },
    },
    { heading: t.chartYears, level: 3 },
    {
      chart: [
        { label: t.lastYear(d.year - 1), value: s.apprenticesSnapshotLastYear },
        { label: t.thisYear(d.year), value: s.apprenticesSnapshot },
        { label: t.targetSum, value: s.targetSum },
      ],
    },
  ];

  // Per agency: a chart of the largest, then every agency in a table.
  const charted = [...d.agencies]
    .sort((a, b) => Math.max(b.snapshot, b.target ?? 0) - Math.max(a.snapshot, a.target ?? 0) || a.name.localeCompare(b.name, 'nb'))
    .slice(0, CHART_AGENCIES);
  // The agency table has eleven columns and names like "Digitaliseringsdirektoratet": landscape
  // pages, so that it fits; the trades go back to portrait on a page of their own.
  blocks.push({ heading: t.perAgency, level: 2, newPage: 'landscape' });
  const note = t.chartAgencies(charted.length, d.agencies.length);
  if (note) blocks.push({ text: note, style: 'meta' });
  blocks.push({
    chart: charted.map((a) => ({ label: a.name, value: a.snapshot, mark: a.target })),
    options: { legend: { value: t.legendValue, mark: t.target } },
  });
  const totalRow: Cell[] = [
    { text: t.total, bold: true },
    '',
    String(s.apprenticesSnapshotLastYear),
    { text: String(s.apprenticesSnapshot), bold: true },
    String(s.apprenticesNow),
    String(s.targetSum),
    '',
    '',
    '',
    num(s.poolHours, lang),
    `${s.agenciesReported}/${s.reportsExpected}`,
  ];
  blocks.push({
    table: {
      widths: ['*', 34, 30, 28, 26, 32, 28, 44, 26, 30, 46],
      header: [t.agency, t.employees, t.prev, t.snap, t.now, t.target, t.gap, t.rule, t.gatheringsShort, t.hoursShort, t.report],
      right: [1, 2, 3, 4, 5, 6, 8, 9],
      rows: [
        ...d.agencies.map((a): Cell[] => [
          a.name,
          String(a.employees),
          String(a.snapshotLastYear),
          String(a.snapshot),
          String(a.now),
          a.target === null ? '–' : String(a.target),
          a.gap === null ? '–' : signed(a.gap),
          a.ruleApplies ? (a.meetsRule ? t.met : { text: t.notMet, color: '#c30000' }) : t.notApplicable,
          String(a.gatheringsAttended),
          num(a.poolHours, lang),
          reportText(a, t),
        ]),
        totalRow,
      ],
      fontSize: 8,
    },
  });

  blocks.push({ heading: t.perTrade, level: 2, newPage: 'portrait' });
  if (d.trades.length)
    blocks.push({
      chart: d.trades.map((x) => ({ label: lang === 'en' ? x.nameEn : x.nameNb, value: x.snapshot, mark: x.target })),
      options: { legend: { value: t.legendValue, mark: t.target }, colour: '#06893a' },
    });
  blocks.push({
    table: {
      widths: ['*', 50, 50, 50, 50],
      header: [t.trade, t.prev, t.snap, t.now, t.target],
      right: [1, 2, 3, 4],
      rows: d.trades.map((x) => [
        lang === 'en' ? x.nameEn : x.nameNb,
        String(x.snapshotLastYear),
        String(x.snapshot),
        String(x.now),
        x.target === null ? '–' : String(x.target),
      ]),
    },
  });

  blocks.push({ heading: t.gatheringsTitle, level: 2 });
  if (d.gatherings.length)
    blocks.push({
      table: {
        widths: [100, '*', 60, 60],
        header: [t.date, t.gathering, t.people, t.agencies],
        right: [2, 3],
        rows: d.gatherings.map((g) => [
          dateText(lang, g.date),
          `${g.title} (${t.audience[g.audience] ?? g.audience})`,
          String(g.participants),
          String(g.agencies),
        ]),
      },
    });
  else blocks.push({ text: t.noGatherings });
  if (d.criteria.length) {
    blocks.push({ heading: t.criteria, level: 3 });
    blocks.push({
      bullets: d.criteria.map((c) => [
        { text: `${lang === 'en' ? (c.labelEn ?? c.label) : c.label}: `, bold: true },
        `${t.status[c.status]}${c.status === CriterionStatus.UNAVAILABLE ? '' : ` (${c.value} ${t.of} ${c.required})`}`,
        c.missing.length ? `. ${t.missing}: ${c.missing.map((m) => m.name).join(', ')}` : '',
      ]),
    });
  }

  blocks.push({ heading: t.poolTitle, level: 2 });
  blocks.push({ text: t.poolText(s.poolEvents, s.poolShifts, num(s.poolHours, lang), s.poolHelpers, s.competenceApprentices) });

  // Keeping apprentices and follow-up (left out of versions compiled before they were kept).
  blocks.push(...apprenticeshipContent(d, lang), ...followUpContent(d, lang));

  blocks.push({ heading: t.narratives, level: 2, newPage: 'portrait' });
  if (!d.narratives.length) blocks.push({ text: t.noReports });
  for (const n of d.narratives) {
    blocks.push({ heading: `${n.agencyName}${n.submittedLate ? t.lateMark : ''}`, level: 3 });
    const parts: [string, string][] = [
      [t.yearInReview, n.yearInReview],
      [t.whatWorked, n.whatWorked],
      [t.challenges, n.challenges],
      [t.nextTrades, [...(lang === 'en' ? n.nextYearTradesEn : n.nextYearTradesNb), n.nextYearTradesNote].filter(Boolean).join('; ')],
      [t.nextTarget, n.targetNextYear === null ? '' : String(n.targetNextYear)],
    ];
    for (const [label, text] of parts) if (text) blocks.push({ text: [{ text: `${label}: `, bold: true }, text], bottom: 3 });
  }
  blocks.push({ heading: t.notReportedTitle, level: 3 });
  blocks.push(d.missing.length ? { bullets: d.missing } : { text: t.allReported });

  return {
    title: `${t.title(d.year)} – ${d.areaName}`,
    subject: t.title(d.year),
    lang,
    footerLeft: t.generated(dateText(lang, today)),
    page: t.page,
    blocks,
  };
}

export const renderSummaryPdf = (d: SummaryData, version: number, lang: PdfLanguage, today: string) =>
  renderFlow(summaryDocument(d, version, lang, today));
