import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { evaluateCriterion, participationAsOf, PILOT_GATHERING_CRITERIA, pilotCriterionInput } from '@laerenett/shared-domain';
import { ActionPlansService } from '../action-plans/action-plans.service';
import { ApprenticeshipFiguresService } from '../apprenticeship/figures.service';
import { AREA_DIRECTORY } from '../areas/read-model';
import { FollowUpFiguresService } from '../follow-up/figures.service';
import { TargetsService } from '../targets/targets.service';
import {
  AGENCIES_SQL,
  APPRENTICE_COUNTS_SQL,
  COMPETENCE_SQL,
  GATHERING_ATTENDANCE_SQL,
  POOL_HELP_SQL,
  POOL_HOSTED_SQL,
  REPORTS_SQL,
  TRADE_TARGETS_SQL,
  TRADES_SQL,
} from './annual-summary.sql';
import { SummaryCycleService } from './summary-cycle.service';
import { CriterionFact, SummaryFacts } from './utils/compile-summary.util';

/** Awaits every promise of an object at once: the same object with the values. */
async function allOf<T extends Record<string, Promise<unknown>>>(promises: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const values = await Promise.all(Object.values(promises));
  return Object.fromEntries(Object.keys(promises).map((k, i) => [k, values[i]])) as { [K in keyof T]: Awaited<T[K]> };
}

/** The kinds of plan criterion the summary reports on: the gathering criteria. */
const GATHERING_KINDS = [...new Set(PILOT_GATHERING_CRITERIA.map((c) => c.kind))];

/**
 * What an area's December summary is built from: one set-based read per kind of fact, for the
 * whole area at once, and the gathering criteria judged on the same day by the action plan's rule.
 * The apprenticeships' figures and the follow-up counts come from their modules, once for the
 * area: the follow-up's as published, small counts already suppressed.
 */
@Injectable()
export class SummaryFactsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
    private readonly targets: TargetsService,
    private readonly cycle: SummaryCycleService,
    private readonly apprenticeship: ApprenticeshipFiguresService,
    private readonly followUp: FollowUpFiguresService,
  ) {}

  async facts(areaId: string, year: number, today: string): Promise<SummaryFacts> {
    const asOf = participationAsOf(year, today);
    const q = <T>(sql: string, params: unknown[]) => this.ds.query(sql, params) as Promise<T[]>;
    const { area, dates, ...facts } = await allOf({
      area: q<{ name: string }>(`SELECT name FROM ${AREA_DIRECTORY} WHERE id = $1`, [areaId]),
      dates: this.cycle.dates(areaId, year),
      agencies: q<SummaryFacts['agencies'][number]>(AGENCIES_SQL, [areaId, year]),
      counts: q<SummaryFacts['counts'][number]>(APPRENTICE_COUNTS_SQL, [areaId, asOf, `${year}-10-01`, `${year - 1}-10-01`]),
      tradeTargets: q<SummaryFacts['tradeTargets'][number]>(TRADE_TARGETS_SQL, [areaId, year]),
      trades: q<SummaryFacts['trades'][number]>(TRADES_SQL, []),
      attendance: q<SummaryFacts['attendance'][number]>(GATHERING_ATTENDANCE_SQL, [areaId, year, asOf]),
      poolHosted: q<SummaryFacts['poolHosted'][number]>(POOL_HOSTED_SQL, [areaId, year]),
      poolHelp: q<SummaryFacts['poolHelp'][number]>(POOL_HELP_SQL, [areaId, year]),
      competence: q<SummaryFacts['competence'][number]>(COMPETENCE_SQL, [areaId]),
      reports: q<SummaryFacts['reports'][number]>(REPORTS_SQL, [areaId, year]),
      threshold: this.targets.thresholdFor(year),
      criteria: this.criteria(areaId, year, asOf),
      apprenticeship: this.apprenticeship.figuresForArea(areaId, year),
      followUp: this.followUp.figuresForArea(areaId, year),
    });
    return { areaName: area[0]?.name ?? '', year, asOf, agencyDeadline: dates.agencyDeadline, ...facts };
  }

  /** The gatherings' follow-up criteria: the action plan's where it has them, else the pilot's; each with its English label. */
  private async criteria(areaId: string, year: number, asOf: string): Promise<CriterionFact[]> {
    const facts = await this.plans.facts(areaId, year, asOf);
    const planned = await this.plans.judgedCriteria(areaId, year, GATHERING_KINDS, facts);
    if (planned?.length) return planned.map(({ kind: _kind, labelEn, ...c }) => ({ ...c, labelEn: labelEn ?? c.label }));
    return PILOT_GATHERING_CRITERIA.map((c) => ({
      label: c.label.nb,
      labelEn: c.label.en,
      ...evaluateCriterion(pilotCriterionInput(c, year), facts),
    }));
  }
}
