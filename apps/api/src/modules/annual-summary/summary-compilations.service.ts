import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/request-context';
import { areaWork } from '../../common/access-policy';
import { OutboxService } from '../queue/outbox.service';
import { CompilationStatus, CompilationTrigger, SummaryCompilationEntity } from './entities/summary-compilation.entity';
import { compileJob } from './jobs/annual-summary.job';
import { SummaryCompilationModel } from './models/annual-summary.models';
import { assertManagesSummary, compilationNotFound, summaryArea } from './summary-access';
import { SummaryCycleService } from './summary-cycle.service';

/**
 * Serialises what changes an area's versions for a year (starting a compilation, numbering a
 * version, sending one) for the rest of the caller's transaction.
 */
export const lockAreaYear = (m: EntityManager, areaId: string, year: number) =>
  m.query(`SELECT pg_advisory_xact_lock(hashtext('summary:' || $1 || ':' || $2))`, [areaId, year]);

/** A compilation's overall progress: collecting 5 %, the agencies up to 70 %, the files and saving the rest. */
export function compilationPercent(c: { status: CompilationStatus; step: string; done: number; total: number }): number {
  if (c.status === CompilationStatus.COMPLETE) return 100;
  const agencies = c.total > 0 ? c.done / c.total : 0;
  switch (c.step) {
    case 'collect':
      return 5;
    case 'agencies':
      return Math.round(5 + 65 * agencies);
    case 'pdf':
      return 75;
    case 'xlsx':
      return 90;
    case 'save':
      return 95;
    default:
      return 0;
  }
}

export const toCompilationModel = (c: SummaryCompilationEntity): SummaryCompilationModel => ({
  id: c.id,
  year: c.year,
  trigger: c.trigger,
  status: c.status,
  step: c.step,
  done: c.done,
  total: c.total,
  currentItem: c.currentItem,
  percent: compilationPercent(c),
  versionId: c.versionId,
  error: c.error,
  createdAt: c.createdAt,
  startedAt: c.startedAt,
  finishedAt: c.finishedAt,
});

/**
 * Compilations of an area's summary: started by the ministry (or by the schedule), run by the
 * queue (`SummaryCompilerService`), followed by their progress.
 */
@Injectable()
export class SummaryCompilationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cycle: SummaryCycleService,
    private readonly outbox: OutboxService,
  ) {}

  /** Starts a compilation, or returns the one already waiting or running for the area and year. */
  async compile(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryCompilationModel> {
    const areaId = summaryArea(actor, areaIdArg);
    assertManagesSummary(actor, areaId);
    const c = await this.startCompilation(areaId, year, CompilationTrigger.MANUAL, actor.id);
    return toCompilationModel(c as SummaryCompilationEntity);
  }

  /**
   * Records a compilation and queues its job (the job id is the compilation's id). Under a lock
   * per area and year: a compilation already waiting or running is returned instead of a second.
   * The schedule's automatic one happens at most once per area and year (null when it has).
   */
  async startCompilation(
    areaId: string,
    year: number,
    trigger: CompilationTrigger,
    userId: string | null,
  ): Promise<SummaryCompilationEntity | null> {
    const c = await this.ds.transaction(async (m) => {
      await lockAreaYear(m, areaId, year);
      await this.cycle.assertNotSent(areaId, year, m);
      const running = await m.findOne(SummaryCompilationEntity, {
        where: [
          { areaId, year, status: CompilationStatus.QUEUED },
          { areaId, year, status: CompilationStatus.RUNNING },
        ],
        order: { createdAt: 'DESC' },
      });
      let found: SummaryCompilationEntity | null = running;
      if (running && trigger === CompilationTrigger.AUTO) return null;
      if (!running) {
        if (trigger === CompilationTrigger.AUTO && (await m.count(SummaryCompilationEntity, { where: { areaId, year } }))) return null;
        const [row]: { id: string }[] = await m.query(
          `INSERT INTO summary_compilation (area_id, year, trigger, requested_by_user_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
          [areaId, year, trigger, userId],
        );
        found = row ? await m.findOneByOrFail(SummaryCompilationEntity, { id: row.id }) : null;
      }
      // Recorded with the compilation (the outbox), and again for one already waiting or running:
      // the job id is the compilation's, so a job still in the queue is not doubled, and one lost
      // with the queue (a flushed Redis) is restored.
      if (found) await this.outbox.record(m, [compileJob(found.id)]);
      return found;
    });
    if (c) await this.outbox.flush([compileJob(c.id).jobId]);
    return c;
  }

  async compilation(actor: Actor, id: string): Promise<SummaryCompilationModel> {
    const c = await this.ds.getRepository(SummaryCompilationEntity).findOne({ where: { id } });
    if (!c || areaWork(actor, c.areaId) !== 'manage') throw compilationNotFound();
    return toCompilationModel(c);
  }

  async latestCompilation(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryCompilationModel | null> {
    const areaId = summaryArea(actor, areaIdArg);
    assertManagesSummary(actor, areaId);
    const c = await this.ds.getRepository(SummaryCompilationEntity).findOne({ where: { areaId, year }, order: { createdAt: 'DESC' } });
    return c ? toCompilationModel(c) : null;
  }
}
