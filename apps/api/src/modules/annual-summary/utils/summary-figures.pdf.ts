/**
 * The summary's sections on keeping apprentices and on follow-up, for the PDF: the apprenticeship
 * module's figures per agency, and the follow-up module's counts printed as published (a count,
 * "under 5" or hidden; nothing here works a count out again). Versions compiled before these
 * figures were kept have neither: then the sections are left out.
 */
import {
  AFTER_TERMINATION_LABELS,
  Bilingual,
  CellDisclosure,
  cellDisclosureText,
  TERMINATION_CAUSE_LABELS,
  TERMINATION_PHASE_LABELS,
} from '@laerenett/shared-domain';
import type { Block, Cell as PdfCell } from '../../../common/pdf-flow';
import { dateText, PdfLanguage } from '../../../common/pdf-text';
import type { SummaryData } from './compile-summary.util';

type FollowUp = NonNullable<SummaryData['followUp']>;
type Table = FollowUp['terminations'];
type Cell = Table['total'];

/** The outcomes of closed cases (the outcome table's columns). */
export const OUTCOME_LABELS: Record<string, Bilingual> = {
  RESOLVED: { nb: 'Løst', en: 'Resolved' },
  TERMINATED: { nb: 'Hevet', en: 'Terminated' },
};

const T = {
  nb: {
    apprenticeship: 'Læreforholdene',
    apprenticeshipIntro: (asOf: string, y: number) =>
      `Bare tall, ingen navn: kontrakter, samtaler og avbrudd per ${asOf}, prøver og fullførte kontrakter i ${y}.`,
    figure: 'Tall',
    value: 'Verdi',
    underContract: (d: string) => `Lærlinger og lærekandidater under kontrakt per ${d}`,
    onTime: 'Av dem: oppstartsamtale og vurderinger i rute',
    of: (a: number, b: number) => `${a} av ${b}`,
    interruptions: 'Pågående avbrudd',
    testsPassed: (y: number) => `Beståtte fag- og kompetanseprøver i ${y}`,
    completed: (y: number) => `Kontrakter fullført i ${y}`,
    agencies: 'Virksomheter med læreforhold',
    perAgency: 'Tallene for hver virksomhet står i regnearket og på nettsiden.',
    total: 'Sum',
    overall: 'I alt',
    followUp: 'Oppfølging ved utfordringer i læreforholdet',
    followUpIntro: (y: number) =>
      `Antall saker i departementsområdet i ${y}, uten navn. Tall under 5 vises som «under 5», og andre tall skjules der et lite tall ellers kunne regnes ut.`,
    openCases: (d: string) => `Åpne saker per ${d}`,
    terminations: 'Hevinger etter årsak og fase',
    afterwards: 'Hevinger etter hva lærlingen gikk videre til',
    outcomes: 'Avsluttede saker per år',
    cause: 'Årsak',
    after: 'Gikk videre til',
    closed: 'Avsluttet',
  },
  en: {
    apprenticeship: 'The apprenticeships',
    apprenticeshipIntro: (asOf: string, y: number) =>
      `Figures only, no names: contracts, talks and interruptions on ${asOf}, tests and completed contracts in ${y}.`,
    figure: 'Figure',
    value: 'Value',
    underContract: (d: string) => `Apprentices and training candidates under contract on ${d}`,
    onTime: 'Of those: start-up talk and assessments on time',
    of: (a: number, b: number) => `${a} of ${b}`,
    interruptions: 'Ongoing interruptions',
    testsPassed: (y: number) => `Trade and competence tests passed in ${y}`,
    completed: (y: number) => `Contracts completed in ${y}`,
    agencies: 'Agencies with apprenticeships',
    perAgency: "Each agency's figures are in the workbook and on the web page.",
    total: 'Total',
    overall: 'In all',
    followUp: 'Follow-up when an apprenticeship runs into trouble',
    followUpIntro: (y: number) =>
      `The area's cases in ${y}, without names. Counts under 5 are shown as "under 5", and other counts are hidden where a small one could otherwise be worked out.`,
    openCases: (d: string) => `Open cases on ${d}`,
    terminations: 'Terminations by cause and phase',
    afterwards: 'Terminations by what the apprentice went on to',
    outcomes: 'Closed cases per year',
    cause: 'Cause',
    after: 'Went on to',
    closed: 'Closed',
  },
};

/** A published cell as printed: its count, or "under 5" / hidden in the document's language; '' where it is not published. */
export function cellText(c: Cell | null | undefined, lang: PdfLanguage): string {
  if (!c) return '';
  if (c.disclosure === CellDisclosure.SHOWN) return String(c.count);
  return cellDisclosureText(c.disclosure)[lang];
}

/**
 * Keeping apprentices: the area's totals. Each agency's counts are in the workbook and on the web
 * page; a table of every agency here would lengthen the PDF by a third at 1,000 agencies.
 */
export function apprenticeshipContent(d: SummaryData, lang: PdfLanguage): Block[] {
  const f = d.apprenticeship;
  if (!f) return [];
  const t = T[lang];
  const s = f.total;
  return [
    { heading: t.apprenticeship, level: 2, newPage: 'portrait' },
    { text: t.apprenticeshipIntro(dateText(lang, f.asOf), f.year), style: 'meta' },
    {
      table: {
        widths: ['*', 110],
        header: [t.figure, t.value],
        right: [1],
        rows: [
          [t.underContract(dateText(lang, f.asOf)), String(s.underContract)],
          [t.onTime, t.of(s.assessmentsOnTime, s.underContract)],
          [t.interruptions, String(s.openInterruptions)],
          [t.testsPassed(f.year), String(s.tradeTestsPassed)],
          [t.completed(f.year), String(s.completions)],
          [t.agencies, String(f.agencies.length)],
        ],
      },
    },
    { text: t.perAgency, style: 'meta', top: 4 },
  ];
}

/** One published table: its rows and columns under their labels, the totals where they are published. */
function figureTable(
  table: Table,
  title: string,
  rowHeader: string,
  rowLabel: (key: string) => string,
  columnLabel: (key: string) => string,
  lang: PdfLanguage,
): Block[] {
  const t = T[lang];
  const rowTotals = table.rows.some((r) => r.total);
  const widths: (number | '*')[] = ['*', ...table.columns.map(() => 80), ...(rowTotals ? [50] : [])];
  const rows: PdfCell[][] = [
    ...table.rows.map((r) => [rowLabel(r.key), ...r.cells.map((c) => cellText(c, lang)), ...(rowTotals ? [cellText(r.total, lang)] : [])]),
    [
      { text: t.total, bold: true },
      ...table.columns.map((_, j) => cellText(table.columnTotals?.[j], lang)),
      ...(rowTotals ? [cellText(table.total, lang)] : []),
    ],
  ];
  return [
    { heading: title, level: 3 },
    {
      table: {
        widths,
        header: [rowHeader, ...table.columns.map(columnLabel), ...(rowTotals ? [t.total] : [])],
        right: widths.map((_, i) => i).slice(1),
        rows,
        fontSize: 9,
      },
    },
    // Without a column of row totals, the table's grand total goes under it (the Sum row sums each column).
    ...(rowTotals ? [] : [{ text: `${t.overall}: ${cellText(table.total, lang)}`, top: 3 } as Block]),
  ];
}

/** Follow-up: the open cases and the three tables, exactly as the follow-up module published them. */
export function followUpContent(d: SummaryData, lang: PdfLanguage): Block[] {
  const f = d.followUp;
  if (!f) return [];
  const t = T[lang];
  const label = (labels: Record<string, Bilingual>) => (k: string) => labels[k]?.[lang] ?? k;
  const phase = label(TERMINATION_PHASE_LABELS);
  return [
    { heading: t.followUp, level: 2 },
    { text: t.followUpIntro(f.year), style: 'meta' },
    { text: [`${t.openCases(dateText(lang, f.asOf))}: `, { text: cellText(f.openCases, lang), bold: true }] },
    ...figureTable(f.terminations, t.terminations, t.cause, label(TERMINATION_CAUSE_LABELS), phase, lang),
    ...figureTable(f.afterwards, t.afterwards, t.after, label(AFTER_TERMINATION_LABELS), phase, lang),
    ...figureTable(f.outcomes, t.outcomes, t.closed, (k) => k, label(OUTCOME_LABELS), lang),
  ];
}
