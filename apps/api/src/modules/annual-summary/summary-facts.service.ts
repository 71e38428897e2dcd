import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CriterionKind, evaluateCriterion } from '@laerenett/shared-domain';
import { ActionPlansService } from '../action-plans/action-plans.service';
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
import { SummaryCycleService } from './summary-cycle.service';
import { CriterionFact, SummaryFacts } from './utils/compile-summary.util';

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

/**
 * What an area's December summary is built from: one set-based read per kind of fact, for the
 * whole area at once, and the action plan's gathering criteria judged on the same day.
 */
@Injectable()
export class SummaryFactsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
    private readonly cycle: SummaryCycleService,
  ) {}

  async facts(areaId: string, year: number, today: string): Promise<SummaryFacts> {
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const q = <T>(sql: string, params: unknown[]) => this.ds.query(sql, params) as Promise<T[]>;
    const [area, dates, agencies, counts, tradeTargets, trades, attendance, poolHosted, poolHelp, competence, reports, rule, criteria] =
      await Promise.all([
        q<{ name: string }>(`SELECT name FROM ministry_area WHERE id = $1`, [areaId]),
        this.cycle.dates(areaId, year),
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
    const facts = await this.plans.facts(areaId, year, asOf);
    const planned = await this.plans.judgedCriteria(areaId, year, GATHERING_KINDS, facts);
    if (planned?.length) return planned.map(({ kind: _kind, labelEn: _en, ...c }) => c);
    return PILOT_CRITERIA(year).map((c) => ({
      label: c.label,
      ...evaluateCriterion({ kind: c.kind, dueDate: c.dueDate, threshold: c.threshold, checked: false }, facts),
    }));
  }
}
