/**
 * The summary's PDF rendered on a worker thread (bundled as its own entry, summary-pdf-thread.js):
 * the two languages are laid out one after the other, off the worker's main thread, which
 * stays free for the workbook, the queue's heartbeats and the compilation's progress. A task
 * without data is the pool's rehearsal: the made-up sample, rendered to warm the code.
 */
import { parentPort } from 'node:worker_threads';
import { renderSummaryPdf } from './summary.pdf';
import { sampleSummary } from './summary-pdf.sample';
import type { PdfTask, PdfTaskResult } from './summary-pdf.pool';

parentPort?.on('message', (task: PdfTask) => {
  renderSummaryPdf(task.data ?? sampleSummary(), task.version, task.lang, task.today).then(
    (pdf) => {
      // The bytes move to the main thread without a copy.
      const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
      parentPort?.postMessage({ id: task.id, pdf: bytes } satisfies PdfTaskResult, [bytes]);
    },
    (e: unknown) =>
      parentPort?.postMessage({ id: task.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies PdfTaskResult),
  );
});
