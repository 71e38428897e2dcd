/**
 * Renders the summary's two PDFs (bokmål and English) on a worker thread, off the worker's main
 * thread (which writes the workbook meanwhile and goes on with its other jobs), at most
 * PDF_THREADS of them for the whole process (compilations share them). One thread, the two
 * languages one after the other: the flow on pdfkit (common/pdf-flow.ts) draws a 1,000-agency
 * document in ~0.35–0.5 s and holds little more than its pages. Two threads side by side were
 * ~0.3 s faster on two cores (which the workbook also needs) but took the worker's peak from ~330
 * to ~430 MiB, over its 400.
 *
 * A thread's first document is its slowest (pdfkit's code is compiled as it runs, the fonts are
 * read): a 1,000-agency PDF took ~0.4 s longer the first time. So every thread starts by
 * rendering a small made-up summary (summary-pdf.sample.ts) that it throws away, and a worker
 * process that runs compilations keeps one such rehearsed thread from its start
 * (`keepSummaryPdfThreadWarm`): the December compilation, rare as it is, meets a warm thread.
 * After PDF_THREAD_IDLE_MS without work, a thread that rendered real documents is replaced by a
 * fresh rehearsed one (where kept) or stopped, which gives its memory back.
 *
 * The thread runs the bundled summary-pdf-thread.js beside the worker's own bundle. Run from the
 * sources (the tests' in-process worker, ts-jest), there is no bundle: the PDFs are rendered on this
 * thread, one after the other, with the same code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PdfLanguage } from '../../../common/pdf-text';
import type { SummaryData } from './compile-summary.util';
import { renderSummaryPdf } from './summary.pdf';

export const PDF_THREADS = 1;
const PDF_THREAD_IDLE_MS = 120_000;
/**
 * The thread's old generation, capped so that a fault (a runaway document) cannot take the worker's
 * memory with it: a 1,000-agency summary needs a few dozen MiB.
 */
const PDF_THREAD_HEAP_MB = 160;
const THREAD_SCRIPT = join(__dirname, 'summary-pdf-thread.js');

export interface PdfTask {
  id: number;
  /** The summary to render; null: the made-up sample, rendered to warm the thread and thrown away. */
  data: SummaryData | null;
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
  /** Whether it has rendered a real document since it started (then its heap holds that layout's garbage). */
  worked: boolean;
}

export class PdfThreadPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  /** Whether a rehearsed thread is kept while the process runs (a worker process that compiles). */
  private kept = false;

  constructor(
    private readonly script: string,
    private readonly idleMs = PDF_THREAD_IDLE_MS,
  ) {}

  render(data: SummaryData, version: number, lang: PdfLanguage, today: string): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.push({ task: { id: this.nextId++, data, version, lang, today }, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts the threads now (they rehearse while the compilation gathers its figures), unless running. */
  warm() {
    while (this.slots.length < PDF_THREADS) this.start();
    this.dispatch();
  }

  /** Keeps rehearsed threads ready from now on. */
  keep() {
    this.kept = true;
    this.warm();
  }

  private dispatch() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    while (this.waiting.length) {
      // A thread just started is busy with its rehearsal: the document waits for it.
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < PDF_THREADS ? this.start() : null);
      if (!slot || slot.busy) return;
      const p = this.waiting.shift() as Pending;
      slot.busy = p;
      slot.worked = true;
      slot.worker.postMessage(p.task);
    }
    if (this.slots.every((s) => !s.busy) && this.slots.some((s) => s.worked || !this.kept))
      this.idle = setTimeout(() => this.rest(), this.idleMs).unref();
  }

  private start(): Slot {
    const slot: Slot = {
      worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: PDF_THREAD_HEAP_MB } }),
      busy: null,
      worked: false,
    };
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
      // One that dies rehearsing would die on the documents too: they fail now, rather than start thread after thread.
      if (p?.task.data === null) for (const w of this.waiting.splice(0)) w.reject(e);
      this.dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`The PDF thread stopped (exit ${code})`));
    });
    this.slots.push(slot);
    // Its first work is the rehearsal; a real document waits for it (it is short) and then runs warm.
    const done = () => undefined;
    slot.busy = { task: { id: this.nextId++, data: null, version: 1, lang: 'nb', today: '2026-12-10' }, resolve: done, reject: done };
    slot.worker.postMessage(slot.busy.task);
    return slot;
  }

  /** Idle: threads that rendered real documents go (their memory with them); where kept, fresh ones take their place. */
  private rest() {
    this.idle = null;
    if (this.slots.some((s) => s.busy)) return;
    for (const slot of this.slots.splice(0)) {
      if (this.kept && !slot.worked) this.slots.push(slot);
      else void slot.worker.terminate();
    }
    if (this.kept) this.warm();
  }

  /** Stops every thread now (a test's end); documents still rendering fail. */
  async close() {
    this.kept = false;
    if (this.idle) clearTimeout(this.idle);
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}

let pool: PdfThreadPool | null | undefined;

function threads(): PdfThreadPool | null {
  if (pool === undefined) pool = existsSync(THREAD_SCRIPT) ? new PdfThreadPool(THREAD_SCRIPT) : null;
  return pool;
}

/** At the start of a compilation: the PDF thread starts and rehearses while the figures are gathered, unless running. */
export function warmSummaryPdfThreads(): void {
  threads()?.warm();
}

/** In a process that runs compilations, from its start: a rehearsed PDF thread is kept ready. */
export function keepSummaryPdfThreadWarm(): void {
  threads()?.keep();
}

/** The summary's PDFs in both languages: on the thread where the bundle has it. */
export async function renderSummaryPdfs(data: SummaryData, version: number, today: string): Promise<{ nb: Buffer; en: Buffer }> {
  const pool = threads();
  if (!pool) return { nb: await renderSummaryPdf(data, version, 'nb', today), en: await renderSummaryPdf(data, version, 'en', today) };
  const [nb, en] = await Promise.all([pool.render(data, version, 'nb', today), pool.render(data, version, 'en', today)]);
  return { nb, en };
}
