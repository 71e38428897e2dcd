import type { Content, TableCell } from 'pdfmake/interfaces';
import { CriterionStatus } from '@laerenett/shared-domain';
import { dateText, houseDocument, PdfLanguage, renderPdf } from '../../../common/pdf';
import { barChartSvg } from './bar-chart.util';
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
    allReported: 'Every agency has submitted its report.',
    generated: (d: string) => `Lærenett · made ${d}`,
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    status: { MET: 'Met', IN_PROGRESS: 'In progress', NOT_MET: 'Not met', UNAVAILABLE: 'Not in use' } as Record<CriterionStatus, string>,
    audience: { STAFF: 'staff', APPRENTICE: 'apprentices', JOINT: 'joint' } as Record<string, string>,
  },
};

/** The agencies drawn in the chart: at most this many, the largest by apprentices or target. */
export const CHART_AGENCIES = 25;

const header = (cells: string[]): TableCell[] => cells.map((text) => ({ text, style: 'th' }));
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

export function summaryDocument(d: SummaryData, version: number, lang: PdfLanguage, today: string) {
  const t = T[lang];
  const s = d.totals;
  const content: Content[] = [
    { text: t.title(d.year), style: 'h1' },
    { text: t.lead(d.areaName, version), style: 'lead' },
    { text: t.intro(dateText(lang, d.snapshotDate), dateText(lang, d.asOf)), style: 'meta' },
    { text: t.keyFigures, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 110],
        body: [
          header([t.figure, t.value]),
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
      layout: 'lightHorizontalLines',
    },
    { text: t.chartYears, style: 'h3' },
    {
      svg: barChartSvg([
        { label: t.lastYear(d.year - 1), value: s.apprenticesSnapshotLastYear },
        { label: t.thisYear(d.year), value: s.apprenticesSnapshot },
        { label: t.targetSum, value: s.targetSum },
      ]),
      width: 500,
    },
  ];

  // Per agency: a chart of the largest, then every agency in a table.
  const charted = [...d.agencies]
    .sort((a, b) => Math.max(b.snapshot, b.target ?? 0) - Math.max(a.snapshot, a.target ?? 0) || a.name.localeCompare(b.name, 'nb'))
    .slice(0, CHART_AGENCIES);
  // The agency table has eleven columns and names like "Digitaliseringsdirektoratet": landscape
  // pages, so that it fits; the trades go back to portrait on a page of their own.
  content.push({ text: t.perAgency, style: 'h2', pageBreak: 'before', pageOrientation: 'landscape' });
  const note = t.chartAgencies(charted.length, d.agencies.length);
  if (note) content.push({ text: note, style: 'meta' });
  content.push({
    svg: barChartSvg(
      charted.map((a) => ({ label: a.name, value: a.snapshot, mark: a.target })),
      { legend: { value: t.legendValue, mark: t.target } },
    ),
    width: 500,
  });
  content.push({
    table: {
      headerRows: 1,
      widths: ['*', 34, 30, 28, 26, 32, 28, 44, 26, 30, 46],
      body: [
        header([t.agency, t.employees, t.prev, t.snap, t.now, t.target, t.gap, t.rule, t.gatheringsShort, t.hoursShort, t.report]),
        ...d.agencies.map((a) => [
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
        [
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
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  });

  content.push({ text: t.perTrade, style: 'h2', pageBreak: 'before', pageOrientation: 'portrait' });
  if (d.trades.length)
    content.push({
      svg: barChartSvg(
        d.trades.map((x) => ({ label: lang === 'en' ? x.nameEn : x.nameNb, value: x.snapshot, mark: x.target })),
        { legend: { value: t.legendValue, mark: t.target }, colour: '#06893a' },
      ),
      width: 500,
    });
  content.push({
    table: {
      headerRows: 1,
      widths: ['*', 50, 50, 50, 50],
      body: [
        header([t.trade, t.prev, t.snap, t.now, t.target]),
        ...d.trades.map((x) => [
          lang === 'en' ? x.nameEn : x.nameNb,
          String(x.snapshotLastYear),
          String(x.snapshot),
          String(x.now),
          x.target === null ? '–' : String(x.target),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });

  content.push({ text: t.gatheringsTitle, style: 'h2' });
  if (d.gatherings.length)
    content.push({
      table: {
        headerRows: 1,
        widths: [100, '*', 60, 60],
        body: [
          header([t.date, t.gathering, t.people, t.agencies]),
          ...d.gatherings.map((g) => [
            dateText(lang, g.date),
            `${g.title} (${t.audience[g.audience] ?? g.audience})`,
            String(g.participants),
            String(g.agencies),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  else content.push({ text: t.noGatherings });
  if (d.criteria.length) {
    content.push({ text: t.criteria, style: 'h3' });
    content.push({
      ul: d.criteria.map((c) => ({
        text: [
          { text: `${lang === 'en' ? (c.labelEn ?? c.label) : c.label}: `, bold: true },
          `${t.status[c.status]}${c.status === CriterionStatus.UNAVAILABLE ? '' : ` (${c.value} ${t.of} ${c.required})`}`,
          c.missing.length ? `. ${t.missing}: ${c.missing.map((m) => m.name).join(', ')}` : '',
        ],
      })),
    });
  }

  content.push({ text: t.poolTitle, style: 'h2' });
  content.push({ text: t.poolText(s.poolEvents, s.poolShifts, num(s.poolHours, lang), s.poolHelpers, s.competenceApprentices) });

  // Keeping apprentices and follow-up (left out of versions compiled before they were kept).
  content.push(...apprenticeshipContent(d, lang), ...followUpContent(d, lang));

  content.push({ text: t.narratives, style: 'h2', pageBreak: 'before' });
  for (const n of d.narratives) {
    content.push({ text: `${n.agencyName}${n.submittedLate ? t.lateMark : ''}`, style: 'h3' });
    const parts: [string, string][] = [
      [t.yearInReview, n.yearInReview],
      [t.whatWorked, n.whatWorked],
      [t.challenges, n.challenges],
      [t.nextTrades, [...(lang === 'en' ? n.nextYearTradesEn : n.nextYearTradesNb), n.nextYearTradesNote].filter(Boolean).join('; ')],
      [t.nextTarget, n.targetNextYear === null ? '' : String(n.targetNextYear)],
    ];
    for (const [label, text] of parts) if (text) content.push({ text: [{ text: `${label}: `, bold: true }, text], margin: [0, 0, 0, 3] });
  }
  content.push({ text: t.notReportedTitle, style: 'h2' });
  content.push(d.missing.length ? { ul: d.missing } : { text: t.allReported });

  return houseDocument({
    title: `${t.title(d.year)} – ${d.areaName}`,
    subject: t.title(d.year),
    lang,
    footerLeft: t.generated(dateText(lang, today)),
    page: t.page,
    content,
  });
}

export const renderSummaryPdf = (d: SummaryData, version: number, lang: PdfLanguage, today: string) =>
  renderPdf(summaryDocument(d, version, lang, today));
