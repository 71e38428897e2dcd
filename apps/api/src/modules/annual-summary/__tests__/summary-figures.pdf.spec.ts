import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CellDisclosure } from '@laerenett/shared-domain';
import { publishTable } from '../../follow-up/figures.service';
import type { SummaryData } from '../utils/compile-summary.util';
import { apprenticeshipContent, cellText, followUpContent } from '../utils/summary-figures.pdf';
import { renderSummaryPdf } from '../utils/summary.pdf';

const zero = { underContract: 0, assessmentsOnTime: 0, openInterruptions: 0, tradeTestsPassed: 0, completions: 0 };
/** A version as compiled before the apprenticeships' figures and the follow-up counts were kept. */
const before: SummaryData = {
  areaName: 'Testområdet',
  year: 2026,
  asOf: '2026-12-10',
  snapshotDate: '2026-10-01',
  threshold: 75,
  totals: {
    agencies: 0,
    reportsExpected: 0,
    agenciesReported: 0,
    apprenticesSnapshot: 0,
    apprenticesSnapshotLastYear: 0,
    changeFromLastYear: 0,
    changePercent: null,
    apprenticesNow: 0,
    targetSum: 0,
    agenciesWithTarget: 0,
    agenciesMeetingTarget: 0,
    trades: 0,
    agenciesRuleApplies: 0,
    agenciesBreakingRule: 0,
    gatheringsHeld: 0,
    gatheringParticipants: 0,
    agenciesAtGatherings: 0,
    poolEvents: 0,
    poolShifts: 0,
    poolHours: 0,
    poolHelpers: 0,
    competenceApprentices: 0,
    targetNextYearSum: 0,
  },
  agencies: [],
  trades: [],
  gatherings: [],
  criteria: [],
  narratives: [],
  missing: [],
};
const phases = ['FIRST_THREE_MONTHS', 'LATER'];
const now: SummaryData = {
  ...before,
  apprenticeship: {
    areaId: 'a',
    year: 2026,
    asOf: '2026-12-10',
    agencies: [{ agencyId: 'x', agencyName: 'Etaten', ...zero, underContract: 12, tradeTestsPassed: 3 }],
    total: { agencyId: null, agencyName: '', ...zero, underContract: 12, tradeTestsPassed: 3 },
  },
  followUp: {
    areaId: 'a',
    year: 2026,
    asOf: '2026-12-10',
    openCases: { count: null, disclosure: CellDisclosure.UNDER_THRESHOLD },
    terminations: publishTable(['WORK_ENVIRONMENT', 'OTHER'], phases, [
      [1, 9],
      [6, 8],
    ]),
    afterwards: publishTable(['SCHOOL'], phases, [[1, 2]]),
    outcomes: publishTable(['2026'], ['RESOLVED', 'TERMINATED'], [[2, 3]]),
  },
};

const pdfText = async (d: SummaryData, lang: 'nb' | 'en') => {
  const file = join(mkdtempSync(join(tmpdir(), 'summary-figures-')), `${lang}.pdf`);
  writeFileSync(file, await renderSummaryPdf(d, 1, lang, '2026-12-10'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe("the summary's sections on keeping apprentices and on follow-up", () => {
  it('prints a published count as it is published: the number, "under 5" in both languages, or hidden', () => {
    expect(cellText({ count: 7, disclosure: CellDisclosure.SHOWN }, 'nb')).toBe('7');
    expect(cellText({ count: null, disclosure: CellDisclosure.UNDER_THRESHOLD }, 'nb')).toBe('under 5');
    expect(cellText({ count: null, disclosure: CellDisclosure.UNDER_THRESHOLD }, 'en')).toBe('under 5');
    expect(cellText({ count: null, disclosure: CellDisclosure.HIDDEN }, 'nb')).toBe('skjult');
    expect(cellText({ count: null, disclosure: CellDisclosure.HIDDEN }, 'en')).toBe('hidden');
    expect(cellText(null, 'nb')).toBe('');
  });

  it('leaves both sections out of a version compiled before they were kept, and the PDF still renders', async () => {
    expect(apprenticeshipContent(before, 'nb')).toEqual([]);
    expect(followUpContent(before, 'en')).toEqual([]);
    const nb = await pdfText(before, 'nb');
    expect(nb).toContain('Årsoppsummering 2026');
    expect(nb).not.toContain('Læreforholdene');
  });

  it('prints the open cases and every table with "under 5", in bokmål and English', async () => {
    const nb = await pdfText(now, 'nb');
    expect(nb).toMatch(/Åpne saker per 10\. desember 2026: under 5/);
    expect(nb).toMatch(/Beståtte fag- og kompetanseprøver i 2026\s+3/);
    expect(nb).toMatch(/Arbeidsmiljø\s+under 5/);
    const en = await pdfText(now, 'en');
    expect(en).toMatch(/Open cases on 10 December 2026: under 5/);
    expect(en).toMatch(/Work environment\s+under 5/);
    expect(en).toMatch(/2026\s+under 5\s+under 5/);
  }, 30_000);
});
