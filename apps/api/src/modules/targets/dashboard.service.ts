import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_MINIMUM_THRESHOLD, ErrorCode, minimumRule, Role, snapshotDate, targetGap } from '@laerenett/shared-domain';
import { canReadArea } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { DashboardModel, DashboardRowModel } from './models/target.models';
import { TargetsException } from './targets.exception';
import { preparedQuery } from '../../database/prepared';
import { dashboardParams, dashboardSql, TREND_YEARS } from './dashboard.sql';

/** An agency's counts as dashboardSql returns them (its JSON parsed by pg). */
export interface DashboardAgencyFigures {
  id: string;
  name: string;
  org_number: string;
  employees: number;
  is_ministry: boolean;
  target: number | null;
  now_count: number;
  snapshot_count: number;
  trades_now: number;
}

/** What the database counts for a dashboard; the rules that are pure are applied to it by dashboardModel. */
export interface DashboardFigures {
  threshold: number;
  rows: DashboardAgencyFigures[];
  trades: { id: string; name_nb: string; name_en: string; n: number }[];
  trend: { year: number; apprentices: number; targetSum: number }[];
}

/** One row of dashboardSql. */
interface DashboardRaw {
  area_name: string;
  threshold: number | null;
  rows: DashboardAgencyFigures[];
  trades: DashboardFigures['trades'];
  trend: number[];
  sums: Record<string, number>;
}

/** The dashboard from its figures: the minimum rule, the gaps and the totals. */
export function dashboardModel(
  head: Pick<DashboardModel, 'areaId' | 'areaName' | 'year' | 'today' | 'snapshotDate'>,
  f: DashboardFigures,
): DashboardModel {
  const rows: DashboardRowModel[] = f.rows.map((r) => {
    const now = Number(r.now_count);
    const target = r.target === null ? null : Number(r.target);
    const rule = minimumRule(r.employees, now, f.threshold);
    return {
      agencyId: r.id,
      name: r.name,
      orgNumber: r.org_number,
      employees: r.employees,
      isMinistry: r.is_ministry,
      apprenticesNow: now,
      apprenticesOnSnapshot: Number(r.snapshot_count),
      tradesNow: Number(r.trades_now),
      target,
      gap: targetGap(target, now),
      ruleApplies: rule.applies,
      meetsMinimumRule: rule.met,
    };
  });
  const sum = (fn: (r: DashboardRowModel) => number) => rows.reduce((s, r) => s + fn(r), 0);
  const targetSum = sum((r) => r.target ?? 0);
  const apprenticesNow = sum((r) => r.apprenticesNow);
  return {
    ...head,
    threshold: f.threshold,
    rows,
    totals: {
      agencies: rows.length,
      apprenticesNow,
      apprenticesOnSnapshot: sum((r) => r.apprenticesOnSnapshot),
      trades: f.trades.length,
      agenciesWithNone: rows.filter((r) => r.apprenticesNow === 0).length,
      agenciesBreakingRule: rows.filter((r) => !r.meetsMinimumRule).length,
      targetSum,
      agenciesWithTarget: rows.filter((r) => r.target !== null).length,
      targetAttainment: targetSum > 0 ? Math.round((apprenticesNow / targetSum) * 1000) / 1000 : null,
    },
    trades: f.trades.map((t) => ({ tradeId: t.id, nameNb: t.name_nb, nameEn: t.name_en, apprentices: Number(t.n) })),
    trend: f.trend,
  };
}

const DASHBOARD_SQL = dashboardSql(TREND_YEARS);
const notFound = () => new TargetsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');

@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  resolveArea(actor: Actor, areaId: string | undefined): string {
    const id = areaId ?? (actor.role === Role.MINISTRY_COORDINATOR ? actor.areaId : null);
    if (!id) throw new TargetsException(ErrorCode.VALIDATION_FAILED, 'Choose a ministry area (areaId)');
    if (!canReadArea(actor, id)) throw notFound();
    return id;
  }

  /**
   * The area's dashboard from one statement (one round trip, the contracts read once); the
   * rules that are pure (the minimum rule, the gap, the totals) applied by dashboardModel.
   */
  async dashboard(
    actor: Actor,
    areaIdArg: string | undefined,
    year: number,
    today = todayInOslo(this.clock.now()),
  ): Promise<DashboardModel> {
    const areaId = this.resolveArea(actor, areaIdArg);
    const snap = snapshotDate(year);
    const [raw] = await preparedQuery<DashboardRaw>(
      this.ds,
      'dashboard',
      DASHBOARD_SQL,
      dashboardParams(areaId, year, today, snap, TREND_YEARS),
    );
    if (!raw) throw notFound();
    return dashboardModel(
      { areaId, areaName: raw.area_name, year, today, snapshotDate: snap },
      {
        threshold: raw.threshold ?? DEFAULT_MINIMUM_THRESHOLD,
        rows: raw.rows,
        trades: raw.trades,
        trend: raw.trend.map((n, i) => {
          const y = year - TREND_YEARS + 1 + i;
          return { year: y, apprentices: Number(n), targetSum: Number(raw.sums[String(y)] ?? 0) };
        }),
      },
    );
  }
}
