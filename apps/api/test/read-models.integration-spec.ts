/**
 * The read models modules publish for each other agree with the rules they stand for: the
 * database's `under_contract_on` over `apprentice_contract` says what the domain's
 * `isUnderContractOn` says, for every apprentice on every day around every contract's edges
 * (start, planned end, an early end before it and a late one after it); and the gatherings
 * module's `held_gatherings` / `gathering_participants` say what the domain's `gatheringHeld` and
 * `tookPart` say, on the same answers, for every day the year can be judged on.
 */
import {
  ApprenticeStatus,
  gatheringHeld,
  isUnderContractOn,
  osloLocal,
  participationAsOf,
  RsvpState,
  tookPart,
} from '@laerenett/shared-domain';
import { APPRENTICE_CONTRACT, ApprenticeContractRow, underContractOn } from '../src/modules/apprentices/read-model';
import { GATHERING_PARTICIPANTS, GatheringParticipantRow, HELD_GATHERINGS, HeldGatheringRow } from '../src/modules/gatherings/read-model';
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
  it('gathering_participants agrees with tookPart: yes, no and waitlist answers, with and without check-ins, gatherings to come and cancelled', async () => {
    const YEAR = 2031;
    const [{ id: area }] = (await stack.ds.query(`INSERT INTO ministry_area (code, name) VALUES ('RM-TP', 'Deltakelse') RETURNING id`)) as {
      id: string;
    }[];
    const [{ id: agency }] = (await stack.ds.query(
      `INSERT INTO agency (area_id, name, org_number, employees) VALUES ($1, 'Deltakerverket', '999000011', 40) RETURNING id`,
      [area],
    )) as { id: string }[];
    const users: string[] = [];
    for (let i = 1; i <= 5; i++)
      users.push(
        (
          (await stack.ds.query(`INSERT INTO app_user (email, name, role, area_id, agency_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
            `deltaker${i}@example.no`,
            `Deltaker ${i}`,
            i <= 3 ? 'APPRENTICE' : i === 4 ? 'AGENCY_COORDINATOR' : 'MINISTRY_COORDINATOR',
            area,
            i === 5 ? null : agency,
          ])) as { id: string }[]
        )[0].id,
      );
    const [u1, u2, u3, u4, u5] = users;
    // [title, start (UTC), status, answers: [user, state, checked in]]
    const Y = RsvpState.YES;
    const N = RsvpState.NO;
    const W = RsvpState.WAITLIST;
    const gatherings: [string, string, string, [string, RsvpState, boolean][]][] = [
      // 11 March in Oslo (23:30 UTC the day before): some checked in, among them a no and a waitlisted
      [
        'A',
        '2031-03-10T23:30:00Z',
        'PUBLISHED',
        [
          [u1, Y, true],
          [u2, Y, false],
          [u3, N, true],
          [u4, W, true],
          [u5, N, false],
        ],
      ],
      // nobody checked in: those who said yes
      [
        'B',
        '2031-05-20T08:00:00Z',
        'PUBLISHED',
        [
          [u1, Y, false],
          [u2, N, false],
          [u3, W, false],
          [u4, Y, false],
        ],
      ],
      // 1 January in Oslo, no answers
      ['C', '2030-12-31T23:30:00Z', 'PUBLISHED', []],
      // still to come for most days of the year
      [
        'D',
        '2031-10-15T08:00:00Z',
        'PUBLISHED',
        [
          [u1, Y, false],
          [u2, Y, true],
          [u5, W, false],
        ],
      ],
      // cancelled and planned (not sent out): never held
      [
        'E',
        '2031-04-01T08:00:00Z',
        'CANCELLED',
        [
          [u1, Y, true],
          [u2, Y, false],
        ],
      ],
      ['F', '2031-04-02T08:00:00Z', 'PLANNED', [[u1, Y, false]]],
      // 1 January of the next year in Oslo, and one of the year before
      ['G', '2031-12-31T23:30:00Z', 'PUBLISHED', [[u1, Y, true]]],
      [
        'H',
        '2030-06-01T08:00:00Z',
        'PUBLISHED',
        [
          [u2, Y, true],
          [u3, Y, false],
        ],
      ],
    ];
    const ids = new Map<string, string>();
    const rows: { gathering: string; status: string; day: string; user: string; state: RsvpState; checkedIn: boolean }[] = [];
    const days = new Map<string, { day: string; status: string }>();
    for (const [title, start, status, answers] of gatherings) {
      const startsAt = new Date(start);
      const [{ id }] = (await stack.ds.query(
        `INSERT INTO gathering (area_id, audience, title, starts_at, ends_at, status) VALUES ($1, 'BOTH', $2, $3, $4, $5) RETURNING id`,
        [area, title, startsAt, new Date(startsAt.getTime() + 2 * 3600_000), status],
      )) as { id: string }[];
      ids.set(id, title);
      days.set(id, { day: osloLocal(startsAt).date, status });
      for (const [user, state, checkedIn] of answers) {
        await stack.ds.query(
          `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at)
           VALUES ($1, $2, (SELECT agency_id FROM app_user WHERE id = $2), $3, $4, $5)`,
          [id, user, state, startsAt, checkedIn ? startsAt : null],
        );
        rows.push({ gathering: id, status, day: osloLocal(startsAt).date, user, state, checkedIn });
      }
    }
    const named = (pairs: string[]) => pairs.map((p) => `${ids.get(p.split('|')[0])}|${users.indexOf(p.split('|')[1]) + 1}`).sort();
    const todays = ['2030-12-01', '2031-01-01', '2031-03-10', '2031-03-11', '2031-06-01', '2031-10-14', '2031-10-15', '2032-02-01'];
    const seen = new Set<string>();
    for (const today of todays) {
      const asOf = participationAsOf(YEAR, today);
      // The domain: a published gathering of the year whose day has come; took part by tookPart.
      const heldIds = [...days].filter(([, g]) => g.status === 'PUBLISHED' && gatheringHeld(YEAR, g.day, asOf)).map(([id]) => id);
      const pure = heldIds.flatMap((id) => tookPart(rows.filter((r) => r.gathering === id)).map((r) => `${id}|${r.user}`));
      const heldInDb = (await stack.ds.query(`SELECT * FROM ${HELD_GATHERINGS}($1::uuid, $2::int, $3::date)`, [
        area,
        YEAR,
        asOf,
      ])) as HeldGatheringRow[];
      const inDb = (await stack.ds.query(`SELECT * FROM ${GATHERING_PARTICIPANTS}($1::uuid, $2::int, $3::date)`, [
        area,
        YEAR,
        asOf,
      ])) as GatheringParticipantRow[];
      expect({ today, held: heldInDb.map((g) => ids.get(g.id)).sort() }).toEqual({ today, held: heldIds.map((id) => ids.get(id)).sort() });
      expect({ today, participants: named(inDb.map((p) => `${p.gathering_id}|${p.user_id}`)) }).toEqual({
        today,
        participants: named(pure),
      });
      for (const g of heldInDb) expect(g.any_check_in).toBe(rows.some((r) => r.gathering === g.id && r.checkedIn));
      for (const p of inDb) expect(p.agency_id).toBe(p.user_id === u5 ? null : agency);
      for (const p of named(pure)) seen.add(p);
    }
    // On a day in June: A by its check-ins (a no and a waitlisted one among them), B by its yes answers, nothing from C.
    const june = participationAsOf(YEAR, '2031-06-01');
    const inJune = (await stack.ds.query(`SELECT * FROM ${GATHERING_PARTICIPANTS}($1::uuid, $2::int, $3::date)`, [
      area,
      YEAR,
      june,
    ])) as GatheringParticipantRow[];
    expect(named(inJune.map((p) => `${p.gathering_id}|${p.user_id}`))).toEqual(['A|1', 'A|3', 'A|4', 'B|1', 'B|4']);
    // Once the year is over, D counted too (its one check-in); never the cancelled, the planned, or another year's.
    expect([...seen].sort()).toEqual(['A|1', 'A|3', 'A|4', 'B|1', 'B|4', 'D|2']);
  });
});
