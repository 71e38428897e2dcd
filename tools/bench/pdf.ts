/**
 * PDF benchmark: the December summary's PDF for a made-up area of 1,000 agencies (800 reports),
 * drawn by Lærenett's flow on pdfkit (common/pdf-flow.ts, what the summary uses) and, as the
 * reference, the same blocks laid out by pdfmake as Lærenett patches it (common/pdf.ts, what the
 * summary used before and the action plans and follow-up documents use), alternately (random
 * order per pair) so that both see the same machine. The charts go to pdfmake as tables of their
 * labels and values (a few dozen rows of 2,000). Prints each one's median time, pages and size,
 * and the ratio. Single-threaded with the old generation capped at 160 MiB, as the worker's PDF
 * thread (`npm run bench:pdf` sets it).
 *   npm run bench:pdf [-- --agencies 1000 --pairs 6]
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { arg } from './support';
import { sampleSummary } from '../../apps/api/src/modules/annual-summary/utils/summary-pdf.sample';
import { summaryDocument } from '../../apps/api/src/modules/annual-summary/utils/summary.pdf';
import { Block, Cell, FlowDocument, renderFlow, Runs } from '../../apps/api/src/common/pdf-flow';
import { houseDocument, renderPdf } from '../../apps/api/src/common/pdf';

const AGENCIES = arg('agencies', 1000);
const PAIRS = arg('pairs', 6);

const runs = (r: Runs) =>
  typeof r === 'string' ? r : r.map((x) => (typeof x === 'string' ? x : { text: x.text, bold: x.bold, color: x.color }));
const cell = (c: Cell): TableCell => (typeof c === 'string' ? c : { text: c.text, bold: c.bold, color: c.color });

/** The flow's blocks as pdfmake content, in the house style of common/pdf.ts. */
function asPdfmake(d: FlowDocument) {
  const content: Content[] = d.blocks.map((b): Content => {
    if ('heading' in b)
      return { text: b.heading, style: `h${b.level}`, ...(b.newPage ? { pageBreak: 'before', pageOrientation: b.newPage } : {}) };
    if ('text' in b)
      return { text: runs(b.text), style: b.style === 'body' ? undefined : b.style, margin: [0, b.top ?? 0, 0, b.bottom ?? 0] };
    if ('table' in b)
      return {
        table: {
          headerRows: 1,
          widths: b.table.widths,
          body: [b.table.header.map((h) => ({ text: cell(h) as string, style: 'th' })), ...b.table.rows.map((r) => r.map(cell))],
        },
        layout: 'lightHorizontalLines',
        fontSize: b.table.fontSize,
      };
    if ('bullets' in b) return { ul: b.bullets.map((x) => ({ text: runs(x) })) };
    return {
      table: {
        widths: [170, '*'],
        body: b.chart.map((r: Extract<Block, { chart: unknown }>['chart'][number]) => [r.label, String(r.value)]),
      },
      layout: 'noBorders',
    };
  });
  return houseDocument({ title: d.title, subject: d.subject, lang: d.lang, footerLeft: d.footerLeft, page: d.page, content });
}

const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

async function main() {
  const data = sampleSummary(AGENCIES);
  const ours = (lang: 'nb' | 'en') => renderFlow(summaryDocument(data, 1, lang, '2026-12-10'));
  const theirs = (lang: 'nb' | 'en') => renderPdf(asPdfmake(summaryDocument(data, 1, lang, '2026-12-10')));
  // Both warm: compiled code and fonts, as in the worker's rehearsed thread.
  await ours('nb');
  await theirs('nb');
  const times = { ours: [] as number[], theirs: [] as number[] };
  const files = { ours: { size: 0, pages: 0 }, theirs: { size: 0, pages: 0 } };
  for (let i = 0; i < PAIRS; i++) {
    const lang = i % 2 ? 'en' : 'nb';
    const order = Math.random() < 0.5 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const);
    for (const who of order) {
      const t = performance.now();
      const pdf = await (who === 'ours' ? ours(lang) : theirs(lang));
      times[who].push(performance.now() - t);
      files[who] = { size: pdf.length, pages: pagesOf(pdf) };
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (label: string, who: 'ours' | 'theirs') =>
    console.log(
      `  ${label} median ${median(times[who]).toFixed(0).padStart(5)} ms   ${files[who].pages} pages   ${Math.round(files[who].size / 1024)} KiB`,
    );
  console.log(`Summary PDF, ${data.agencies.length} agencies, ${data.narratives.length} reports; ${PAIRS} pairs, alternately`);
  line('Lærenett (flow on pdfkit)       ', 'ours');
  line('the same blocks by pdfmake      ', 'theirs');
  console.log(`  ratio flow / pdfmake: ${(median(times.ours) / median(times.theirs)).toFixed(2)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
