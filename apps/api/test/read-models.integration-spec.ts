/**
 * The read models modules publish for each other agree with the rules they stand for: the
 * database's `under_contract_on` over `apprentice_contract` says what the domain's
 * `isUnderContractOn` says, for every apprentice on every day around every contract's edges
 * (start, planned end, an early end before it and a late one after it).
 */
import { ApprenticeStatus, isUnderContractOn } from '@laerenett/shared-domain';
import { APPRENTICE_CONTRACT, ApprenticeContractRow, underContractOn } from '../src/modules/apprentices/read-model';
import { USER_DIRECTORY } from '../src/modules/identity/read-model';
import { Stack, startStack } from './harness';

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the published read models', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    const [{ agency_id, trade_id }] = (await stack.ds.query(`SELECT agency_id, trade_id FROM apprentice LIMIT 1`)) as {
      agency_id: string;
      trade_id: string;
    }[];
    // Edges the demo data may not have: ended early, ended after the planned end, completed on the day.
    const cases: [string, string, string | null, ApprenticeStatus][] = [
      ['2024-08-15', '2026-08-14', '2025-02-01', ApprenticeStatus.TERMINATED],
      ['2024-08-15', '2026-08-14', '2026-09-30', ApprenticeStatus.COMPLETED],
      ['2024-08-15', '2026-08-14', '2026-08-14', ApprenticeStatus.COMPLETED],
      ['2025-01-01', '2025-01-02', null, ApprenticeStatus.ACTIVE],
      ['2025-03-01', '2027-02-28', '2025-03-01', ApprenticeStatus.TERMINATED],
    ];
    for (const [i, [start, end, ended, status]] of cases.entries())
      await stack.ds.query(
        `INSERT INTO apprentice (agency_id, trade_id, name, email, contract_start, contract_end, ended_on, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [agency_id, trade_id, `Kant ${i}`, `kant${i}@example.no`, start, end, ended, status],
      );
  });
  afterAll(() => stack?.stop());

  it('under_contract_on agrees with isUnderContractOn on every contract edge', async () => {
    const rows = (await stack.ds.query(
      `SELECT id, name, status, contract_start::text, contract_end::text, ended_on::text, last_day::text FROM ${APPRENTICE_CONTRACT} p`,
    )) as ApprenticeContractRow[];
    expect(rows.length).toBeGreaterThan(30);
    const days = new Set<string>(['2020-01-01', '2030-12-31']);
    for (const r of rows)
      for (const edge of [r.contract_start, r.contract_end, r.ended_on, r.last_day])
        if (edge) for (const d of [-1, 0, 1]) days.add(shift(edge, d));
    let compared = 0;
    let counted = 0;
    for (const day of days) {
      const inDb = (await stack.ds.query(`SELECT p.id, ${underContractOn('p', '$1::date')} AS on FROM ${APPRENTICE_CONTRACT} p`, [
        day,
      ])) as { id: string; on: boolean }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const { id, on } of inDb) {
        const r = byId.get(id)!;
        const pure = isUnderContractOn(
          { contractStart: r.contract_start, contractEnd: r.contract_end, endedOn: r.ended_on, status: r.status },
          day,
        );
        if (on !== pure) throw new Error(`${r.name} on ${day}: the database says ${on}, the domain ${pure}`);
        compared++;
        if (on) counted++;
      }
    }
    expect(compared).toBe(days.size * rows.length);
    // Both answers occur, so the comparison could have failed either way.
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(compared);
  });

  it('the user directory holds no password hashes', async () => {
    const cols = (await stack.ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [USER_DIRECTORY])) as {
      column_name: string;
    }[];
    expect(cols.map((c) => c.column_name).sort()).toEqual([
      'agency_id',
      'area_id',
      'created_at',
      'email',
      'id',
      'language',
      'name',
      'role',
    ]);
  });
});
