import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  autoCompileDay,
  defaultSummaryDates,
  ErrorCode,
  isIsoDate,
  reminderDays,
  SummaryDates,
  summaryDateProblems,
} from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { AnnualSummaryException } from './annual-summary.exception';
import { UpdateSummaryCycleInput } from './dto/annual-summary.inputs';
import { SummaryCycleEntity } from './entities/summary-cycle.entity';
import { SummaryVersionEntity } from './entities/summary-version.entity';
import { SummaryCycleModel } from './models/annual-summary.models';
import { assertManagesSummary, conflict, invalid, summaryAccess, summaryArea } from './summary-access';

/**
 * The year's December dates for an area (the pilot's until the ministry changes them), and
 * whether the year is closed: once a version is sent, nothing of the year changes. "Today"
 * comes from the clock (tests move it), in Europe/Oslo.
 */
@Injectable()
export class SummaryCycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return todayInOslo(this.clock.now());
  }

  async dates(areaId: string, year: number, m: EntityManager = this.ds.manager): Promise<SummaryDates & { isDefault: boolean }> {
    const row = await m.findOne(SummaryCycleEntity, { where: { areaId, year } });
    return row
      ? {
          opensOn: row.opensOn,
          agencyDeadline: row.agencyDeadline,
          compileFrom: row.compileFrom,
          compileTo: row.compileTo,
          sendBy: row.sendBy,
          isDefault: false,
        }
      : { ...defaultSummaryDates(year), isDefault: true };
  }

  async sentVersion(areaId: string, year: number, m: EntityManager = this.ds.manager): Promise<SummaryVersionEntity | null> {
    return m
      .createQueryBuilder(SummaryVersionEntity, 'v')
      .where('v.area_id = :areaId AND v.year = :year AND v.sent_at IS NOT NULL', { areaId, year })
      .getOne();
  }

  /** Refuses a change to a year whose summary was sent. */
  async assertNotSent(areaId: string, year: number, m?: EntityManager): Promise<void> {
    const sent = await this.sentVersion(areaId, year, m);
    if (sent) throw conflict(`The ${year} summary was sent (version ${sent.version}); the year is closed`, 'SUMMARY_SENT');
  }

  async cycle(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryCycleModel> {
    const areaId = summaryArea(actor, areaIdArg);
    summaryAccess(actor, areaId);
    const d = await this.dates(areaId, year);
    const sent = await this.sentVersion(areaId, year);
    return {
      areaId,
      year,
      ...d,
      reminderDays: reminderDays(d),
      autoCompileOn: autoCompileDay(d),
      today: this.today(),
      sentAt: sent?.sentAt ?? null,
    };
  }

  async updateCycle(actor: Actor, input: UpdateSummaryCycleInput): Promise<SummaryCycleModel> {
    const areaId = summaryArea(actor, input.areaId);
    assertManagesSummary(actor, areaId);
    const d: SummaryDates = {
      opensOn: input.opensOn,
      agencyDeadline: input.agencyDeadline,
      compileFrom: input.compileFrom,
      compileTo: input.compileTo,
      sendBy: input.sendBy,
    };
    for (const [k, v] of Object.entries(d)) if (!isIsoDate(v)) throw invalid(k, `${v} is not a date in the calendar`);
    const problems = Object.entries(summaryDateProblems(input.year, d));
    if (problems.length) {
      throw new AnnualSummaryException(
        ErrorCode.VALIDATION_FAILED,
        `The dates do not fit the cycle: ${problems.map(([k, p]) => `${k} ${p}`).join('; ')}`,
        { fields: Object.fromEntries(problems.map(([k, p]) => [k, [p]])) },
      );
    }
    await this.ds.transaction(async (m) => {
      await this.assertNotSent(areaId, input.year, m);
      await m.query(
        `INSERT INTO summary_cycle (area_id, year, opens_on, agency_deadline, compile_from, compile_to, send_by, updated_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (area_id, year) DO UPDATE SET opens_on = $3, agency_deadline = $4, compile_from = $5, compile_to = $6, send_by = $7, updated_by_user_id = $8, updated_at = now()`,
        [areaId, input.year, d.opensOn, d.agencyDeadline, d.compileFrom, d.compileTo, d.sendBy, actor.id],
      );
    });
    return this.cycle(actor, areaId, input.year);
  }
}
