/**
 * Who took part in the network's gatherings, read three ways on the same data: the network page
 * (the portal's GatheringCriteria query), the action plan's criteria and the December summary.
 * The data has gatherings held and still to come, one cancelled and one not published, gatherings
 * with check-ins and without, yes, no and waitlist answers, and agencies with and without
 * apprentices. All three must agree with each other and with the domain's rules applied here to
 * the raw rows (tookPart, gatheringHeld, participationAsOf, isUnderContractOn).
 */
import {
  type ContractPeriod,
  gatheringHeld,
  isUnderContractOn,
  osloInstant,
  participationAsOf,
  PILOT_GATHERING_CRITERIA,
  RsvpState,
  tookPart,
} from '@laerenett/shared-domain';
import { CLOCK } from '../src/common/clock';
import { gqlOk } from './gathering-helpers';
import { Client, eventually, ids, Stack, startStack, USERS } from './harness';

const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));
/** Last year, judged on 20 October: some of its gatherings held, some still to come. */
const Y = thisYear - 1;
const TODAY = `${Y}-10-20`;

const NETWORK_PAGE = `query($a: ID, $y: Int) { gatheringCriteria(areaId: $a, year: $y) { key met value required missing } }`;
const PLAN = `query($a: ID, $y: Int) { actionPlan(areaId: $a, year: $y) { measures { criteria { kind status value required missing { name } } } } }`;
const COMPILE = `mutation($a: ID, $y: Int) { compileSummary(areaId: $a, year: $y) { id } }`;
const COMPILATION = `query($id: ID!) { summaryCompilation(id: $id) { status versionId error } }`;
const VERSION = `query($id: ID!) { summaryVersion(id: $id) { content { asOf
  totals { gatheringsHeld gatheringParticipants agenciesAtGatherings }
  agencies { name gatheringsAttended participants }
  gatherings { title participants agencies }
  criteria { label status value required missingNames } } } }`;

interface NetworkCriterion {
  key: string;
  met: boolean;
  value: number;
  required: number;
  missing: string[];
}
interface Judged {
  met: boolean;
  value: number;
  required: number;
  missing: string[];
}

/** The network page's criterion for a plan criterion's kind (the pilot's definition ties them). */
const KEY_OF_KIND: Record<string, string> = {
  FIRST_GATHERING: 'FIRST_BY_END_OF_AUGUST',
  GATHERINGS_HELD: 'AT_LEAST_THREE_IN_YEAR',
  PARTICIPANTS_FROM_AGENCIES: 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART',
};
const byName = (a: string, b: string) => a.localeCompare(b, 'nb');

describe('who took part in the gatherings: the network page, the action plan and the December summary agree', () => {
  let stack: Stack;
  let ministry: Client;
  let area: string;
  const sql = async <T>(q: string, p: unknown[] = []) => (await stack.ds.query(q, p)) as T[];

  /** The agency's id by name, in KDD. */
  const agency = async (name: string) => (await sql<{ id: string }>(`SELECT id FROM agency WHERE name = $1`, [name]))[0].id;
  const gathering = async (title: string, day: string, status = 'PUBLISHED') =>
    (
      await sql<{ id: string }>(
        `INSERT INTO gathering (area_id, audience, title, starts_at, ends_at, status) VALUES ($1, 'BOTH', $2, $3, $4, $5) RETURNING id`,
        [area, title, osloInstant(day, '10:00'), osloInstant(day, '12:00'), status],
      )
    )[0].id;
  /** Someone from the agency answers (and is perhaps checked in). */
  const answer = async (gatheringId: string, agencyName: string, state: RsvpState, checkedIn = false) => {
    const [u] = await sql<{ id: string; agency_id: string }>(
      `INSERT INTO app_user (email, name, role, area_id, agency_id)
       VALUES ('deltaker-' || gen_random_uuid() || '@example.no', 'Deltaker', 'APPRENTICE', $1, $2) RETURNING id, agency_id`,
      [area, await agency(agencyName)],
    );
    await sql(
      `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [gatheringId, u.id, u.agency_id, state, osloInstant(`${Y}-01-02`, '09:00'), checkedIn ? osloInstant(`${Y}-01-02`, '10:00') : null],
    );
  };

  /** What the domain's rules say, from the raw rows. */
  const oracle = async () => {
    const asOf = participationAsOf(Y, TODAY);
    const gatherings = await sql<{ id: string; title: string; day: string; status: string }>(
      `SELECT id, title, to_char(starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS day, status FROM gathering WHERE area_id = $1`,
      [area],
    );
    const held = gatherings.filter((g) => g.status === 'PUBLISHED' && gatheringHeld(Y, g.day, asOf));
    const answers = await sql<{ gathering_id: string; agency_id: string | null; state: RsvpState; checked_in: boolean }>(
      `SELECT gathering_id, agency_id, state, checked_in_at IS NOT NULL AS checked_in FROM gathering_rsvp WHERE gathering_id = ANY($1::uuid[])`,
      [held.map((g) => g.id)],
    );
    const took = held.map((g) => ({
      ...g,
      people: tookPart(answers.filter((r) => r.gathering_id === g.id).map((r) => ({ ...r, checkedIn: r.checked_in }))).filter(
        (r) => r.agency_id !== null,
      ),
    }));
    const agencies = await sql<{ id: string; name: string }>(`SELECT id, name FROM agency WHERE area_id = $1`, [area]);
    const contracts = await sql<ContractPeriod & { agency_id: string }>(
      `SELECT agency_id, contract_start::text AS "contractStart", contract_end::text AS "contractEnd", ended_on::text AS "endedOn", status FROM apprentice`,
    );
    const withApprentices = agencies.filter((a) => contracts.some((c) => c.agency_id === a.id && isUnderContractOn(c, asOf)));
    const tookPartIds = new Set(took.flatMap((g) => g.people.map((p) => p.agency_id)));
    return {
      asOf,
      held: took,
      participants: took.reduce((n, g) => n + g.people.length, 0),
      agenciesAtGatherings: tookPartIds.size,
      withApprentices: withApprentices.map((a) => a.name),
      missing: withApprentices
        .filter((a) => !tookPartIds.has(a.id))
        .map((a) => a.name)
        .sort(byName),
      attendedBy: new Map(agencies.map((a) => [a.name, took.filter((g) => g.people.some((p) => p.agency_id === a.id)).length])),
    };
  };

  const networkPage = async (): Promise<NetworkCriterion[]> => (await gqlOk(ministry, NETWORK_PAGE, { a: area, y: Y })).gatheringCriteria;

  const compile = async () => {
    const { id } = (await gqlOk(ministry, COMPILE, { a: area, y: Y })).compileSummary;
    const done = await eventually(
      async () => (await gqlOk(ministry, COMPILATION, { id })).summaryCompilation,
      (c) => c.status === 'COMPLETE' || c.status === 'FAILED',
      60_000,
    );
    expect(done).toMatchObject({ status: 'COMPLETE' });
    return (await gqlOk(ministry, VERSION, { id: done.versionId })).summaryVersion.content;
  };

  const sameMissing = (names: string[]) => [...names].sort(byName);

  beforeAll(async () => {
    stack = await startStack();
    area = (await ids(stack.ds)).kdd;
    // Signed in before the clock moves back to last year (the session is the real clock's).
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    CLOCK.set(osloInstant(TODAY, '12:00'));
    await sql(`DELETE FROM gathering WHERE area_id = $1`, [area]);
    await sql(`DELETE FROM action_plan WHERE area_id = $1 AND year = $2`, [area, Y]);

    // March: a list was kept; only those checked in took part (the ministry's agency without apprentices too).
    const march = await gathering('Mars', `${Y}-03-12`);
    await answer(march, 'Digitaliseringsdirektoratet', RsvpState.YES, true);
    await answer(march, 'Statsbygg', RsvpState.YES, false);
    await answer(march, 'Statsforvalteren i Vestland', RsvpState.YES, true);
    await answer(march, 'Husbanken', RsvpState.NO);
    // June: nobody was checked in; those who said yes took part, not those who said no or wait for a seat.
    const june = await gathering('Juni', `${Y}-06-11`);
    await answer(june, 'Statsbygg', RsvpState.YES);
    await answer(june, 'Departementenes sikkerhets- og serviceorganisasjon', RsvpState.YES);
    await answer(june, 'Husbanken', RsvpState.NO);
    await answer(june, 'Kartverket', RsvpState.WAITLIST);
    // September: nobody checked in either.
    const september = await gathering('September', `${Y}-09-17`);
    await answer(september, 'Nasjonal kommunikasjonsmyndighet', RsvpState.YES);
    await answer(september, 'Digitaliseringsdirektoratet', RsvpState.NO);
    // Cancelled, still to come, and not yet published: none of them was held.
    await answer(await gathering('Avlyst', `${Y}-10-08`, 'CANCELLED'), 'Kartverket', RsvpState.YES);
    const november = await gathering('November', `${Y}-11-19`);
    await answer(november, 'Kartverket', RsvpState.YES);
    await answer(november, 'Husbanken', RsvpState.YES, true);
    await answer(await gathering('Desember', `${Y}-12-10`, 'PLANNED'), 'Kartverket', RsvpState.YES);
  }, 60_000);
  afterAll(async () => {
    CLOCK.set(null);
    await stack?.stop();
  });

  it('the fixture has what the rules tell apart', async () => {
    const o = await oracle();
    expect(o.held.map((g) => g.title)).toEqual(['Mars', 'Juni', 'September']);
    expect(o.participants).toBe(5);
    // Agencies with apprentices that took part, agencies with apprentices that did not, and one without that did.
    expect(o.withApprentices).toEqual(expect.arrayContaining(['Digitaliseringsdirektoratet', 'Statsbygg', 'Husbanken', 'Kartverket']));
    expect(o.withApprentices).not.toContain('Statsforvalteren i Vestland');
    expect(o.missing).toEqual(expect.arrayContaining(['Husbanken', 'Kartverket']));
    expect(o.missing).not.toContain('Statsbygg');
  });

  it('the network page and the December summary (the pilot’s criteria: no plan yet) judge every criterion alike', async () => {
    const o = await oracle();
    const page = await networkPage();
    const summary = await compile();
    expect(page.map((c) => c.key)).toEqual(PILOT_GATHERING_CRITERIA.map((c) => c.key));
    expect(summary.criteria.map((c: { label: string }) => c.label)).toEqual(PILOT_GATHERING_CRITERIA.map((c) => c.label.nb));
    const fromSummary: Judged[] = summary.criteria.map(
      (c: { status: string; value: number; required: number; missingNames: string[] }) => ({
        met: c.status === 'MET',
        value: c.value,
        required: c.required,
        missing: sameMissing(c.missingNames),
      }),
    );
    const fromPage: Judged[] = page.map((c) => ({ met: c.met, value: c.value, required: c.required, missing: sameMissing(c.missing) }));
    expect(fromSummary).toEqual(fromPage);
    // And both as the rules say: three held (the one still to come and the cancelled one not counted), one of two from September.
    const key = (k: string) => page.find((c) => c.key === k)!;
    expect(key('FIRST_BY_END_OF_AUGUST')).toMatchObject({ met: true, value: 1 });
    expect(key('AT_LEAST_THREE_IN_YEAR')).toMatchObject({ met: true, value: o.held.length, required: 3 });
    expect(key('AT_LEAST_TWO_SEP_DEC')).toMatchObject({ met: false, value: 1, required: 2 });
    expect(key('EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART')).toMatchObject({
      met: false,
      required: o.withApprentices.length,
      value: o.withApprentices.length - o.missing.length,
      missing: o.missing,
    });
  }, 90_000);

  it("the summary's participation figures are those of the same rule", async () => {
    const o = await oracle();
    const summary = await compile();
    expect(summary.asOf).toBe(o.asOf);
    expect(summary.totals).toEqual({
      gatheringsHeld: o.held.length,
      gatheringParticipants: o.participants,
      agenciesAtGatherings: o.agenciesAtGatherings,
    });
    expect(summary.gatherings.map((g: { title: string; participants: number }) => [g.title, g.participants])).toEqual(
      o.held.map((g) => [g.title, g.people.length]),
    );
    for (const line of summary.agencies as { name: string; gatheringsAttended: number }[])
      expect([line.name, line.gatheringsAttended]).toEqual([line.name, o.attendedBy.get(line.name) ?? 0]);
  }, 90_000);

  it("the action plan's criteria agree with the network page, and the summary then reports the plan's", async () => {
    await gqlOk(ministry, `mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }`, {
      i: { areaId: area, year: Y, source: 'TEMPLATE' },
    });
    const plan = (await gqlOk(ministry, PLAN, { a: area, y: Y })).actionPlan;
    const planned: { kind: string; status: string; value: number; required: number; missing: { name: string }[] }[] = plan.measures
      .flatMap((m: { criteria: unknown[] }) => m.criteria)
      .filter((c: { kind: string }) => c.kind in KEY_OF_KIND);
    expect(planned.map((c) => c.kind).sort()).toEqual(Object.keys(KEY_OF_KIND).sort());
    const page = await networkPage();
    for (const c of planned) {
      const p = page.find((x) => x.key === KEY_OF_KIND[c.kind])!;
      expect({
        kind: c.kind,
        met: c.status === 'MET',
        value: c.value,
        required: c.required,
        missing: sameMissing(c.missing.map((m) => m.name)),
      }).toEqual({
        kind: c.kind,
        met: p.met,
        value: p.value,
        required: p.required,
        missing: sameMissing(p.missing),
      });
    }
    const summary = await compile();
    expect(
      summary.criteria.map((c: { status: string; value: number; required: number; missingNames: string[] }) => ({
        status: c.status,
        value: c.value,
        required: c.required,
        missing: sameMissing(c.missingNames),
      })),
    ).toEqual(
      planned.map((c) => ({ status: c.status, value: c.value, required: c.required, missing: sameMissing(c.missing.map((m) => m.name)) })),
    );
  }, 90_000);
});
