/**
 * The demo's living year, as a new user finds it through the API: loaded on a few days of the
 * year (the API's clock set to that day), signed in as the demo users. The plan with what is
 * done, bilateral meetings (one late), gatherings held with attendance and minutes, the pool,
 * competence help, and the December reports once reporting has opened; loading twice adds nothing.
 */
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../src/database/seeds/demo-data';
import { Client, Stack, startStack } from './harness';

const osloDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(d);

/**
 * That month and day at 10:00 UTC, in the future: sessions made then must not have expired by
 * the database's clock (they last 12 hours, so today's 10:00 would not do after 22:00).
 */
function next(monthDay: string): Date {
  const now = new Date();
  let year = Number(osloDate(now).slice(0, 4));
  while (new Date(`${year}-${monthDay}T10:00:00Z`) <= now) year++;
  return new Date(`${year}-${monthDay}T10:00:00Z`);
}

/** Empties every table the migrations made, as if the database were new. */
async function emptyDatabase(ds: DataSource) {
  const tables: { tablename: string }[] = await ds.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  await ds.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
}

async function counts(ds: DataSource) {
  const tables = [
    'app_user',
    'apprentice',
    'action_plan',
    'plan_milestone',
    'bilateral_meeting',
    'gathering',
    'gathering_rsvp',
    'pooled_event',
    'shift_signup',
    'help_request',
    'agency_report',
    'apprenticeship_contract',
    'apprenticeship_talk',
    'apprenticeship_interruption',
    'trade_test',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = ((await ds.query(`SELECT count(*)::int AS n FROM ${t}`)) as { n: number }[])[0].n;
  return out;
}

const PLAN = `{ actionPlan { year mainGoalEn subGoalsEn measures { title titleEn implementationEn status milestones { title titleEn dueDate doneAt status } criteria { kind label labelEn status value required checked missing { name } late { name } } }
  bilateralMeetings { agencyName meeting { heldOn } } } }`;

interface Plan {
  year: number;
  mainGoalEn: string | null;
  subGoalsEn: (string | null)[] | null;
  measures: {
    title: string;
    titleEn: string | null;
    implementationEn: string | null;
    status: string;
    milestones: { title: string; titleEn: string | null; dueDate: string; doneAt: string | null; status: string }[];
    criteria: {
      kind: string;
      label: string;
      labelEn: string | null;
      status: string;
      value: number;
      required: number;
      checked: boolean;
      missing: { name: string }[];
      late?: { name: string }[];
    }[];
  }[];
  bilateralMeetings: { agencyName: string; meeting: { heldOn: string } | null }[];
}

describe('the living year of the demo', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ worker: false, seed: false });
  }, 120_000);
  afterAll(async () => {
    jest.useRealTimers();
    await stack?.stop();
  });

  /** A new database, loaded on `at`, with the API's clock on that day. */
  async function loadOn(at: Date) {
    jest.useRealTimers();
    await emptyDatabase(stack.ds);
    jest.useFakeTimers({
      now: at,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    expect(await seedDemoData(stack.ds, { today: at, living: true })).toEqual({ created: true });
    const as = async (email: string) => {
      const c = new Client(stack.url);
      await c.signIn(email);
      return c;
    };
    return {
      today: osloDate(at),
      year: Number(osloDate(at).slice(0, 4)),
      ministry: await as('kari.nordmann@kdd.dep.no'),
      agency: await as('ola.hansen@digdir.no'),
      apprentice: await as('emma.larsen@digdir.no'),
    };
  }

  it('on 2 December: the year is nearly done, and the reports are coming in', async () => {
    const { today, year, ministry, agency, apprentice } = await loadOn(next('12-02'));

    // The plan from the pilot's template, with what is done ticked off and one milestone overdue.
    const plan = (await ministry.gql<{ actionPlan: Plan }>(PLAN)).data!.actionPlan;
    expect(plan.year).toBe(year);
    expect(plan.measures.map((m) => m.title)).toEqual([
      'Presentasjon av lærlingordningen',
      'Nettverk i departementsområdet',
      'Markedsføring og bruk av lærlinger i hele virksomheten',
      'Kompetanselærling',
    ]);
    expect(plan.measures[0].status).toBe('DONE');
    // With the template's English beside each text, for readers of English.
    expect(plan.measures.map((m) => m.titleEn)).toEqual([
      'Presenting the apprenticeship scheme',
      'A network in the ministry area',
      'Promoting apprentices and using them across the agency',
      'Competence apprentices',
    ]);
    expect(plan.mainGoalEn).toBe('Increase the number of apprentices in the ministry area');
    expect(plan.subGoalsEn?.every((s) => !!s)).toBe(true);
    const english = plan.measures.flatMap((m) => [
      m.implementationEn,
      ...m.milestones.map((x) => x.titleEn),
      ...m.criteria.map((c) => c.labelEn),
    ]);
    expect(english.filter((x) => !x)).toEqual([]);
    const milestones = plan.measures.flatMap((m) => m.milestones);
    expect(milestones.filter((m) => m.status === 'DONE').length).toBeGreaterThanOrEqual(7);
    expect(milestones.find((m) => m.title === 'Første nettverkssamling')!.doneAt).not.toBeNull();
    expect(milestones.find((m) => m.title === 'Virksomhetene melder inn aktuelle arrangement for året')!.status).toBe('OVERDUE');
    const criterion = (kind: string) => plan.measures.flatMap((m) => m.criteria).find((c) => c.kind === kind)!;
    // 9 of 12 agencies met by 1 July; Distriktssenteret was met in September, too late to count: held late, not missing.
    expect(criterion('BILATERAL_MEETINGS')).toMatchObject({ value: 9, required: 12 });
    expect(
      criterion('BILATERAL_MEETINGS')
        .missing.map((a) => a.name)
        .sort(),
    ).toEqual(['Husleietvistutvalget', 'Valgdirektoratet']);
    expect(criterion('BILATERAL_MEETINGS').late!.map((a) => a.name)).toEqual(['Distriktssenteret']);
    expect(criterion('FIRST_GATHERING').status).toBe('MET');
    expect(criterion('GATHERINGS_HELD').value).toBeGreaterThanOrEqual(3);
    expect(plan.measures[0].criteria.find((c) => c.kind === 'MANUAL')!.checked).toBe(true);
    const late = plan.bilateralMeetings.find((b) => b.agencyName === 'Distriktssenteret')!.meeting!;
    expect(late.heldOn > `${year}-07-01` && late.heldOn < today).toBe(true);

    // Gatherings held, with who came and the minutes; the coming ones planned (Christmas is left free).
    const list = (
      await ministry.gql<{
        gatherings: {
          id: string;
          title: string;
          startsAt: string;
          status: string;
          minutes: string;
          counts: { yes: number; checkedIn: number };
        }[];
      }>(`{ gatherings(from: "${year - 1}-08-01") { id title startsAt status minutes counts { yes checkedIn } } }`)
    ).data!.gatherings;
    const held = list.filter((g) => osloDate(new Date(g.startsAt)) < today);
    expect(held.length).toBeGreaterThanOrEqual(3);
    expect(
      held.every((g) => g.status === 'PUBLISHED' && g.minutes.length > 20 && g.counts.checkedIn > 0 && g.counts.checkedIn <= g.counts.yes),
    ).toBe(true);
    const rsvps = (
      await ministry.gql<{
        gathering: { rsvps: { name: string; agencyName: string; checkedInAt: string | null }[]; actions: { text: string }[] };
      }>(`query($id: ID!) { gathering(id: $id) { rsvps { name agencyName checkedInAt } actions { text } } }`, { id: held[0].id })
    ).data!.gathering;
    expect(rsvps.rsvps.filter((r) => r.checkedInAt).map((r) => r.agencyName)).toContain('Statsbygg');
    expect(rsvps.actions.length).toBe(1);
    expect(list.some((g) => osloDate(new Date(g.startsAt)) >= today && g.status === 'PLANNED')).toBe(true);

    // The pool: past events with hours, coming ones with sign-ups to approve, one waiting for the ministry.
    const events = (
      await ministry.gql<{ poolEvents: { id: string; title: string; status: string; startsOn: string; shifts: { taken: number }[] }[] }>(
        `{ poolEvents(includePast: true) { id title status startsOn shifts { taken } } }`,
      )
    ).data!.poolEvents;
    expect(events.map((e) => e.status).sort()).toEqual(['APPROVED', 'APPROVED', 'APPROVED', 'APPROVED', 'RETURNED', 'SUBMITTED']);
    const conference = events.find((e) => e.title === 'Digitaliseringskonferansen')!;
    expect(conference.startsOn < today).toBe(true);
    const worked = (
      await agency.gql<{ poolEventSignups: { name: string; attendance: string | null; hours: number | null }[] }>(
        `query($id: ID!) { poolEventSignups(eventId: $id) { name attendance hours } }`,
        { id: conference.id },
      )
    ).data!.poolEventSignups;
    expect(worked.filter((s) => s.attendance === 'PRESENT').length).toBe(3);
    expect(worked.some((s) => s.hours === 3.5)).toBe(true);
    const pending = (await agency.gql<{ pendingSignupApprovals: { eventTitle: string }[] }>(`{ pendingSignupApprovals { eventTitle } }`))
      .data!.pendingSignupApprovals;
    expect(pending.map((p) => p.eventTitle)).toEqual(['Seminar om bærekraftige bygg']);
    const mine = (await apprentice.gql<{ mySignups: { eventTitle: string; state: string }[] }>(`{ mySignups { eventTitle state } }`)).data!
      .mySignups;
    expect(mine.map((s) => s.eventTitle)).toEqual(expect.arrayContaining(['Digitaliseringskonferansen', 'Seminar om bærekraftige bygg']));

    // Competence apprentices, and help asked for: open, taken and closed.
    const subjects = (
      await apprentice.gql<{ competenceSubjects: { name: string; apprentices: { name: string }[] }[] }>(
        `{ competenceSubjects { name apprentices { name } } }`,
      )
    ).data!.competenceSubjects;
    expect(subjects.find((s) => s.name === 'SharePoint')!.apprentices.map((a) => a.name)).toContain('Emma Larsen');
    const help = (await ministry.gql<{ helpRequests: { status: string }[] }>(`{ helpRequests { status } }`)).data!.helpRequests;
    expect(help.map((h) => h.status).sort()).toEqual(['CLOSED', 'CLOSED', 'OPEN', 'TAKEN']);
    // Emma covers SharePoint: she sees its open request, and the one she closed.
    const hers = (
      await apprentice.gql<{ helpRequests: { status: string; subjectName: string; takenByName: string | null }[] }>(
        `{ helpRequests { status subjectName takenByName } }`,
      )
    ).data!.helpRequests;
    expect(hers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'OPEN', subjectName: 'SharePoint' }),
        expect.objectContaining({ status: 'CLOSED', takenByName: 'Emma Larsen' }),
      ]),
    );

    // December: reporting is open; some have submitted, Digdir has a draft, the rest have not started.
    const board = (
      await ministry.gql<{ summaryStatusBoard: { counts: { submitted: number; draft: number; notStarted: number; late: number } } }>(
        `{ summaryStatusBoard { counts { submitted draft notStarted late } } }`,
      )
    ).data!.summaryStatusBoard;
    expect(board.counts.submitted).toBeGreaterThanOrEqual(1);
    expect(board.counts.draft).toBeGreaterThanOrEqual(2);
    expect(board.counts.notStarted).toBeGreaterThan(0);
    const report = (
      await agency.gql<{ agencyReport: { status: string; editable: boolean; yearInReview: string } }>(
        `{ agencyReport { status editable yearInReview } }`,
      )
    ).data!.agencyReport;
    expect(report).toMatchObject({ status: 'DRAFT', editable: true });

    // Emma Larsen the user is Emma Larsen in Digdir's list, and every apprentice has an address.
    const digdir = (await agency.gql<{ me: { agencyId: string } }>(`{ me { agencyId } }`)).data!.me.agencyId;
    const list2 = (
      await agency.gql<{ apprentices: { name: string; email: string | null }[] }>(
        `query($a: ID!) { apprentices(agencyId: $a) { name email } }`,
        { a: digdir },
      )
    ).data!.apprentices;
    expect(list2).toContainEqual({ name: 'Emma Larsen', email: 'emma.larsen@digdir.no' });
    expect(list2.every((a) => /^[a-z0-9.]+@digdir\.no$/.test(a.email ?? ''))).toBe(true);

    // Keeping apprentices: Digdir's apprentices under contract each have a contract with a
    // professional leader and talks held, and some assessments are overdue; in the area, one
    // interruption moved an end and one trade test was passed.
    type Kept = {
      name: string;
      status: string;
      leader: { name: string } | null;
      talks: { kind: string }[];
      originalEnd: string;
      plannedEnd: string;
      interruptions: { kind: string }[];
      tradeTests: { result: string | null }[];
      warnings: { kind: string }[];
    };
    const kept = (
      await agency.gql<{ apprenticeships: Kept[] }>(
        `query($a: ID!) { apprenticeships(agencyId: $a) { name status leader { name } talks { kind } originalEnd plannedEnd
           interruptions { kind } tradeTests { result } warnings { kind } } }`,
        { a: digdir },
      )
    ).data!.apprenticeships;
    const running = kept.filter((k) => k.status === 'ACTIVE' || k.status === 'INTERRUPTED');
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((k) => k.leader !== null)).toBe(true);
    expect(running.filter((k) => k.talks.length > 0).length).toBeGreaterThan(0);
    const area = (await stack.ds.query(
      `SELECT (SELECT count(*) FROM apprenticeship_contract WHERE leader_id IS NOT NULL)::int AS led,
              (SELECT count(*) FROM apprenticeship_interruption)::int AS interruptions,
              (SELECT count(*) FROM trade_test WHERE result IN ('PASSED', 'PASSED_WITH_DISTINCTION'))::int AS passed`,
    )) as { led: number; interruptions: number; passed: number }[];
    expect(area[0].led).toBeGreaterThanOrEqual(running.length);
    expect(area[0].interruptions).toBeGreaterThanOrEqual(1);
    expect(area[0].passed).toBeGreaterThanOrEqual(1);
    const overdue = (
      await ministry.gql<{ apprenticeshipFigures: { total: { underContract: number; assessmentsOnTime: number } } }>(
        `{ apprenticeshipFigures { total { underContract assessmentsOnTime } } }`,
      )
    ).data!.apprenticeshipFigures.total;
    expect(overdue.underContract).toBeGreaterThan(0);
    expect(overdue.assessmentsOnTime).toBeLessThan(overdue.underContract);

    // Loading again changes nothing.
    const before = await counts(stack.ds);
    expect(await seedDemoData(stack.ds, { today: next('12-02'), living: true })).toEqual({ created: false });
    expect(await counts(stack.ds)).toEqual(before);
  }, 60_000);

  it('on 31 December: the deadline has passed, one report came late and the missing ones are late', async () => {
    const { ministry } = await loadOn(next('12-31'));
    const board = (
      await ministry.gql<{
        summaryStatusBoard: { counts: { submitted: number; late: number }; rows: { agencyName: string; submittedLate: boolean }[] };
      }>(`{ summaryStatusBoard { counts { submitted late } rows { agencyName submittedLate } } }`)
    ).data!.summaryStatusBoard;
    expect(board.counts.submitted).toBe(4);
    expect(board.counts.late).toBeGreaterThan(0);
    expect(board.rows.filter((r) => r.submittedLate).map((r) => r.agencyName)).toEqual(['Husbanken']);
  }, 60_000);

  it("on 15 February: the new plan has just begun, the gatherings held are last autumn's, and there are no reports yet", async () => {
    const { year, today, ministry } = await loadOn(next('02-15'));
    const plan = (await ministry.gql<{ actionPlan: Plan }>(PLAN)).data!.actionPlan;
    expect(plan.year).toBe(year);
    expect(plan.measures.flatMap((m) => m.milestones).every((m) => m.doneAt === null)).toBe(true);
    expect(plan.bilateralMeetings.every((b) => b.meeting === null)).toBe(true);
    const list = (
      await ministry.gql<{ gatherings: { startsAt: string; status: string; counts: { checkedIn: number } }[] }>(
        `{ gatherings(from: "${year - 1}-08-01") { startsAt status counts { checkedIn } } }`,
      )
    ).data!.gatherings;
    const held = list.filter((g) => osloDate(new Date(g.startsAt)) < today);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held.every((g) => osloDate(new Date(g.startsAt)) >= `${year - 1}-08-01` && g.counts.checkedIn > 0)).toBe(true);
    const board = (
      await ministry.gql<{ summaryStatusBoard: { counts: { submitted: number; draft: number } } }>(
        `{ summaryStatusBoard(year: ${year}) { counts { submitted draft } } }`,
      )
    ).data!.summaryStatusBoard;
    expect(board.counts).toEqual({ submitted: 0, draft: 0 });
  }, 60_000);

  it('on 20 June: the bilateral meetings are under way, the spring gatherings held and the next one sent out', async () => {
    const { year, today, ministry } = await loadOn(next('06-20'));
    const plan = (await ministry.gql<{ actionPlan: Plan }>(PLAN)).data!.actionPlan;
    const meetings = plan.bilateralMeetings.filter((b) => b.meeting);
    expect(meetings.length).toBeGreaterThan(3);
    expect(meetings.length).toBeLessThan(9);
    const criterion = plan.measures.flatMap((m) => m.criteria).find((c) => c.kind === 'BILATERAL_MEETINGS')!;
    expect(criterion).toMatchObject({ status: 'IN_PROGRESS', value: meetings.length, required: 12 });
    expect(plan.measures.flatMap((m) => m.milestones).find((m) => m.title === 'Presentasjon i HR-nettverket')!.status).toBe('DONE');
    const gatherings = plan.measures.flatMap((m) => m.criteria).find((c) => c.kind === 'GATHERINGS_HELD')!;
    expect(gatherings.value).toBeGreaterThanOrEqual(2);
    const list = (
      await ministry.gql<{ gatherings: { startsAt: string; status: string; counts: { yes: number; checkedIn: number } }[] }>(
        `{ gatherings(from: "${today}") { startsAt status counts { yes checkedIn } } }`,
      )
    ).data!.gatherings;
    const sent = list.filter((g) => g.status === 'PUBLISHED');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((g) => g.counts.yes > 0 && g.counts.checkedIn === 0)).toBe(true);
    expect(osloDate(new Date(sent[0].startsAt)) < `${year}-08-01`).toBe(true);
  }, 60_000);
});
