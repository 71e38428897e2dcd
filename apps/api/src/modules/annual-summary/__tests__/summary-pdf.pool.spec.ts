import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfThreadPool } from '../utils/summary-pdf.pool';
import { sampleSummary } from '../utils/summary-pdf.sample';
import { renderSummaryPdf } from '../utils/summary.pdf';

/**
 * A stand-in for the bundled PDF thread, in plain JavaScript: it answers each task with the
 * thread's id and every task it has had so far ("sample" for the rehearsal, else the area and
 * language), so the test sees what each thread rendered, and in which order.
 */
const THREAD = `
const { parentPort, threadId } = require('node:worker_threads');
const seen = [];
parentPort.on('message', (task) => {
  seen.push(task.data ? task.data.areaName + ':' + task.lang : 'sample');
  const bytes = new TextEncoder().encode(JSON.stringify({ threadId, seen })).buffer;
  setTimeout(() => parentPort.postMessage({ id: task.id, pdf: bytes }, [bytes]), 20);
});
`;
const summary = { ...sampleSummary(3), areaName: 'Området' };
const answer = (pdf: Buffer) => JSON.parse(pdf.toString()) as { threadId: number; seen: string[] };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PdfThreadPool', () => {
  const script = join(mkdtempSync(join(tmpdir(), 'pdf-thread-')), 'thread.js');
  writeFileSync(script, THREAD);
  let pool: PdfThreadPool;
  afterEach(() => pool.close());

  it('rehearses each thread it starts before its first real document', async () => {
    pool = new PdfThreadPool(script, 60_000);
    const nb = answer(await pool.render(summary, 1, 'nb', '2026-12-10'));
    const en = answer(await pool.render(summary, 1, 'en', '2026-12-10'));
    expect(nb.seen).toEqual(['sample', 'Området:nb']);
    expect(en).toEqual({ threadId: nb.threadId, seen: ['sample', 'Området:nb', 'Området:en'] });
  });

  it('keeps a rehearsed thread while idle, and replaces one that rendered real documents by a fresh rehearsed one', async () => {
    pool = new PdfThreadPool(script, 100);
    pool.keep();
    await wait(300);
    // Idle and only rehearsed: the same thread is kept, warm.
    const first = answer(await pool.render(summary, 1, 'nb', '2026-12-10'));
    expect(first.seen).toEqual(['sample', 'Området:nb']);
    await wait(400);
    const second = answer(await pool.render(summary, 1, 'nb', '2026-12-10'));
    expect(second.threadId).not.toBe(first.threadId);
    expect(second.seen).toEqual(['sample', 'Området:nb']);
  });

  it('without being kept, stops its threads once idle and starts a rehearsed one for the next document', async () => {
    pool = new PdfThreadPool(script, 100);
    const first = answer(await pool.render(summary, 1, 'en', '2026-12-10'));
    await wait(300);
    const second = answer(await pool.render(summary, 1, 'en', '2026-12-10'));
    expect(second.threadId).not.toBe(first.threadId);
    expect(second.seen).toEqual(['sample', 'Området:en']);
  });

  it('fails the documents waiting for a thread that dies as it starts, and starts afresh for the next', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'pdf-thread-')), 'thread.js');
    writeFileSync(broken, `throw new Error('pdfkit is missing');`);
    pool = new PdfThreadPool(broken, 60_000);
    await expect(pool.render(summary, 1, 'nb', '2026-12-10')).rejects.toThrow('pdfkit is missing');
    await expect(pool.render(summary, 1, 'en', '2026-12-10')).rejects.toThrow('pdfkit is missing');
  });
});

describe('the rehearsal sample', () => {
  it('renders in both languages with every section a real summary has', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const pdf = await renderSummaryPdf(sampleSummary(), 1, lang, '2026-12-10');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    }
  });
});
