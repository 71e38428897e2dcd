/** Targets, counting on the snapshot date, the minimum rule, and every kind of bad input. */
import { Client, code, ids, Stack, startStack, USERS } from './harness';

type Ids = Awaited<ReturnType<typeof ids>>;

describe('targets, counts and the minimum rule', () => {
  let stack: Stack;
  let i: Ids;
  let ministry: Client;
  let admin: Client;
  const count = async (sql: string, p: unknown[] = []) => Number((await stack.ds.query(sql, p))[0].n);

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    i = await ids(stack.ds);
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    admin = await new Client(stack.url).signIn(USERS.admin);
  });
  afterAll(() => stack?.stop());

  const DASH = `query($y: Int) { dashboard(year: $y) { snapshotDate threshold totals { apprenticesNow apprenticesOnSnapshot trades agencies agenciesWithNone agenciesBreakingRule targetSum } rows { agencyId name apprenticesNow apprenticesOnSnapshot target gap ruleApplies meetsMinimumRule } trades { nameNb apprentices } trend { year apprentices } } }`;

  it("shows the pilot's 37 apprentices in 7 trades", async () => {
    const r = await ministry.gql(DASH);
    expect(r.errors).toBeUndefined();
    const d = r.data!['dashboard'];
    expect(d.totals.apprenticesNow).toBe(37);
    expect(d.totals.trades).toBe(7);
    expect(d.trades).toHaveLength(7);
    expect(d.rows.find((x: { name: string }) => x.name === 'Kommunal- og distriktsdepartementet').apprenticesNow).toBe(1);
  });

  it('counts contracts in force on 1 October of the year, not those ended before or starting after', async () => {
    const a = await ministry.gql(`mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`, {
      i: { areaId: i.kdd, name: 'Snapshotetaten', orgNumber: '974760673', employees: 80 },
    });
    const agencyId = a.data!['createAgency'].id;
    const add = (start: string, end: string) =>
      ministry.gql(`mutation($i: CreateApprenticeInput!) { createApprentice(input: $i) { id } }`, {
        i: { agencyId, tradeId: i.kontor, name: 'Test Testesen', email: 'snap@example.no', contractStart: start, contractEnd: end },
      });
    await add('2023-08-15', '2025-08-14'); // in force 1 Oct 2023 and 2024
    await add('2024-10-01', '2026-09-30'); // starts on the snapshot day 2024: counts for 2024 and 2025
    await add('2024-10-02', '2026-10-01'); // starts the day after: not for 2024
    const ended = await add('2024-01-01', '2025-12-31');
    await ministry.gql(`mutation($id: ID!, $i: UpdateApprenticeInput!) { updateApprentice(id: $id, input: $i) { id } }`, {
      id: ended.data!['createApprentice'].id,
      i: { status: 'TERMINATED', endedOn: '2024-09-30' },
    });
    const row = async (y: number) =>
      (await ministry.gql(DASH, { y })).data!['dashboard'].rows.find((x: { agencyId: string }) => x.agencyId === agencyId);
    expect((await row(2023)).apprenticesOnSnapshot).toBe(1);
    expect((await row(2024)).apprenticesOnSnapshot).toBe(2);
    expect((await row(2025)).apprenticesOnSnapshot).toBe(2);
    expect((await ministry.gql(DASH, { y: 2024 })).data!['dashboard'].snapshotDate).toBe('2024-10-01');
  });

  it('applies the minimum rule with the threshold set for the year (100 in the pilot, 75 from 2022)', async () => {
    // Direktoratet for byggkvalitet has 90 employees and no apprentices.
    const dibk = async (y: number) => (await ministry.gql(DASH, { y })).data!['dashboard'];
    const d2021 = await dibk(2021);
    expect(d2021.threshold).toBe(100);
    expect(d2021.rows.find((x: { name: string }) => x.name === 'Direktoratet for byggkvalitet')).toMatchObject({
      ruleApplies: false,
      meetsMinimumRule: true,
    });
    const d2026 = await dibk(2026);
    expect(d2026.threshold).toBe(75);
    expect(d2026.rows.find((x: { name: string }) => x.name === 'Direktoratet for byggkvalitet')).toMatchObject({
      ruleApplies: true,
      meetsMinimumRule: false,
    });
    // Raising the threshold for a year changes the verdict.
    await admin.gql(`mutation { setMinimumRule(input: { year: 2027, threshold: 100, source: "test" }) { year } }`);
    const d2027 = await dibk(2027);
    expect(d2027.threshold).toBe(100);
    expect(d2027.rows.find((x: { name: string }) => x.name === 'Direktoratet for byggkvalitet').ruleApplies).toBe(false);
  });

  it('sets a target and the gap follows; the split per trade is stored', async () => {
    const year = new Date().getFullYear();
    const r = await ministry.gql(`mutation($i: SetTargetInput!) { setTarget(input: $i) { total note byTrade { tradeId count } } }`, {
      i: { agencyId: i.husbanken, year, total: 5, note: 'Avtalt i bilateralt møte', byTrade: [{ tradeId: i.kontor, count: 4 }] },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!['setTarget']).toMatchObject({ total: 5, byTrade: [{ tradeId: i.kontor, count: 4 }] });
    const row = (await ministry.gql(DASH)).data!['dashboard'].rows.find((x: { agencyId: string }) => x.agencyId === i.husbanken);
    expect(row).toMatchObject({ target: 5, apprenticesNow: 2, gap: 3 });
    const agencyCoordinator = await new Client(stack.url).signIn(USERS.digdir);
    const hist = await agencyCoordinator.gql(
      `query($id: ID!) { agency(id: $id) { target { total } } targets(agencyId: $id) { year total } }`,
      { id: i.digdir },
    );
    expect(hist.errors).toBeUndefined();
    expect(hist.data!['targets'].length).toBeGreaterThanOrEqual(5);
  });

  describe('bad input is refused with a clear error and changes nothing', () => {
    const snapshot = async () => ({
      agencies: await count(`SELECT count(*) n FROM agency`),
      apprentices: await count(`SELECT count(*) n FROM apprentice`),
      targets: await count(`SELECT count(*) n FROM target`),
      tradeTargets: await count(`SELECT count(*) n FROM trade_target`),
      husbankenTarget: await stack.ds.query(`SELECT total, note FROM target WHERE agency_id = $1 ORDER BY year`, [i.husbanken]),
    });

    const cases: [string, () => Promise<import('./harness').GqlResult>, string, RegExp][] = [
      [
        'a duplicate org number',
        () =>
          ministry.gql(
            `mutation { createAgency(input: { areaId: "${i.kdd}", name: "Kopi", orgNumber: "991825827", employees: 5 }) { id } }`,
          ),
        'CONFLICT',
        /already has the organisation number/,
      ],
      [
        'an invalid org number (check digit)',
        () =>
          ministry.gql(
            `mutation { createAgency(input: { areaId: "${i.kdd}", name: "Feil", orgNumber: "991825828", employees: 5 }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /not a valid organisation number/,
      ],
      [
        'a negative target',
        () => ministry.gql(`mutation { setTarget(input: { agencyId: "${i.husbanken}", year: 2026, total: -1 }) { id } }`),
        'VALIDATION_FAILED',
        /cannot be negative/,
      ],
      [
        'an absurd target',
        () => ministry.gql(`mutation { setTarget(input: { agencyId: "${i.husbanken}", year: 2026, total: 100000 }) { id } }`),
        'VALIDATION_FAILED',
        /cannot exceed/,
      ],
      [
        'a target above the employee count',
        () => ministry.gql(`mutation { setTarget(input: { agencyId: "${i.husbanken}", year: 2026, total: 400 }) { id } }`),
        'VALIDATION_FAILED',
        /employees/,
      ],
      [
        'a split larger than the total',
        () =>
          ministry.gql(
            `mutation { setTarget(input: { agencyId: "${i.husbanken}", year: 2026, total: 2, byTrade: [{ tradeId: "${i.kontor}", count: 3 }] }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /larger than the total/,
      ],
      [
        'an unknown trade in the split',
        () =>
          ministry.gql(
            `mutation { setTarget(input: { agencyId: "${i.husbanken}", year: 2026, total: 2, byTrade: [{ tradeId: "00000000-0000-4000-8000-000000000000", count: 1 }] }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /trade that does not exist/,
      ],
      [
        'a contract ending before it starts',
        () =>
          ministry.gql(
            `mutation { createApprentice(input: { agencyId: "${i.husbanken}", tradeId: "${i.kontor}", name: "Ola", email: "o@example.no", contractStart: "2026-08-15", contractEnd: "2026-08-01" }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /end after it starts/,
      ],
      [
        'an impossible date',
        () =>
          ministry.gql(
            `mutation { createApprentice(input: { agencyId: "${i.husbanken}", tradeId: "${i.kontor}", name: "Ola", email: "o@example.no", contractStart: "2026-02-30", contractEnd: "2028-01-01" }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /date/,
      ],
      [
        'an unknown trade',
        () =>
          ministry.gql(
            `mutation { createApprentice(input: { agencyId: "${i.husbanken}", tradeId: "00000000-0000-4000-8000-000000000000", name: "Ola", email: "o@example.no", contractStart: "2026-08-15", contractEnd: "2028-08-14" }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /trade does not exist/,
      ],
      [
        'a bad e-mail address',
        () =>
          ministry.gql(
            `mutation { createApprentice(input: { agencyId: "${i.husbanken}", tradeId: "${i.kontor}", name: "Ola", email: "not-an-address", contractStart: "2026-08-15", contractEnd: "2028-08-14" }) { id } }`,
          ),
        'VALIDATION_FAILED',
        /e-mail/,
      ],
      [
        'a wrongly typed argument',
        () => ministry.gql(`mutation { setTarget(input: { agencyId: "${i.husbanken}", year: "soon", total: 2 }) { id } }`),
        'VALIDATION_FAILED',
        /Int/,
      ],
      [
        'a terminated contract without an end date',
        () => ministry.gql(`mutation { updateApprentice(id: "${i.statsbyggApprentice}", input: { status: TERMINATED }) { id } }`),
        'VALIDATION_FAILED',
        /endedOn/,
      ],
    ];

    it.each(cases)('%s', async (_name, call, expectedCode, message) => {
      const before = await snapshot();
      const r = await call();
      expect(code(r)).toBe(expectedCode);
      expect(r.errors![0].message).toMatch(message);
      expect(JSON.stringify(r)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack traces
      expect(await snapshot()).toEqual(before);
    });
  });

  it('limits query complexity', async () => {
    const wide = await ministry.gql(`{ ${Array.from({ length: 120 }, (_, k) => `a${k}: agencies { apprentices { id } }`).join(' ')} }`);
    expect(code(wide)).toBe('QUERY_TOO_COMPLEX');
  });
});
