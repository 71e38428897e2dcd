/**
 * Gathering schedules and holidays, through GraphQL against real Postgres: each series says what
 * it does with a date that is no day for a gathering (move it within its week, or skip it), the
 * preview says per date what will happen, and the gatherings stored are what it said.
 */
import { gqlOk } from './gathering-helpers';
import { Client, code, Stack, startStack, USERS } from './harness';

const DATE_FIELDS = 'ruleDate outcome date reason holiday reasonLabel startsAt';
const CREATE = `mutation($i: CreateGatheringSeriesInput!) { createGatheringSchedule(input: $i) { series { id holidayRule } dates { ${DATE_FIELDS} } gatherings { id startsAt } } }`;
const PREVIEW = `query($i: GatheringScheduleInput!) { gatheringSchedulePreview(input: $i) { ${DATE_FIELDS} } }`;

interface ScheduledDate {
  ruleDate: string;
  outcome: string;
  date: string | null;
  reason: string | null;
  holiday: string | null;
  reasonLabel: string | null;
  startsAt: string | null;
}

/** Monthly on the last Thursday from January 2027, over four months: Holy Thursday is 25 March. */
const lastThursdays2027 = {
  rrule: 'FREQ=MONTHLY;BYDAY=-1TH',
  firstDate: '2027-01-01',
  startTime: '10:00',
  endTime: '14:00',
  horizonMonths: 4,
};

describe('gathering schedules: the holiday rule', () => {
  let stack: Stack;
  let ministry: Client;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    ministry = await new Client(stack.url).signIn(USERS.ministry);
  });
  afterAll(() => stack?.stop());

  /** The series' gatherings as stored: the rule's date and the Oslo date and time held. */
  const stored = async (seriesId: string): Promise<string[]> =>
    (
      await stack.ds.query(
        `SELECT to_char(rule_date, 'YYYY-MM-DD') || ' → ' || to_char(starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI') AS line FROM gathering WHERE series_id = $1 ORDER BY rule_date`,
        [seriesId],
      )
    ).map((r: { line: string }) => r.line);
  const ruleOf = async (seriesId: string) =>
    (await stack.ds.query(`SELECT holiday_rule FROM gathering_series WHERE id = $1`, [seriesId]))[0].holiday_rule;

  it('previews per date, and MOVE stores Holy Thursday 2027 on Wednesday 24 March', async () => {
    const seriesCount = async () => (await stack.ds.query(`SELECT count(*)::int AS n FROM gathering_series`))[0].n;
    const before = await seriesCount();
    const preview = (await gqlOk(ministry, PREVIEW, { i: { ...lastThursdays2027, holidayRule: 'MOVE' } }))
      .gatheringSchedulePreview as ScheduledDate[];
    expect(preview.map((d) => [d.ruleDate, d.outcome, d.date])).toEqual([
      ['2027-01-28', 'KEPT', '2027-01-28'],
      ['2027-02-25', 'KEPT', '2027-02-25'],
      ['2027-03-25', 'MOVED', '2027-03-24'],
      ['2027-04-29', 'KEPT', '2027-04-29'],
    ]);
    expect(preview[2]).toMatchObject({
      reason: 'HOLIDAY',
      holiday: 'MAUNDY_THURSDAY',
      reasonLabel: 'Skjærtorsdag',
      startsAt: '2027-03-24T09:00:00.000Z',
    });
    expect(await seriesCount()).toBe(before); // a preview saves nothing

    const r = (await gqlOk(ministry, CREATE, { i: { ...lastThursdays2027, holidayRule: 'MOVE', audience: 'STAFF', title: 'Flyttes' } }))
      .createGatheringSchedule;
    expect(r.series.holidayRule).toBe('MOVE');
    expect(r.dates).toEqual(preview);
    expect(r.gatherings).toHaveLength(4);
    expect(await ruleOf(r.series.id)).toBe('MOVE');
    expect(await stored(r.series.id)).toEqual([
      '2027-01-28 → 2027-01-28 10:00',
      '2027-02-25 → 2027-02-25 10:00',
      '2027-03-25 → 2027-03-24 10:00',
      '2027-04-29 → 2027-04-29 10:00',
    ]);
  });

  it('SKIP leaves Holy Thursday 2027 out, says so, and keeps skipping after a pause', async () => {
    const r = (await gqlOk(ministry, CREATE, { i: { ...lastThursdays2027, holidayRule: 'SKIP', audience: 'STAFF', title: 'Hoppes over' } }))
      .createGatheringSchedule;
    expect(r.dates.map((d: ScheduledDate) => [d.ruleDate, d.outcome, d.date, d.reasonLabel])).toEqual([
      ['2027-01-28', 'KEPT', '2027-01-28', null],
      ['2027-02-25', 'KEPT', '2027-02-25', null],
      ['2027-03-25', 'SKIPPED', null, 'Skjærtorsdag'],
      ['2027-04-29', 'KEPT', '2027-04-29', null],
    ]);
    expect(await ruleOf(r.series.id)).toBe('SKIP');
    const skipped = ['2027-01-28 → 2027-01-28 10:00', '2027-02-25 → 2027-02-25 10:00', '2027-04-29 → 2027-04-29 10:00'];
    expect(await stored(r.series.id)).toEqual(skipped);
    expect((await gqlOk(ministry, `{ gatheringSeries { id holidayRule } }`)).gatheringSeries).toContainEqual({
      id: r.series.id,
      holidayRule: 'SKIP',
    });
    // Resuming makes the gatherings again by the series' own rule (over the coming 12 months).
    await gqlOk(ministry, `mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: true) }`, { id: r.series.id });
    expect(await stored(r.series.id)).toEqual([]);
    await gqlOk(ministry, `mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: false) }`, { id: r.series.id });
    const resumed = await stored(r.series.id);
    expect(resumed.slice(0, 3)).toEqual(skipped);
    expect(resumed.some((l) => l.startsWith('2027-03-25'))).toBe(false);
  });

  it('moves by default, and never stores a gathering in the Christmas holiday', async () => {
    // Weekly on Thursdays in December 2032: 23 December moves back to Monday 20 December (the
    // Christmas holiday starts on the 21st); the week of 30 December has no working day.
    const december2032 = {
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      firstDate: '2032-12-01',
      startTime: '09:00',
      endTime: '11:00',
      horizonMonths: 1,
      audience: 'STAFF',
      title: 'Desember',
    };
    const r = (await gqlOk(ministry, CREATE, { i: december2032 })).createGatheringSchedule;
    expect(r.series.holidayRule).toBe('MOVE');
    expect(r.dates.map((d: ScheduledDate) => [d.ruleDate, d.outcome, d.date, d.reason])).toEqual([
      ['2032-12-02', 'KEPT', '2032-12-02', null],
      ['2032-12-09', 'KEPT', '2032-12-09', null],
      ['2032-12-16', 'KEPT', '2032-12-16', null],
      ['2032-12-23', 'MOVED', '2032-12-20', 'CHRISTMAS_HOLIDAY'],
      ['2032-12-30', 'SKIPPED', null, 'CHRISTMAS_HOLIDAY'],
    ]);
    const lines = await stored(r.series.id);
    expect(lines).toEqual([
      '2032-12-02 → 2032-12-02 09:00',
      '2032-12-09 → 2032-12-09 09:00',
      '2032-12-16 → 2032-12-16 09:00',
      '2032-12-23 → 2032-12-20 09:00',
    ]);
  });

  it('refuses a schedule that would hold no gathering, saying why, and saves nothing', async () => {
    const before = (await stack.ds.query(`SELECT count(*)::int AS n FROM gathering_series`))[0].n;
    const christmasDay = {
      rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25',
      firstDate: '2030-01-01',
      startTime: '10:00',
      endTime: '12:00',
      horizonMonths: 12,
      audience: 'STAFF',
      title: 'Jul',
    };
    const skip = await ministry.gql(CREATE, { i: { ...christmasDay, holidayRule: 'SKIP' } });
    expect(code(skip)).toBe('VALIDATION_FAILED');
    expect(skip.errors![0].message).toMatch(/no gatherings .* skipped/);
    expect(skip.errors![0].extensions!['fields']).toHaveProperty('rrule');
    const move = await ministry.gql(CREATE, { i: { ...christmasDay, holidayRule: 'MOVE' } });
    expect(code(move)).toBe('VALIDATION_FAILED');
    expect(move.errors![0].message).toMatch(/no working day/);
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM gathering_series`))[0].n).toBe(before);
    // The preview says the same date by date instead of refusing.
    const preview = (
      await gqlOk(ministry, PREVIEW, { i: { ...lastThursdays2027, rrule: christmasDay.rrule, firstDate: '2030-01-01', horizonMonths: 12 } })
    ).gatheringSchedulePreview;
    expect(preview).toEqual([expect.objectContaining({ ruleDate: '2030-12-25', outcome: 'SKIPPED', holiday: 'CHRISTMAS_DAY' })]);
  });

  it('validates the preview like the schedule: a rule it cannot read, times, an unknown holiday rule', async () => {
    const bad = await ministry.gql(PREVIEW, { i: { ...lastThursdays2027, rrule: 'every second month' } });
    expect(code(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0].message).toMatch(/RFC 5545/);
    const times = await ministry.gql(PREVIEW, { i: { ...lastThursdays2027, startTime: '14:00', endTime: '10:00' } });
    expect(code(times)).toBe('VALIDATION_FAILED');
    expect(times.errors![0].extensions!['fields']).toHaveProperty('endTime');
    const noDay = await ministry.gql(PREVIEW, { i: { ...lastThursdays2027, firstDate: '2027-02-30' } });
    expect(code(noDay)).toBe('VALIDATION_FAILED');
    expect(noDay.errors![0].extensions!['fields']).toHaveProperty('firstDate');
    const rule = await ministry.gql(PREVIEW, { i: { ...lastThursdays2027, holidayRule: 'SOMETIMES' } });
    expect(code(rule)).toBe('VALIDATION_FAILED');
    expect(rule.errors![0].message).toMatch(/SOMETIMES.*HolidayRule/);
    expect(await new Client(stack.url).gql(PREVIEW, { i: lastThursdays2027 }).then(code)).toBe('UNAUTHENTICATED');
  });
});
