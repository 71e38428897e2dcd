import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { todayInOslo } from '../../common/time';
import { AppConfig } from '../../config/config';
import { CompilationStatus, SummaryCompilationEntity } from './entities/summary-compilation.entity';
import { SummaryVersionEntity } from './entities/summary-version.entity';
import { lockAreaYear } from './summary-compilations.service';
import { SummaryFactsService } from './summary-facts.service';
import { compileSummary, SummaryData } from './utils/compile-summary.util';
import { renderSummaryPdfs, warmSummaryPdfThreads } from './utils/summary-pdf.pool';
import { renderSummaryXlsx } from './utils/summary.xlsx';

export interface StageTimes {
  collect: number;
  agencies: number;
  pdf: number;
  xlsx: number;
  save: number;
}

/**
 * Compiles an area's December summary: reads the facts (`SummaryFactsService`), builds
 * the figures agency by agency, renders the PDFs and the workbook, and saves the version in one
 * transaction. Progress goes to the compilation's row as it runs. A job that runs again (a worker
 * killed mid-way) builds from the start; a compilation that already has its version is left as it is.
 */
@Injectable()
export class SummaryCompilerService {
  private readonly logger = new Logger('AnnualSummary');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly facts: SummaryFactsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Runs one compilation to its version. Returns the version's id and the time each stage took. */
  async run(
    compilationId: string,
    onProgress: (percent: number) => Promise<void> = async () => undefined,
  ): Promise<{ versionId: string; times: StageTimes } | null> {
    const repo = this.ds.getRepository(SummaryCompilationEntity);
    const c = await repo.findOne({ where: { id: compilationId } });
    if (!c) return null;
    if (c.versionId) return { versionId: c.versionId, times: { collect: 0, agencies: 0, pdf: 0, xlsx: 0, save: 0 } };
    await repo.update(
      { id: c.id },
      {
        status: CompilationStatus.RUNNING,
        step: 'collect',
        done: 0,
        total: 0,
        currentItem: '',
        startedAt: this.clock.now(),
        attempts: () => 'attempts + 1',
        error: '',
      },
    );
    await onProgress(5);
    const times: StageTimes = { collect: 0, agencies: 0, pdf: 0, xlsx: 0, save: 0 };
    let t0 = performance.now();
    const lap = (stage: keyof StageTimes) => {
      const t = performance.now();
      times[stage] = Math.round(t - t0);
      t0 = t;
    };

    warmSummaryPdfThreads();
    const today = todayInOslo(this.clock.now());
    const facts = await this.facts.facts(c.areaId, c.year, today);
    lap('collect');

    // Per agency, with progress written at most every 200 ms (and at the end).
    const pause = this.config.app.summaryCompilePauseMs;
    let lastWrite = 0;
    const data: SummaryData = await compileSummary(facts, async (done, total, name) => {
      if (pause) await new Promise((r) => setTimeout(r, pause));
      const now = performance.now();
      if (done === total || now - lastWrite > 200 || pause) {
        lastWrite = now;
        await repo.update({ id: c.id }, { step: 'agencies', done, total, currentItem: name.slice(0, 200) });
        await onProgress(Math.round(5 + (65 * done) / Math.max(1, total)));
      }
    });
    lap('agencies');

    const [{ next }]: { next: number }[] = await this.ds.query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM summary_version WHERE area_id = $1 AND year = $2`,
      [c.areaId, c.year],
    );
    await repo.update({ id: c.id }, { step: 'pdf', currentItem: '' });
    await onProgress(75);
    // The two PDFs render on a thread; the workbook is written here meanwhile. Each
    // stage's time is its own, from the start of the files (so they overlap).
    const filesStarted = performance.now();
    const since = () => Math.round(performance.now() - filesStarted);
    const [{ nb: pdfNb, en: pdfEn }, xlsx] = await Promise.all([
      renderSummaryPdfs(data, next, today).then(async (pdfs) => {
        times.pdf = since();
        await repo.update({ id: c.id }, { step: 'xlsx' });
        await onProgress(90);
        return pdfs;
      }),
      renderSummaryXlsx(data, next).then((file) => ((times.xlsx = since()), file)),
    ]);
    t0 = performance.now();

    await repo.update({ id: c.id }, { step: 'save' });
    const versionId = await this.ds.transaction(async (m) => {
      // Versions of an area and year are numbered one at a time.
      await lockAreaYear(m, c.areaId, c.year);
      const existing = await m.findOne(SummaryVersionEntity, { where: { compilationId: c.id } });
      if (existing) return existing.id;
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT coalesce(max(version), 0) + 1 AS n FROM summary_version WHERE area_id = $1 AND year = $2`,
        [c.areaId, c.year],
      );
      // Another compilation took the number the files were made with: build again with the next one.
      if (n !== next) throw new Error(`Version ${next} was taken while compiling; compiling again as ${n}`);
      const inserted = await m.insert(SummaryVersionEntity, {
        areaId: c.areaId,
        year: c.year,
        version: n,
        compilationId: c.id,
        data,
        pdfNb,
        pdfEn,
        xlsx,
        createdByUserId: c.requestedByUserId,
      });
      const id = inserted.identifiers[0].id as string;
      await m.update(
        SummaryCompilationEntity,
        { id: c.id },
        { status: CompilationStatus.COMPLETE, step: 'done', versionId: id, finishedAt: this.clock.now(), currentItem: '' },
      );
      return id;
    });
    lap('save');
    await onProgress(100);
    this.logger.log(`Compiled the ${c.year} summary for area ${c.areaId}: ${JSON.stringify(times)}`);
    return { versionId, times };
  }

  /** After the last attempt has failed: the compilation is marked failed with the reason. */
  async markFailed(compilationId: string, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE summary_compilation SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND version_id IS NULL`,
      [compilationId, error.slice(0, 2000)],
    );
  }
}
