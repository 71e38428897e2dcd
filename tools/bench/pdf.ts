/**
 * PDF benchmark: the December summary's PDF for a made-up area of 1,000 agencies (800 reports),
 * rendered by pdfmake as Lærenett patches it (common/pdf.ts) and by pdfmake as shipped, loaded
 * afresh in the same process, alternately (random order per pair) so that both see the same
 * machine. Prints each one's median and the ratio. Single-threaded with the old generation capped at
 * 160 MiB, as the worker's PDF thread (`npm run bench:pdf` sets it): a change that only shows
 * under that cap, such as objects turned into dictionaries, shows here.
 *   npm run bench:pdf [-- --agencies 1000 --pairs 6]
 */
import { arg } from './support';
import { sampleSummary } from '../../apps/api/src/modules/annual-summary/utils/summary-pdf.sample';
import { summaryDocument } from '../../apps/api/src/modules/annual-summary/utils/summary.pdf';
import { renderPdf } from '../../apps/api/src/common/pdf';

const AGENCIES = arg('agencies', 1000);
const PAIRS = arg('pairs', 6);

/** pdfmake and pdfkit as their authors ship them: their modules loaded again, without Lærenett's patches. */
function shippedPdfmake() {
  const patched = Object.keys(require.cache).filter((k) => /node_modules\/(pdfmake|pdfkit)\//.test(k));
  const saved = new Map(patched.map((k) => [k, require.cache[k]]));
  for (const k of patched) delete require.cache[k];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fresh: typeof import('pdfmake') = require('pdfmake');
  for (const [k, m] of saved) require.cache[k] = m;
  fresh.setFonts({
    Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
  });
  fresh.setUrlAccessPolicy(() => false);
  fresh.setLocalAccessPolicy((path) => path.startsWith('Helvetica'));
  return fresh;
}

async function main() {
  const data = sampleSummary(AGENCIES);
  const shipped = shippedPdfmake();
  const ours = (lang: 'nb' | 'en') => renderPdf(summaryDocument(data, 1, lang, '2026-12-10'));
  const theirs = (lang: 'nb' | 'en') => {
    const doc = summaryDocument(data, 1, lang, '2026-12-10');
    return shipped.createPdf({ ...doc, content: structuredClone(doc.content) }).getBuffer();
  };
  // Both warm: compiled code and fonts, as in the worker's rehearsed thread.
  await ours('nb');
  await theirs('nb');
  const times = { ours: [] as number[], theirs: [] as number[] };
  const sizes = { ours: 0, theirs: 0 };
  for (let i = 0; i < PAIRS; i++) {
    const lang = i % 2 ? 'en' : 'nb';
    const order = Math.random() < 0.5 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const);
    for (const who of order) {
      const t = performance.now();
      const pdf = await (who === 'ours' ? ours(lang) : theirs(lang));
      times[who].push(performance.now() - t);
      sizes[who] = pdf.length;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pages = data.agencies.length;
  console.log(`Summary PDF, ${pages} agencies, ${data.narratives.length} reports; ${PAIRS} pairs, alternately`);
  console.log(`  Lærenett (patched pdfmake)   median ${median(times.ours).toFixed(0)} ms   ${Math.round(sizes.ours / 1024)} KiB`);
  console.log(`  pdfmake as shipped           median ${median(times.theirs).toFixed(0)} ms   ${Math.round(sizes.theirs / 1024)} KiB`);
  console.log(`  ratio Lærenett / shipped: ${(median(times.ours) / median(times.theirs)).toFixed(2)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
