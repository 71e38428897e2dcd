import { CellDisclosure } from '@laerenett/shared-domain';
import { publishTable } from '../figures.service';

const U = CellDisclosure.UNDER_THRESHOLD;

describe("the ministry's tables of follow-up counts", () => {
  it('shows every count under 5 as "under 5", totals included, and hides a second cell so that none can be worked out', () => {
    const t = publishTable(
      ['A', 'B'],
      ['x', 'y'],
      [
        [3, 20],
        [12, 9],
      ],
    );
    expect(t.columns).toEqual(['x', 'y']);
    expect(t.rows[0].cells[0]).toEqual({ count: null, disclosure: U });
    // With the rows' and columns' totals out, the small cell hides behind others; no shown count gives it away.
    const shown = t.rows.flatMap((r) => r.cells).filter((c) => c.disclosure === CellDisclosure.SHOWN);
    expect(shown.length).toBeLessThan(3);
    expect(t.total).toEqual({ count: 44, disclosure: CellDisclosure.SHOWN });
  });

  it('keeps a small total as "under 5" too', () => {
    const t = publishTable(['A'], ['x', 'y'], [[1, 2]]);
    expect(t.total).toEqual({ count: null, disclosure: U });
    expect(t.rows[0].cells.every((c) => c.disclosure === U && c.count === null)).toBe(true);
    for (const c of [...t.rows.map((r) => r.total), ...(t.columnTotals ?? [])]) if (c) expect(c.disclosure).toBe(U);
  });

  it('shows a table of large counts as it is', () => {
    const t = publishTable(['A', 'B'], ['x'], [[7], [9]]);
    expect(t.rows.map((r) => r.cells[0].count)).toEqual([7, 9]);
    expect(t.columnTotals).toEqual([{ count: 16, disclosure: CellDisclosure.SHOWN }]);
  });
});
