/**
 * Renders the summary's two PDFs (bokmål and English) on a worker thread, off the worker's main
 * thread (which writes the workbook meanwhile and goes on with its other jobs), at most
 * PDF_THREADS of them for the whole process (compilations share them), so that memory stays
 * bounded: each thread holds one document's layout while it renders, and a 1,000-agency layout is
 * about 100 MiB. One thread, the two languages one after the other: two side by side were ~20 %
 * faster on two free cores but took the worker from ~370 to ~500 MiB at its peak. Threads are
 * started on the first compilation and kept while compilations come (their compiled code stays
 * warm), then stopped after PDF_THREAD_IDLE_MS without work, giving their memory back.
 *
 * The thread runs the bundled summary-pdf-thread.js beside the worker's own bundle. Run from the
 * sources (the tests' in-process worker, ts-jest), there is no bundle: the PDFs are rendered on this
 * thread, one after the other, with the same code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PdfLanguage } from '../../../common/pdf';
import type { SummaryData } from './compile-summary.util';
import { renderSummaryPdf } from './summary.pdf';

export const PDF_THREADS = 1;
const PDF_THREAD_IDLE_MS = 120_000;
/**
 * Each thread's old generation, capped so that two layouts side by side keep the worker's peak
 * bounded: a 1,000-agency document needs about 100 MiB live (it fails at 96), and a cap makes V8
 * collect earlier instead of letting the heap grow.
 */
const PDF_THREAD_HEAP_MB = 160;
const THREAD_SCRIPT = join(__dirname, 'summary-pdf-thread.js');

export interface PdfTask {
  id: number;
  data: SummaryData;
  version: number;
  lang: PdfLanguage;
  today: string;
}
export type PdfTaskResult = { id: number; pdf: ArrayBuffer; error?: undefined } | { id: number; pdf?: undefined; error: string };

interface Pending {
  task: PdfTask;
  resolve: (pdf: Buffer) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  busy: Pending | null;
}

class PdfThreadPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly script: string) {}

  render(data: SummaryData, version: number, lang: PdfLanguage, today: string): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.push({ task: { id: this.nextId++, data, version, lang, today }, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts the threads now (they load pdfmake while the compilation gathers its figures), unless running. */
  warm() {
    while (this.slots.length < PDF_THREADS) this.start();
    this.dispatch();
  }

  private dispatch() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    while (this.waiting.length) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < PDF_THREADS ? this.start() : null);
      if (!slot) return;
      const p = this.waiting.shift() as Pending;
      slot.busy = p;
      slot.worker.postMessage(p.task);
    }
    if (this.slots.every((s) => !s.busy)) this.idle = setTimeout(() => this.stopAll(), PDF_THREAD_IDLE_MS).unref();
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: PDF_THREAD_HEAP_MB } }), busy: null };
    // A thread waiting for work does not keep the worker process alive.
    slot.worker.unref();
    slot.worker.on('message', (r: PdfTaskResult) => {
      const p = slot.busy;
      slot.busy = null;
      if (p && p.task.id === r.id) {
        if (r.error === undefined) p.resolve(Buffer.from(r.pdf));
        else p.reject(new Error(`Rendering the ${p.task.lang} PDF failed: ${r.error}`));
      }
      this.dispatch();
    });
    // A thread that dies (out of memory, a bug) fails its document; the next one starts afresh.
    const fail = (e: Error) => {
      if (this.slots.includes(slot)) this.slots.splice(this.slots.indexOf(slot), 1);
      const p = slot.busy;
      slot.busy = null;
      p?.reject(e);
      this.dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`The PDF thread stopped (exit ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private stopAll() {
    for (const slot of this.slots.splice(0)) void slot.worker.terminate();
  }
}

let pool: PdfThreadPool | null | undefined;

function threads(): PdfThreadPool | null {
  if (pool === undefined) pool = existsSync(THREAD_SCRIPT) ? new PdfThreadPool(THREAD_SCRIPT) : null;
  return pool;
}

/** At the start of a compilation: the PDF thread starts and loads its code while the figures are gathered. */
export function warmSummaryPdfThreads(): void {
  threads()?.warm();
}

/** The summary's PDFs in both languages: on the thread where the bundle has it. */
export async function renderSummaryPdfs(data: SummaryData, version: number, today: string): Promise<{ nb: Buffer; en: Buffer }> {
  const pool = threads();
  if (!pool) return { nb: await renderSummaryPdf(data, version, 'nb', today), en: await renderSummaryPdf(data, version, 'en', today) };
  const [nb, en] = await Promise.all([pool.render(data, version, 'nb', today), pool.render(data, version, 'en', today)]);
  return { nb, en };
}
