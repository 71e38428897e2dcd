import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CriterionKind, evaluateCriterion } from '@laerenett/shared-domain';
import { CLOCK } from '../../common/clock';
import { todayInOslo } from '../../common/time';
import { AppConfig } from '../../config/config';
import { ActionPlansService } from '../action-plans/action-plans.service';
import { ActionPlanEntity } from '../action-plans/entities/action-plan.entity';
import {
  AGENCIES_SQL,
  APPRENTICE_COUNTS_SQL,
  COMPETENCE_SQL,
  GATHERING_ATTENDANCE_SQL,
  MINIMUM_RULE_SQL,
  POOL_HELP_SQL,
  POOL_HOSTED_SQL,
  REPORTS_SQL,
  TRADE_TARGETS_SQL,
  TRADES_SQL,
} from './annual-summary.sql';
import { CompilationStatus, SummaryCompilationEntity } from './entities/summary-compilation.entity';
import { SummaryVersionEntity } from './entities/summary-version.entity';
import { AnnualSummaryService, lockAreaYear } from './annual-summary.service';
import { compileSummary, CriterionFact, SummaryData, SummaryFacts } from './utils/compile-summary.util';
import { renderSummaryPdfs } from './utils/summary-pdf.pool';
import { renderSummaryXlsx } from './utils/summary.xlsx';

/** The pilot's gathering criteria, used when the area has no action plan for the year. */
const PILOT_CRITERIA = (year: number) => [
  {
    kind: CriterionKind.FIRST_GATHERING,
    label: 'Første samling holdt innen utgangen av august',
    dueDate: `${year}-08-31`,
    threshold: null,
  },
  { kind: CriterionKind.GATHERINGS_HELD, label: 'Minst 3 samlinger i året', dueDate: `${year}-12-31`, threshold: 3 },
  {
    kind: CriterionKind.PARTICIPANTS_FROM_AGENCIES,
    label: 'Deltakere fra alle virksomheter med lærlinger',
    dueDate: `${year}-12-31`,
    threshold: null,
  },
];
const GATHERING_KINDS = [CriterionKind.FIRST_GATHERING, CriterionKind.GATHERINGS_HELD, CriterionKind.PARTICIPANTS_FROM_AGENCIES];

export interface StageTimes {
  collect: number;
  agencies: number;
  pdf: number;
  xlsx: number;
  save: number;
}

/**
 * Compiles an area's December summary: reads the facts (one set-based query per kind), builds
 * the figures agency by agency, renders the PDFs and the workbook, and saves the version in one
 * transaction. Progress goes to the compilation's row as it runs. A job that runs again (a worker
 * killed mid-way) builds from the start; a compilation that already has its version is left as it is.
 */
@Injectable()
export class SummaryCompilerService {
  private readonly logger = new Logger('AnnualSummary');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
    private readonly summary: AnnualSummaryService,
    private readonly config: AppConfig,
  ) {}

  async facts(areaId: string, year: number, today: string): Promise<SummaryFacts> {
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const q = <T>(sql: string, params: unknown[]) => this.ds.query(sql, params) as Promise<T[]>;
    const [area, dates, agencies, counts, tradeTargets, trades, attendance, poolHosted, poolHelp, competence, reports, rule, criteria] =
      await Promise.all([
        q<{ name: string }>(`SELECT name FROM ministry_area WHERE id = $1`, [areaId]),
        this.summary.dates(areaId, year),
        q<SummaryFacts['agencies'][number]>(AGENCIES_SQL, [areaId, year]),
        q<SummaryFacts['counts'][number]>(APPRENTICE_COUNTS_SQL, [areaId, asOf, `${year}-10-01`, `${year - 1}-10-01`]),
        q<SummaryFacts['tradeTargets'][number]>(TRADE_TARGETS_SQL, [areaId, year]),
        q<SummaryFacts['trades'][number]>(TRADES_SQL, []),
        q<SummaryFacts['attendance'][number]>(GATHERING_ATTENDANCE_SQL, [areaId, year, asOf]),
        q<SummaryFacts['poolHosted'][number]>(POOL_HOSTED_SQL, [areaId, year]),
        q<SummaryFacts['poolHelp'][number]>(POOL_HELP_SQL, [areaId, year]),
        q<SummaryFacts['competence'][number]>(COMPETENCE_SQL, [areaId]),
        q<SummaryFacts['reports'][number]>(REPORTS_SQL, [areaId, year]),
        q<{ threshold: number }>(MINIMUM_RULE_SQL, [year]),
        this.criteria(areaId, year, asOf),
      ]);
    return {
      areaName: area[0]?.name ?? '',
      year,
      asOf,
      agencyDeadline: dates.agencyDeadline,
      threshold: rule[0]?.threshold ?? 100,
      agencies,
      counts,
      tradeTargets,
      trades,
      attendance,
      poolHosted,
      poolHelp,
      competence,
      reports,
      criteria,
    };
  }

  /** The gatherings' follow-up criteria: the action plan's where it has them, else the pilot's. */
  private async criteria(areaId: string, year: number, asOf: string): Promise<CriterionFact[]> {
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { areaId, year } });
    const subject = plan ?? Object.assign(new ActionPlanEntity(), { id: '00000000-0000-0000-0000-000000000000', areaId, year });
    const planned: { kind: CriterionKind; label: string; due_date: string | null; threshold: number | null }[] = plan
      ? await this.ds.query(
          `SELECT c.kind, c.label, c.due_date::text AS due_date, c.threshold FROM plan_criterion c JOIN plan_measure m ON m.id = c.measure_id
            WHERE m.plan_id = $1 AND c.kind = ANY($2::criterion_kind[]) ORDER BY m.position, c.position`,
          [plan.id, GATHERING_KINDS],
        )
      : [];
    const list = planned.length
      ? planned.map((c) => ({ kind: c.kind, label: c.label, dueDate: c.due_date, threshold: c.threshold }))
      : PILOT_CRITERIA(year);
    const facts = await this.plans.facts(subject, asOf);
    return list.map((c) => ({
      label: c.label,
      ...evaluateCriterion({ kind: c.kind, dueDate: c.dueDate, threshold: c.threshold, checked: false }, facts),
    }));
  }

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
        startedAt: new Date(),
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

    const today = todayInOslo(CLOCK.now());
    const facts = await this.facts(c.areaId, c.year, today);
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
    // The two PDFs render side by side on threads; the workbook is written here meanwhile. Each
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
        { status: CompilationStatus.COMPLETE, step: 'done', versionId: id, finishedAt: new Date(), currentItem: '' },
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
