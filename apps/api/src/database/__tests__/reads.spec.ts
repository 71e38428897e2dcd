import type { EntityManager } from 'typeorm';
import { readAll } from '../reads';

/** Reads that note how many of them run at once, each answering after a moment. */
function reads(n: number) {
  let running = 0;
  let most = 0;
  const list = Array.from({ length: n }, (_, i) => async () => {
    most = Math.max(most, ++running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return i;
  });
  return { list, most: () => most };
}

describe('readAll', () => {
  it('runs the reads side by side on the pool, answers in order', async () => {
    const r = reads(4);
    expect(await readAll({} as EntityManager, r.list)).toEqual([0, 1, 2, 3]);
    expect(r.most()).toBe(4);
  });

  it('runs them one after another on a transaction’s one connection, answers in order', async () => {
    const r = reads(4);
    expect(await readAll({ queryRunner: {} } as unknown as EntityManager, r.list)).toEqual([0, 1, 2, 3]);
    expect(r.most()).toBe(1);
  });
});
