import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, minimumRule, Role, snapshotDate, targetGap } from '@laerenett/shared-domain';
import { canReadArea } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { MinistryAreaEntity } from '../areas/entities/ministry-area.entity';
import { DashboardModel, DashboardRowModel } from './models/target.models';
import { TargetsException } from './targets.exception';
import { TargetsService } from './targets.service';
import { DASHBOARD_ROWS_SQL, DASHBOARD_TARGET_SUMS_SQL, DASHBOARD_TRADES_SQL, dashboardTrendSql, trendDates } from './dashboard.sql';

export const TREND_YEARS = 5;

@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly targets: TargetsService,
  ) {}

  resolveArea(actor: Actor, areaId: string | undefined): string {
    const id = areaId ?? (actor.role === Role.MINISTRY_COORDINATOR ? actor.areaId : null);
    if (!id) throw new TargetsException(ErrorCode.VALIDATION_FAILED, 'Choose a ministry area (areaId)');
    if (!canReadArea(actor, id)) throw new TargetsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    return id;
  }

  async dashboard(actor: Actor, areaIdArg: string | undefined, year: number, today = todayInOslo()): Promise<DashboardModel> {
    const areaId = this.resolveArea(actor, areaIdArg);
    const area = await this.ds.getRepository(MinistryAreaEntity).findOne({ where: { id: areaId } });
    if (!area) throw new TargetsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const snap = snapshotDate(year);
    const dates = trendDates(year, TREND_YEARS);
    const [threshold, rowsRaw, tradesRaw, trendRaw, sumsRaw] = await Promise.all([
      this.targets.thresholdFor(year),
      this.ds.query(DASHBOARD_ROWS_SQL, [areaId, today, snap, year]),
      this.ds.query(DASHBOARD_TRADES_SQL, [areaId, today]),
      this.ds.query(dashboardTrendSql(TREND_YEARS), [areaId, ...dates]),
      this.ds.query(DASHBOARD_TARGET_SUMS_SQL, [areaId, year - TREND_YEARS + 1, year]),
    ]);
    const sums = new Map<number, number>((sumsRaw as { year: number; total: string }[]).map((r) => [Number(r.year), Number(r.total)]));
    const rows: DashboardRowModel[] = rowsRaw.map((r: Record<string, unknown>) => {
      const now = Number(r['now_count']);
      const target = r['target'] === null ? null : Number(r['target']);
      const employees = Number(r['employees']);
      const rule = minimumRule(employees, now, threshold);
      return {
        agencyId: r['id'] as string,
        name: r['name'] as string,
        orgNumber: r['org_number'] as string,
        employees,
        isMinistry: r['is_ministry'] as boolean,
        apprenticesNow: now,
        apprenticesOnSnapshot: Number(r['snapshot_count']),
        tradesNow: Number(r['trades_now']),
        target,
        gap: targetGap(target, now),
        ruleApplies: rule.applies,
        meetsMinimumRule: rule.met,
      };
    });
    const sum = (f: (r: DashboardRowModel) => number) => rows.reduce((s, r) => s + f(r), 0);
    const targetSum = sum((r) => r.target ?? 0);
    const apprenticesNow = sum((r) => r.apprenticesNow);
    return {
      areaId,
      areaName: area.name,
      year,
      today,
      snapshotDate: snap,
      threshold,
      rows,
      totals: {
        agencies: rows.length,
        apprenticesNow,
        apprenticesOnSnapshot: sum((r) => r.apprenticesOnSnapshot),
        trades: tradesRaw.length,
        agenciesWithNone: rows.filter((r) => r.apprenticesNow === 0).length,
        agenciesBreakingRule: rows.filter((r) => !r.meetsMinimumRule).length,
        targetSum,
        agenciesWithTarget: rows.filter((r) => r.target !== null).length,
        targetAttainment: targetSum > 0 ? Math.round((apprenticesNow / targetSum) * 1000) / 1000 : null,
      },
      trades: tradesRaw.map((t: Record<string, unknown>) => ({ tradeId: t['id'], nameNb: t['name_nb'], nameEn: t['name_en'], apprentices: Number(t['n']) })),
      trend: dates.map((_, i) => {
        const y = year - TREND_YEARS + 1 + i;
        return { year: y, apprentices: Number(trendRaw[0][`y${i}`]), targetSum: sums.get(y) ?? 0 };
      }),
    };
  }
}
