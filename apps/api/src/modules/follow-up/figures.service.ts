import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AfterTermination,
  CellDisclosure,
  ErrorCode,
  SMALL_COUNT_THRESHOLD,
  suppressForPublication,
  TerminationCause,
  TerminationPhase,
} from '@laerenett/shared-domain';
import { canSeeFollowUpFigures } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { checkYear, todayInOslo } from '../../common/time';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { AREA_DIRECTORY } from '../areas/read-model';
import { FollowUpException } from './follow-up.exception';
import { FigureCellModel, FigureTableModel, FollowUpFiguresModel } from './models/follow-up.models';

/** A closed case as the counts see it: live (not yet erased) or kept as a count. */
interface ClosedRow {
  opened_year: number;
  closed_year: number;
  outcome: 'RESOLVED' | 'TERMINATED';
  phase: string;
  causes: string[];
  afterwards: string;
  cases: number;
}

const PHASES = Object.values(TerminationPhase);
const CAUSES = Object.values(TerminationCause);
const AFTER = Object.values(AfterTermination);
const OUTCOMES = ['RESOLVED', 'TERMINATED'] as const;

/** A count shown only from the threshold up: every total under 5 is "under 5" too (less is always safe). */
const cell = (n: number): FigureCellModel =>
  n < SMALL_COUNT_THRESHOLD ? { count: null, disclosure: CellDisclosure.UNDER_THRESHOLD } : { count: n, disclosure: CellDisclosure.SHOWN };

/** A table of counts as it may be published: `suppressForPublication`, with the row and column keys. */
export function publishTable(rows: readonly string[], columns: readonly string[], counts: number[][]): FigureTableModel {
  const t = suppressForPublication(counts);
  return {
    columns: [...columns],
    rows: rows.map((key, i) => ({
      key,
      cells: counts[i].map((_, j) => ({ count: t.shown[i][j], disclosure: t.disclosure[i][j] })),
      total: t.rowTotals ? cell(t.rowTotals[i]) : null,
    })),
    columnTotals: t.columnTotals ? t.columnTotals.map(cell) : null,
    total: cell(t.total),
  };
}

/**
 * What the ministry sees of follow-up cases: counts per area and year, never a name or an agency,
 * from the live cases and the counts kept of erased ones, with every count under 5 shown as
 * "under 5" and further cells hidden so that none can be worked out from the totals.
 * `figuresForArea` is what the dashboard and the December summary show.
 */
@Injectable()
export class FollowUpFiguresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor, areaId?: string | null, year?: number | null): Promise<FollowUpFiguresModel> {
    const today = todayInOslo(this.clock.now());
    const area = areaId ?? actor.areaId;
    if (!area) throw new FollowUpException(ErrorCode.VALIDATION_FAILED, 'Choose an area', { fields: { areaId: ['Choose an area'] } });
    const [known] = await this.ds.query(`SELECT id FROM ${AREA_DIRECTORY} WHERE id = $1`, [area]);
    if (!known || !canSeeFollowUpFigures(actor, area))
      throw new FollowUpException(ErrorCode.NOT_FOUND, 'The area was not found, or you do not have access to it');
    return this.figuresForArea(area, checkYear(year ?? Number(today.slice(0, 4))));
  }

  /** The area's follow-up figures for a year, suppressed for publication: safe to show to anyone who may see the area. */
  async figuresForArea(areaId: string, year: number): Promise<FollowUpFiguresModel> {
    const today = todayInOslo(this.clock.now());
    const yearEnd = `${year}-12-31`;
    const asOf = today < yearEnd ? today : yearEnd;
    const [{ open }]: { open: number }[] = await this.ds.query(
      `SELECT (SELECT count(*) FROM follow_up_case c JOIN ${AGENCY_DIRECTORY} g ON g.id = c.agency_id
                WHERE g.area_id = $1 AND c.opened_on <= $2 AND (c.closed_on IS NULL OR c.closed_on > $2))::int
            + (SELECT coalesce(sum(cases), 0) FROM follow_up_count WHERE area_id = $1 AND opened_year <= $3 AND closed_year > $3)::int AS open`,
      [areaId, asOf, year],
    );
    const closed: ClosedRow[] = await this.ds.query(
      `SELECT extract(year FROM c.opened_on)::int AS opened_year, extract(year FROM c.closed_on)::int AS closed_year, c.status::varchar AS outcome,
              coalesce(c.termination_phase, '') AS phase, c.termination_causes AS causes, coalesce(c.afterwards, '') AS afterwards, 1 AS cases
         FROM follow_up_case c JOIN ${AGENCY_DIRECTORY} g ON g.id = c.agency_id
        WHERE g.area_id = $1 AND c.status <> 'OPEN' AND c.closed_on BETWEEN make_date($2 - 4, 1, 1) AND $3::date
       UNION ALL
       SELECT opened_year, closed_year, outcome, phase, causes, afterwards, cases FROM follow_up_count
        WHERE area_id = $1 AND closed_year BETWEEN $2 - 4 AND $2`,
      [areaId, year, asOf],
    );
    const terminated = closed.filter((r) => r.outcome === 'TERMINATED' && r.closed_year === year);
    const byPhase = (keys: readonly string[], pick: (r: ClosedRow) => string[]) =>
      keys.map((k) => PHASES.map((p) => terminated.filter((r) => r.phase === p && pick(r).includes(k)).reduce((s, r) => s + r.cases, 0)));
    const years = [4, 3, 2, 1, 0].map((d) => year - d);
    return {
      areaId,
      year,
      asOf,
      openCases: cell(open),
      terminations: publishTable(
        CAUSES,
        PHASES,
        byPhase(CAUSES, (r) => r.causes),
      ),
      afterwards: publishTable(
        AFTER,
        PHASES,
        byPhase(AFTER, (r) => [r.afterwards]),
      ),
      outcomes: publishTable(
        years.map(String),
        OUTCOMES,
        years.map((y) =>
          OUTCOMES.map((o) => closed.filter((r) => r.closed_year === y && r.outcome === o).reduce((s, r) => s + r.cases, 0)),
        ),
      ),
    };
  }
}
