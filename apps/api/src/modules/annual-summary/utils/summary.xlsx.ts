import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AFTER_TERMINATION_LABELS, Bilingual, TERMINATION_CAUSE_LABELS, TERMINATION_PHASE_LABELS } from '@laerenett/shared-domain';
import type { SummaryData } from './compile-summary.util';
import { cellText, OUTCOME_LABELS } from './summary-figures.pdf';

type FollowUp = NonNullable<SummaryData['followUp']>;
type Cell = FollowUp['openCases'] | null | undefined;

/** A published follow-up count: a number where shown, else the text printed for it ("under 5", "skjult"). */
const countOrText = (c: Cell) => (c?.count !== null && c?.count !== undefined ? c.count : cellText(c, 'nb'));

/**
 * The summary's figures as a workbook (Norwegian headings): key figures, one row per agency,
 * one row per trade, the gatherings, and the reports' narratives; then the apprenticeships'
 * figures per agency and the follow-up counts as published (where the version has them).
 * Numbers are numbers, so the sheet can be summed and filtered as it is; a suppressed count is
 * its text ("under 5", "skjult").
 */
export async function renderSummaryXlsx(d: SummaryData, version: number): Promise<Buffer> {
  // Written as a stream: each row is committed as it is added, so the workbook is never whole in memory.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Lærenett';
  wb.title = `Årsoppsummering ${d.year} – ${d.areaName}`;
  /** A sheet with its columns, the heading row bold and frozen. */
  const sheet = (name: string, columns: Partial<ExcelJS.Column>[], heading = true) => {
    const ws = wb.addWorksheet(name, heading ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    ws.columns = columns;
    if (heading) ws.getRow(1).font = { bold: true };
    return ws;
  };
  const add = (ws: ExcelJS.Worksheet, values: unknown, bold = false) => {
    const row = ws.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };

  const s = d.totals;
  const key = sheet('Nøkkeltall', [
    { header: 'Tall', key: 'k', width: 52 },
    { header: 'Verdi', key: 'v', width: 14 },
  ]);
  const rows: [string, number | string | null][] = [
    ['Departementsområde', d.areaName],
    ['År', d.year],
    ['Versjon', version],
    [`Lærlinger 1. oktober ${d.year}`, s.apprenticesSnapshot],
    [`Lærlinger 1. oktober ${d.year - 1}`, s.apprenticesSnapshotLastYear],
    ['Endring fra i fjor', s.changeFromLastYear],
    ['Endring i prosent', s.changePercent],
    [`Lærlinger per ${d.asOf}`, s.apprenticesNow],
    ['Sum måltall', s.targetSum],
    ['Virksomheter med måltall', s.agenciesWithTarget],
    ['Virksomheter som har nådd måltallet', s.agenciesMeetingTarget],
    [`Virksomheter med over ${d.threshold} ansatte`, s.agenciesRuleApplies],
    ['Virksomheter som ikke oppfyller minimumskravet', s.agenciesBreakingRule],
    ['Lærefag i bruk', s.trades],
    ['Nettverkssamlinger holdt', s.gatheringsHeld],
    ['Deltakere på samlingene', s.gatheringParticipants],
    ['Arrangementer i poolen', s.poolEvents],
    ['Vakter lærlinger hjalp til på', s.poolShifts],
    ['Timer lærlinger hjalp til', s.poolHours],
    ['Kompetanselærlinger', s.competenceApprentices],
    ['Virksomheter', s.agencies],
    ['Virksomheter som skal rapportere', s.reportsExpected],
    ['Rapporter levert', s.agenciesReported],
    ['Sum måltall neste år', s.targetNextYearSum],
  ];
  for (const [k, v] of rows) add(key, { k, v });
  key.commit();

  const ag = sheet('Virksomheter', [
    { header: 'Virksomhet', key: 'name', width: 44 },
    { header: 'Ansatte', key: 'employees', width: 10 },
    { header: `Lærlinger 1.10.${d.year - 1}`, key: 'snapshotLastYear', width: 16 },
    { header: `Lærlinger 1.10.${d.year}`, key: 'snapshot', width: 16 },
    { header: 'Lærlinger nå', key: 'now', width: 12 },
    { header: 'Måltall', key: 'target', width: 10 },
    { header: 'Avvik fra måltall', key: 'gap', width: 16 },
    { header: 'Omfattet av minimumskravet', key: 'ruleApplies', width: 24 },
    { header: 'Oppfyller minimumskravet', key: 'meetsRule', width: 24 },
    { header: 'Lærefag', key: 'trades', width: 10 },
    { header: 'Samlinger deltatt', key: 'gatheringsAttended', width: 16 },
    { header: 'Deltakere', key: 'participants', width: 10 },
    { header: 'Arrangementer i poolen', key: 'poolEventsHosted', width: 20 },
    { header: 'Vakter i poolen', key: 'poolShifts', width: 14 },
    { header: 'Timer i poolen', key: 'poolHours', width: 14 },
    { header: 'Kompetanselærlinger', key: 'competenceApprentices', width: 18 },
    { header: 'Rapport levert', key: 'reported', width: 14 },
    { header: 'Levert etter fristen', key: 'submittedLate', width: 18 },
    { header: 'Måltall neste år', key: 'targetNextYear', width: 16 },
  ]);
  const yesNo = (b: boolean) => (b ? 'Ja' : 'Nei');
  // As in the PDF: whether an agency meets the rule is asked only where the rule applies.
  for (const a of d.agencies)
    add(ag, {
      ...a,
      ruleApplies: yesNo(a.ruleApplies),
      meetsRule: a.ruleApplies ? yesNo(a.meetsRule) : '–',
      reported: yesNo(a.reported),
      submittedLate: yesNo(a.submittedLate),
    });
  ag.commit();

  const tr = sheet('Lærefag', [
    { header: 'Lærefag', key: 'nameNb', width: 40 },
    { header: `Lærlinger 1.10.${d.year - 1}`, key: 'snapshotLastYear', width: 16 },
    { header: `Lærlinger 1.10.${d.year}`, key: 'snapshot', width: 16 },
    { header: 'Lærlinger nå', key: 'now', width: 12 },
    { header: 'Måltall', key: 'target', width: 10 },
  ]);
  for (const x of d.trades) add(tr, x);
  tr.commit();

  const ga = sheet('Samlinger', [
    { header: 'Dato', key: 'date', width: 12 },
    { header: 'Samling', key: 'title', width: 40 },
    { header: 'Deltakere', key: 'participants', width: 10 },
    { header: 'Virksomheter', key: 'agencies', width: 12 },
  ]);
  for (const g of d.gatherings) add(ga, g);
  ga.commit();

  const na = sheet('Rapporter', [
    { header: 'Virksomhet', key: 'agencyName', width: 36 },
    { header: 'Året som gikk', key: 'yearInReview', width: 60 },
    { header: 'Dette fungerte', key: 'whatWorked', width: 60 },
    { header: 'Utfordringer', key: 'challenges', width: 60 },
    { header: 'Lærefag vurdert for neste år', key: 'trades', width: 40 },
    { header: 'Måltall neste år', key: 'targetNextYear', width: 16 },
  ]);
  for (const n of d.narratives) add(na, { ...n, trades: [...n.nextYearTradesNb, n.nextYearTradesNote].filter(Boolean).join('; ') });
  na.commit();

  const ap = d.apprenticeship;
  if (ap) {
    const ws = sheet('Læreforhold', [
      { header: 'Virksomhet', key: 'agencyName', width: 44 },
      { header: `Under kontrakt per ${ap.asOf}`, key: 'underContract', width: 22 },
      { header: 'Samtaler i rute', key: 'assessmentsOnTime', width: 16 },
      { header: 'Pågående avbrudd', key: 'openInterruptions', width: 18 },
      { header: `Beståtte prøver ${ap.year}`, key: 'tradeTestsPassed', width: 20 },
      { header: `Fullført ${ap.year}`, key: 'completions', width: 14 },
    ]);
    for (const a of ap.agencies) add(ws, a);
    add(ws, { ...ap.total, agencyName: 'Sum' }, true);
    ws.commit();
  }

  const fu = d.followUp;
  if (fu) {
    const ws = sheet('Oppfølging', [{ width: 44 }, { width: 24 }, { width: 16 }, { width: 12 }], false);
    add(ws, [`Oppfølging ${fu.year}: tall under 5 vises som «under 5», og andre tall skjules der et lite tall ellers kunne regnes ut.`]);
    add(ws, [`Åpne saker per ${fu.asOf}`, countOrText(fu.openCases)]);
    const label = (labels: Record<string, Bilingual>) => (k: string) => labels[k]?.nb ?? k;
    const phase = label(TERMINATION_PHASE_LABELS);
    const table = (title: string, t: FollowUp['terminations'], rowLabel: (k: string) => string, columnLabel: (k: string) => string) => {
      add(ws, []);
      add(ws, [title, ...t.columns.map(columnLabel), 'Sum'], true);
      for (const r of t.rows) add(ws, [rowLabel(r.key), ...r.cells.map(countOrText), r.total ? countOrText(r.total) : '']);
      add(ws, ['Sum', ...t.columns.map((_, j) => (t.columnTotals ? countOrText(t.columnTotals[j]) : '')), countOrText(t.total)]);
    };
    table('Hevinger etter årsak og fase', fu.terminations, label(TERMINATION_CAUSE_LABELS), phase);
    table('Hevinger etter hva lærlingen gikk videre til', fu.afterwards, label(AFTER_TERMINATION_LABELS), phase);
    table('Avsluttede saker per år', fu.outcomes, (k) => k, label(OUTCOME_LABELS));
  }

  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
