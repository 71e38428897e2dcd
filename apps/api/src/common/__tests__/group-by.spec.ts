import { groupBy } from '../group-by';

describe('groupBy', () => {
  it('groups by key, keeping each group in the order given', () => {
    const rows = [
      { k: 'a', n: 1 },
      { k: 'b', n: 2 },
      { k: 'a', n: 3 },
    ];
    expect([...groupBy(rows, (r) => r.k)]).toEqual([
      ['a', [rows[0], rows[2]]],
      ['b', [rows[1]]],
    ]);
    expect(groupBy([], (r: { k: string }) => r.k).size).toBe(0);
  });
});
