import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ApprenticeStatus,
  ErrorCode,
  interruptionOn,
  isPassed,
  isUnderContractOn,
  lifecycleWarnings,
  WarningKind,
} from '@laerenett/shared-domain';
import { groupBy } from '../../common/group-by';
import { canSeeApprenticeshipFigures } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { checkYear, todayInOslo } from '../../common/time';
import { invalid } from '../../graphql/app.exception';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { AREA_DIRECTORY } from '../areas/read-model';
import { ApprenticeshipException } from './apprenticeship.exception';
import { ApprenticeshipStore, factsOf, LifecycleRows } from './apprenticeship.store';
import { ApprenticeshipAreaFiguresModel, ApprenticeshipFiguresRow } from './models/apprenticeship.models';

const LATE = new Set([WarningKind.STARTUP_TALK_OVERDUE, WarningKind.ASSESSMENT_OVERDUE]);

/** The figures of a set of apprenticeships on `asOf`, counting the year's passes and completions. */
export function figuresOf(list: LifecycleRows[], year: number, asOf: string): Omit<ApprenticeshipFiguresRow, 'agencyId' | 'agencyName'> {
  const inYear = (d: string | null) => !!d && d.startsWith(`${year}-`);
  let underContract = 0;
  let assessmentsOnTime = 0;
  let openInterruptions = 0;
  let tradeTestsPassed = 0;
  let completions = 0;
  for (const l of list) {
    const c = { contractStart: l.c.contract_start, contractEnd: l.c.contract_end, endedOn: l.c.ended_on, status: l.c.status };
    if (isUnderContractOn(c, asOf)) {
      underContract++;
      const f = factsOf(l);
      // As the day stood: a contract that has ended since is judged as running then.
      const late = lifecycleWarnings({ ...f, ended: false }, asOf).some((w) => LATE.has(w.kind));
      if (!late) assessmentsOnTime++;
    }
    openInterruptions += l.interruptions.filter((i) => interruptionOn([{ startsOn: i.starts_on, endsOn: i.ends_on }], asOf)).length;
    tradeTestsPassed += l.tests.filter((t) => isPassed(t.result) && inYear(t.test_date) && (t.test_date as string) <= asOf).length;
    if (l.c.status === ApprenticeStatus.COMPLETED && inYear(l.c.ended_on) && (l.c.ended_on as string) <= asOf) completions++;
  }
  return { underContract, assessmentsOnTime, openInterruptions, tradeTestsPassed, completions };
}

/**
 * What the ministry sees of its agencies' apprenticeships: counts per agency and in total, never
 * a name. `figuresForArea` is also what the December summary may show for the year.
 */
@Injectable()
export class ApprenticeshipFiguresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: ApprenticeshipStore,
    private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor, areaId: string | undefined, year: number | undefined): Promise<ApprenticeshipAreaFiguresModel> {
    const area = areaId ?? actor.areaId;
    if (!area) throw invalid('Choose a ministry area', { areaId: ['required'] });
    const [found] = await this.ds.query(`SELECT id FROM ${AREA_DIRECTORY} WHERE id = $1`, [area]);
    if (!found || !canSeeApprenticeshipFigures(actor, area))
      throw new ApprenticeshipException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    return this.figuresForArea(area, year === undefined ? undefined : checkYear(year));
  }

  /** The area's figures for `year` (this year when left out): as of today in the current year, else as of 31 December. */
  async figuresForArea(areaId: string, year?: number): Promise<ApprenticeshipAreaFiguresModel> {
    const today = todayInOslo(this.clock.now());
    const y = year ?? Number(today.slice(0, 4));
    const asOf = `${y}-12-31` < today ? `${y}-12-31` : today;
    const agencies: { id: string; name: string }[] = await this.ds.query(
      `SELECT id, name FROM ${AGENCY_DIRECTORY} WHERE area_id = $1 ORDER BY name`,
      [areaId],
    );
    const loaded = await this.store.lifecycles(agencies.map((a) => a.id));
    const byAgency = groupBy(loaded, (l) => l.c.agency_id);
    const rows = agencies
      .filter((a) => byAgency.has(a.id))
      .map((a) => ({ agencyId: a.id, agencyName: a.name, ...figuresOf(byAgency.get(a.id) ?? [], y, asOf) }));
    // Every figure is a count, so the area's total is the sum of its agencies' rows.
    const total = { underContract: 0, assessmentsOnTime: 0, openInterruptions: 0, tradeTestsPassed: 0, completions: 0 };
    for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    return {
      areaId,
      year: y,
      asOf,
      agencies: rows,
      total: { agencyId: null, agencyName: '', ...total },
    };
  }
}
