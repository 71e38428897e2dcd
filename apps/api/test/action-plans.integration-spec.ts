/**
 * The action plan against real Postgres, Redis and an SMTP server: created from the pilot's
 * template, computed follow-up criteria on data that meets and misses them, bilateral meetings,
 * read-only access for agencies, the weekly digest through the queue, and the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, weekStart } from '@laerenett/shared-domain';
import { Client, code, eventually, ids, Stack, startStack, USERS } from './harness';

const PLAN = `id year mainGoal subGoals canEdit
  measures { id title status owners { id name } milestones { id title dueDate status doneAt }
    criteria { id kind label status value required missing { name } late { name on } checked comment checkedByName } }
  bilateralMeetings { agencyId agencyName meeting { id heldOn notes participants targetSet helpRequested } }`;

interface Criterion {
  id: string;
  kind: string;
  label: string;
  status: string;
  value: number;
  required: number;
  missing: { name: string }[];
  checked: boolean;
  comment: string;
  checkedByName: string | null;
}
interface Plan {
  id: string;
  year: number;
  canEdit: boolean;
  measures: {
    id: string;
    title: string;
    status: string;
    owners: { id: string; name: string }[];
    milestones: { id: string; title: string; dueDate: string; status: string; doneAt: string | null }[];
    criteria: Criterion[];
  }[];
  bilateralMeetings: {
    agencyId: string;
    agencyName: string;
    meeting: {
      id: string;
      heldOn: string;
      notes: string | null;
      participants: string | null;
      targetSet: number | null;
      helpRequested: string | null;
    } | null;
  }[];
}

const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));
/** Last year's plan: every date in it has passed, so the criteria's verdicts do not depend on today's date. */
const Y = thisYear - 1;

describe('action plans', () => {
  let stack: Stack;
  let ministry: Client;
  let statsbygg: Client;
  let otherMinistry: Client;
  let apprentice: Client;
  let i: Awaited<ReturnType<typeof ids>>;
  let plan: Plan;

  const criterion = (p: Plan, kind: string) => p.measures.flatMap((m) => m.criteria).find((c) => c.kind === kind)!;
  const load = async (c: Client = ministry, year = Y): Promise<Plan> => {
    const r = await c.gql(`query($y: Int) { actionPlan(year: $y) { ${PLAN} } }`, { y: year });
    expect(r.errors).toBeUndefined();
    return r.data!['actionPlan'] as Plan;
  };
  const sql = async <T>(q: string, p: unknown[] = []) => (await stack.ds.query(q, p)) as T[];
  /** The PDF's text as pdftotext reads it (with -layout: as laid out on the page), and its page count. */
  const pdfText = async (res: Response, layout = true): Promise<{ text: string; info: string }> => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
    try {
      const file = join(dir, 'plan.pdf');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      return {
        text: execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }),
        info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  beforeAll(async () => {
    stack = await startStack();
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    statsbygg = await new Client(stack.url).signIn(USERS.statsbygg);
    otherMinistry = await new Client(stack.url).signIn(USERS.otherMinistry);
    apprentice = await new Client(stack.url).signIn(USERS.apprentice);
    i = await ids(stack.ds);
    const r = await ministry.gql(`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { ${PLAN} } }`, {
      i: { year: Y, source: 'TEMPLATE' },
    });
    expect(r.errors).toBeUndefined();
    plan = r.data!['createActionPlan'];
  }, 60_000);
  afterAll(() => stack?.stop());

  it("starts the year's plan from the pilot's template: four measures with milestones and criteria, owned by its maker", async () => {
    expect(plan.measures.map((m) => m.title)).toEqual([
      'Presentasjon av lærlingordningen',
      'Nettverk i departementsområdet',
      'Markedsføring og bruk av lærlinger i hele virksomheten',
      'Kompetanselærling',
    ]);
    expect(plan.canEdit).toBe(true);
    expect(plan.measures.every((m) => m.owners.map((o) => o.name).join() === 'Kari Nordmann')).toBe(true);
    const milestones = plan.measures.flatMap((m) => m.milestones);
    expect(milestones.find((m) => m.title.startsWith('Bilaterale møter'))!.dueDate).toBe(`${Y}-07-01`);
    expect(milestones.find((m) => m.title === 'Første nettverkssamling')!.dueDate).toBe(`${Y}-08-31`);
    expect(milestones.find((m) => m.title === 'Oppsummering av året sendt')!.dueDate).toBe(`${Y}-12-15`);
    expect(new Set(milestones.map((m) => m.status))).toEqual(new Set(['OVERDUE']));
    expect(plan.measures.flatMap((m) => m.criteria.map((c) => c.kind)).sort()).toEqual(
      [
        'BILATERAL_MEETINGS',
        'EVENTS_REPORTED',
        'FIRST_GATHERING',
        'GATHERINGS_HELD',
        'MANUAL',
        'MANUAL',
        'MANUAL',
        'MANUAL',
        'MANUAL',
        'PARTICIPANTS_FROM_AGENCIES',
        'TARGETS_SET',
      ].sort(),
    );
  });

  it('refuses a second plan for the same year and leaves the first as it was', async () => {
    const again = await ministry.gql(`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }`, {
      i: { year: Y, source: 'EMPTY' },
    });
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/already an action plan/);
    expect(await sql(`SELECT count(*)::int AS n FROM action_plan WHERE year = $1`, [Y])).toEqual([{ n: 1 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM plan_measure WHERE plan_id = $1`, [plan.id])).toEqual([{ n: 4 }]);
    const noPrevious = await ministry.gql(`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }`, {
      i: { year: Y - 5, source: 'PREVIOUS_YEAR' },
    });
    expect(code(noPrevious)).toBe('VALIDATION_FAILED');
    expect(await sql(`SELECT count(*)::int AS n FROM action_plan WHERE year = $1`, [Y - 5])).toEqual([{ n: 0 }]);
  });

  it('bilateral meetings: shows who is missing, and is met when every agency but the ministry had one by 1 July', async () => {
    const agencies = await sql<{ id: string; name: string }>(
      `SELECT id, name FROM agency WHERE area_id = $1 AND NOT is_ministry ORDER BY name`,
      [i.kdd],
    );
    const record = (agencyId: string, heldOn: string, extra: Record<string, unknown> = {}) =>
      ministry.gql(`mutation($i: RecordBilateralMeetingInput!) { recordBilateralMeeting(input: $i) { id } }`, {
        i: { planId: plan.id, agencyId, heldOn, ...extra },
      });
    const before = criterion(await load(), 'BILATERAL_MEETINGS');
    expect(before).toMatchObject({ status: 'NOT_MET', value: 0, required: agencies.length });
    // All but Statsbygg by June; Statsbygg only in August, after the due date.
    for (const a of agencies.filter((x) => x.name !== 'Statsbygg'))
      expect((await record(a.id, `${Y}-06-${a.name === 'Digitaliseringsdirektoratet' ? '10' : '20'}`)).errors).toBeUndefined();
    const late = await record(i.statsbygg, `${Y}-08-15`, {
      notes: 'Vurderer IKT-servicefag',
      participants: 'HR-sjef, faglig leder',
      targetSet: 3,
      helpRequested: 'Opplæring av instruktører',
    });
    expect(late.errors).toBeUndefined();
    let c = criterion(await load(), 'BILATERAL_MEETINGS');
    // Held late: not counted by the due date, and not missing either — told apart, with its day.
    expect(c).toMatchObject({
      status: 'NOT_MET',
      value: agencies.length - 1,
      missing: [],
      late: [{ name: 'Statsbygg', on: `${Y}-08-15` }],
    });
    // Correcting the date (the meeting was in June after all) updates the one meeting, and the criterion is met.
    expect((await record(i.statsbygg, `${Y}-06-25`, { notes: 'Vurderer IKT-servicefag', targetSet: 3 })).errors).toBeUndefined();
    c = criterion(await load(), 'BILATERAL_MEETINGS');
    expect(c).toMatchObject({ status: 'MET', value: agencies.length, missing: [], late: [] });
    expect(
      await sql(`SELECT count(*)::int AS n FROM bilateral_meeting WHERE plan_id = $1 AND agency_id = $2`, [plan.id, i.statsbygg]),
    ).toEqual([{ n: 1 }]);
  });

  it('refuses meetings with the ministry itself, in the future, or on days not in the calendar, and records nothing', async () => {
    const [kdd] = await sql<{ id: string }>(`SELECT id FROM agency WHERE area_id = $1 AND is_ministry`, [i.kdd]);
    const [husbankenMeeting] = await sql<{ held_on: string }>(`SELECT held_on::text FROM bilateral_meeting WHERE agency_id = $1`, [
      i.husbanken,
    ]);
    const tries = [
      { agencyId: kdd.id, heldOn: `${Y}-05-01` },
      { agencyId: i.husbanken, heldOn: `${thisYear + 1}-01-10` },
      { agencyId: i.husbanken, heldOn: `${Y}-02-30` },
      { agencyId: i.forsvarsbygg, heldOn: `${Y}-05-01` },
    ];
    for (const t of tries) {
      const r = await ministry.gql(`mutation($i: RecordBilateralMeetingInput!) { recordBilateralMeeting(input: $i) { id } }`, {
        i: { planId: plan.id, ...t },
      });
      expect({ t, code: code(r) }).toEqual({ t, code: 'VALIDATION_FAILED' });
    }
    expect(await sql(`SELECT held_on::text FROM bilateral_meeting WHERE agency_id = $1`, [i.husbanken])).toEqual([husbankenMeeting]);
    expect(
      await sql(`SELECT count(*)::int AS n FROM bilateral_meeting WHERE agency_id = ANY($1::uuid[])`, [[kdd.id, i.forsvarsbygg]]),
    ).toEqual([{ n: 0 }]);
  });

  it('targets: names the agencies without a target for the year, and is met when all have one', async () => {
    await stack.ds.query(
      `DELETE FROM target t USING agency a WHERE a.id = t.agency_id AND a.area_id = $1 AND t.year = $2 AND a.name IN ('Husbanken', 'Statsbygg')`,
      [i.kdd, Y],
    );
    const withoutSql = await sql<{ name: string }>(
      `SELECT name FROM agency a WHERE a.area_id = $1 AND NOT EXISTS (SELECT 1 FROM target t WHERE t.agency_id = a.id AND t.year = $2) ORDER BY name COLLATE "C"`,
      [i.kdd, Y],
    );
    const c = criterion(await load(), 'TARGETS_SET');
    expect(c.status).not.toBe('MET');
    expect(c.missing.map((m) => m.name).sort()).toEqual(withoutSql.map((r) => r.name).sort());
    expect(c.missing.map((m) => m.name)).toEqual(expect.arrayContaining(['Husbanken', 'Statsbygg']));
    for (const name of withoutSql.map((r) => r.name)) {
      const [a] = await sql<{ id: string }>(`SELECT id FROM agency WHERE name = $1`, [name]);
      const r = await ministry.gql(`mutation($i: SetTargetInput!) { setTarget(input: $i) { id } }`, {
        i: { agencyId: a.id, year: Y, total: 2, byTrade: [] },
      });
      expect(r.errors).toBeUndefined();
    }
    expect(criterion(await load(), 'TARGETS_SET')).toMatchObject({ status: 'MET', missing: [] });
  });

  it('gatherings: the first by the end of August, at least three in the year, and participants from every agency with apprentices', async () => {
    await stack.ds.query(`DELETE FROM gathering WHERE area_id = $1`, [i.kdd]);
    const gathering = async (date: string, status = 'PUBLISHED') =>
      (
        await sql<{ id: string }>(
          `INSERT INTO gathering (area_id, audience, title, starts_at, ends_at, status) VALUES ($1, 'BOTH', 'Samling', ($2 || ' 10:00')::timestamp AT TIME ZONE 'Europe/Oslo', ($2 || ' 12:00')::timestamp AT TIME ZONE 'Europe/Oslo', $3) RETURNING id`,
          [i.kdd, date, status],
        )
      )[0].id;
    const attend = async (gatheringId: string, agencyName: string, checkedIn: boolean) => {
      const [a] = await sql<{ id: string }>(`SELECT id FROM agency WHERE name = $1`, [agencyName]);
      const [u] = await sql<{ id: string; agency_id: string }>(
        `INSERT INTO app_user (email, name, role, area_id, agency_id) VALUES ('deltaker-' || gen_random_uuid() || '@example.no', 'Deltaker', 'APPRENTICE', $1, $2) RETURNING id, agency_id`,
        [i.kdd, a.id],
      );
      await stack.ds.query(
        `INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at, checked_in_at) VALUES ($1, $2, $3, 'YES', now(), $4)`,
        [gatheringId, u.id, u.agency_id, checkedIn ? new Date() : null],
      );
    };
    const september = await gathering(`${Y}-09-10`);
    await gathering(`${Y}-10-10`, 'CANCELLED');
    await attend(september, 'Digitaliseringsdirektoratet', true);
    // Said yes but was not checked in, where others were: did not take part.
    await attend(september, 'Statsbygg', false);
    let p = await load();
    expect(criterion(p, 'FIRST_GATHERING')).toMatchObject({ status: 'NOT_MET', value: 0 });
    expect(criterion(p, 'GATHERINGS_HELD')).toMatchObject({ status: 'NOT_MET', value: 1, required: 3 });
    const withApprentices = await sql<{ name: string }>(
      `SELECT DISTINCT a.name FROM agency a JOIN apprentice p ON p.agency_id = a.id WHERE a.area_id = $1 AND p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date`,
      [i.kdd, `${Y}-12-31`],
    );
    const participants = criterion(p, 'PARTICIPANTS_FROM_AGENCIES');
    expect(participants.required).toBe(withApprentices.length);
    expect(participants.missing.map((m) => m.name).sort()).toEqual(
      withApprentices
        .map((r) => r.name)
        .filter((n) => n !== 'Digitaliseringsdirektoratet')
        .sort(),
    );

    const august = await gathering(`${Y}-08-20`);
    await gathering(`${Y}-11-12`);
    // Nobody was checked in at this one: those who said yes count as participants.
    for (const name of withApprentices.map((r) => r.name)) await attend(august, name, false);
    p = await load();
    expect(criterion(p, 'FIRST_GATHERING')).toMatchObject({ status: 'MET', value: 1 });
    expect(criterion(p, 'GATHERINGS_HELD')).toMatchObject({ status: 'MET', value: 3 });
    expect(criterion(p, 'PARTICIPANTS_FROM_AGENCIES')).toMatchObject({ status: 'MET', missing: [] });
    // The pool is not in use yet: that criterion says so rather than guessing.
    expect(criterion(p, 'EVENTS_REPORTED').status).toBe('UNAVAILABLE');
  });

  it('manual criteria are ticked with a comment; computed ones cannot be ticked', async () => {
    const manual = criterion(plan, 'MANUAL');
    const r = await ministry.gql(`mutation($i: CheckCriterionInput!) { checkPlanCriterion(input: $i) { id } }`, {
      i: { criterionId: manual.id, checked: true, comment: 'Holdt 22. april' },
    });
    expect(r.errors).toBeUndefined();
    const after = (await load()).measures.flatMap((m) => m.criteria).find((c) => c.id === manual.id)!;
    expect(after).toMatchObject({ status: 'MET', checked: true, comment: 'Holdt 22. april', checkedByName: 'Kari Nordmann' });
    const computed = criterion(plan, 'TARGETS_SET');
    const refused = await ministry.gql(`mutation($i: CheckCriterionInput!) { checkPlanCriterion(input: $i) { id } }`, {
      i: { criterionId: computed.id, checked: true },
    });
    expect(code(refused)).toBe('VALIDATION_FAILED');
    expect(await sql(`SELECT checked FROM plan_criterion WHERE id = $1`, [computed.id])).toEqual([{ checked: false }]);
  });

  it('an agency coordinator reads the plan, sees only their own meeting notes, and cannot change anything', async () => {
    const p = await load(statsbygg);
    expect(p.canEdit).toBe(false);
    expect(p.measures).toHaveLength(4);
    const own = p.bilateralMeetings.find((b) => b.agencyName === 'Statsbygg')!.meeting!;
    expect(own).toMatchObject({ notes: 'Vurderer IKT-servicefag', targetSet: 3 });
    const other = p.bilateralMeetings.find((b) => b.agencyName === 'Digitaliseringsdirektoratet')!.meeting!;
    expect(other).toMatchObject({ heldOn: `${Y}-06-10`, notes: null, participants: null, helpRequested: null });
    const measure = p.measures[0];
    const tries = [
      [
        `mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { id } }`,
        { i: { measureId: measure.id, title: 'Endret av virksomheten', status: 'DONE' } },
      ],
      [
        `mutation($i: UpdateMilestoneInput!) { updatePlanMilestone(input: $i) { id } }`,
        { i: { milestoneId: measure.milestones[0].id, done: true } },
      ],
      [
        `mutation($i: RecordBilateralMeetingInput!) { recordBilateralMeeting(input: $i) { id } }`,
        { i: { planId: p.id, agencyId: i.statsbygg, heldOn: `${Y}-05-05` } },
      ],
      [`mutation($id: ID!) { deletePlanMeasure(measureId: $id) { id } }`, { id: measure.id }],
      [`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }`, { i: { year: thisYear + 1, source: 'TEMPLATE' } }],
    ] as const;
    for (const [q, v] of tries) expect(code(await statsbygg.gql(q, v))).toBe('FORBIDDEN');
    expect(await sql(`SELECT title, status::text FROM plan_measure WHERE id = $1`, [measure.id])).toEqual([
      { title: 'Presentasjon av lærlingordningen', status: 'PLANNED' },
    ]);
    expect(await sql(`SELECT done_at FROM plan_milestone WHERE id = $1`, [measure.milestones[0].id])).toEqual([{ done_at: null }]);
    // Another ministry's coordinator does not see the plan at all; apprentices have no access.
    expect(code(await otherMinistry.gql(`query($a: ID, $y: Int) { actionPlan(areaId: $a, year: $y) { id } }`, { a: i.kdd, y: Y }))).toBe(
      'NOT_FOUND',
    );
    expect(
      code(
        await otherMinistry.gql(`mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { id } }`, {
          i: { measureId: measure.id, title: 'x y' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(code(await apprentice.gql(`query($y: Int) { actionPlan(year: $y) { id } }`, { y: Y }))).toBe('FORBIDDEN');
  });

  it('validates measures and milestones: owners from the area only, real dates near the plan year', async () => {
    const measure = plan.measures[1];
    const [per] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [USERS.otherMinistry]);
    const [ola] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [USERS.digdir]);
    const badOwner = await ministry.gql(`mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { id } }`, {
      i: { measureId: measure.id, ownerIds: [ola.id, per.id], status: 'IN_PROGRESS' },
    });
    expect(code(badOwner)).toBe('VALIDATION_FAILED');
    expect(badOwner.errors![0].extensions!['fields']).toHaveProperty('ownerIds');
    // Nothing of the refused change was written, not even the status.
    const unchanged = (await load()).measures[1];
    expect(unchanged.status).toBe('PLANNED');
    expect(unchanged.owners.map((o) => o.name)).toEqual(['Kari Nordmann']);
    const ok = await ministry.gql(
      `mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { measures { id status owners { name } } } }`,
      { i: { measureId: measure.id, ownerIds: [ola.id], status: 'IN_PROGRESS' } },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!['updatePlanMeasure'].measures[1]).toMatchObject({ status: 'IN_PROGRESS', owners: [{ name: 'Ola Hansen' }] });
    for (const dueDate of [`${Y}-02-29`, `${Y + 5}-01-01`, '31.12.2026']) {
      const r = await ministry.gql(`mutation($i: AddMilestoneInput!) { addPlanMilestone(input: $i) { id } }`, {
        i: { measureId: measure.id, title: 'Ny milepæl', dueDate },
      });
      expect({ dueDate, code: code(r) }).toEqual({ dueDate, code: 'VALIDATION_FAILED' });
    }
    expect(await sql(`SELECT count(*)::int AS n FROM plan_milestone WHERE title = 'Ny milepæl'`)).toEqual([{ n: 0 }]);
  });

  it("starts next year's plan from this one: dates a year on, ticks cleared, dropped measures left out", async () => {
    await ministry.gql(`mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { id } }`, {
      i: { measureId: plan.measures[3].id, status: 'DROPPED' },
    });
    const r = await ministry.gql(`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { ${PLAN} } }`, {
      i: { year: Y + 1, source: 'PREVIOUS_YEAR' },
    });
    expect(r.errors).toBeUndefined();
    const next = r.data!['createActionPlan'] as Plan;
    expect(next.year).toBe(Y + 1);
    expect(next.measures.map((m) => m.title)).toEqual(plan.measures.slice(0, 3).map((m) => m.title));
    expect(next.measures.every((m) => m.status === 'PLANNED')).toBe(true);
    expect(next.measures[1].owners.map((o) => o.name)).toEqual(['Ola Hansen']);
    expect(next.measures.flatMap((m) => m.milestones).find((m) => m.title === 'Første nettverkssamling')!.dueDate).toBe(`${Y + 1}-08-31`);
    expect(next.measures.flatMap((m) => m.criteria).filter((c) => c.checked)).toEqual([]);
    expect(next.bilateralMeetings.every((b) => b.meeting === null)).toBe(true);
    const years = await ministry.gql(`{ actionPlanYears }`);
    expect(years.data!['actionPlanYears']).toEqual([Y + 1, Y]);
  });

  it('exports the plan as a PDF with its measures and what is missing, for the ministry and the area’s agencies only', async () => {
    const p = await load();
    const { text, info } = await pdfText(await ministry.get(`/api/action-plans/${p.id}/plan.pdf`));
    expect(text).toContain(`Handlingsplan ${Y}`);
    expect(text).toContain('Kommunal- og distriktsdepartementet');
    for (const m of p.measures) expect(text).toContain(m.title);
    expect(text).toContain('Bilaterale møter');
    expect(text).toContain('Oppfylt');
    expect(info).toMatch(/Pages:\s+[5-9]/);
    expect((await statsbygg.get(`/api/action-plans/${p.id}/plan.pdf?lang=en`)).status).toBe(200);
    expect((await otherMinistry.get(`/api/action-plans/${p.id}/plan.pdf`)).status).toBe(404);
    expect((await apprentice.get(`/api/action-plans/${p.id}/plan.pdf`)).status).toBe(403);
    expect((await new Client(stack.url).get(`/api/action-plans/${p.id}/plan.pdf`)).status).toBe(401);
    expect((await ministry.get(`/api/action-plans/not-an-id/plan.pdf`)).status).toBe(400);
  });

  it("in English: the template's English texts; an edited Norwegian text shows as edited, not as a stale translation; a copy keeps the English", async () => {
    // Plans of their own in another area, years back, so no other test's figures change.
    const EN_PLAN = `id year mainGoal mainGoalEn subGoals subGoalsEn
      measures { id title titleEn description descriptionEn implementationEn milestones { title titleEn } criteria { label labelEn } }`;
    type EnPlan = {
      id: string;
      mainGoalEn: string | null;
      subGoals: string[];
      subGoalsEn: (string | null)[] | null;
      measures: {
        id: string;
        title: string;
        titleEn: string | null;
        description: string;
        descriptionEn: string | null;
        implementationEn: string | null;
        milestones: { title: string; titleEn: string | null }[];
        criteria: { label: string; labelEn: string | null }[];
      }[];
    };
    const create = async (year: number, source: string) => {
      const r = await otherMinistry.gql(`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { ${EN_PLAN} } }`, {
        i: { year, source },
      });
      expect(r.errors).toBeUndefined();
      return r.data!['createActionPlan'] as EnPlan;
    };
    /** The English PDF's text, each run of white space one space (titles wrap in the tables). */
    const englishPdf = async (id: string) =>
      (await pdfText(await otherMinistry.get(`/api/action-plans/${id}/plan.pdf?lang=en`), false)).text.replace(/\s+/g, ' ');
    const NB = [
      'Presentasjon av lærlingordningen',
      'Nettverk i departementsområdet',
      'Markedsføring og bruk av lærlinger i hele virksomheten',
      'Kompetanselærling',
    ];
    const EN = [
      'Presenting the apprenticeship scheme',
      'A network in the ministry area',
      'Promoting apprentices and using them across the agency',
      'Competence apprentices',
    ];

    const first = await create(Y - 3, 'TEMPLATE');
    expect(first.measures.map((m) => [m.title, m.titleEn])).toEqual(NB.map((nb, k) => [nb, EN[k]]));
    expect(first.mainGoalEn).toBe('Increase the number of apprentices in the ministry area');
    expect(
      first.measures.flatMap((m) => [...m.milestones.map((x) => x.titleEn), ...m.criteria.map((c) => c.labelEn)]).every((x) => !!x),
    ).toBe(true);
    let text = await englishPdf(first.id);
    expect(text).toContain(`Action plan ${Y - 3}`);
    expect(text).toContain('Increase the number of apprentices in the ministry area');
    for (const title of EN) expect(text).toContain(`: ${title}`);
    for (const title of NB) expect(text).not.toContain(title);
    expect(text).toContain('First network gathering');
    expect(text).toContain('At least 3 gatherings during the year');
    expect(text).not.toContain('Første nettverkssamling');
    // In Norwegian, the Norwegian texts as before.
    const norwegian = (await pdfText(await otherMinistry.get(`/api/action-plans/${first.id}/plan.pdf?lang=nb`))).text;
    for (const title of NB) expect(norwegian).toContain(title);

    // The coordinator edits the first measure's title; its description is saved unchanged and keeps its English.
    const edited = 'Presentasjon av lærlingordningen for ledergruppene';
    const [m1] = first.measures;
    const u = await otherMinistry.gql(`mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { ${EN_PLAN} } }`, {
      i: { measureId: m1.id, title: edited, description: m1.description },
    });
    expect(u.errors).toBeUndefined();
    const after = (u.data!['updatePlanMeasure'] as EnPlan).measures[0];
    expect(after).toMatchObject({ title: edited, titleEn: null, descriptionEn: first.measures[0].descriptionEn });
    // A sub-goal edited: it loses its English; the one kept keeps its own, wherever it moved.
    const g = await otherMinistry.gql(`mutation($i: UpdateActionPlanInput!) { updateActionPlan(input: $i) { ${EN_PLAN} } }`, {
      i: { planId: first.id, subGoals: [first.subGoals[1], 'Flere lærlinger i Forsvarsbygg'] },
    });
    expect(g.errors).toBeUndefined();
    expect((g.data!['updateActionPlan'] as EnPlan).subGoalsEn).toEqual(['Increase the number of apprentices in some agencies.', null]);
    text = await englishPdf(first.id);
    expect(text).toContain(`Measure 1: ${edited}`);
    expect(text).not.toContain(EN[0]);
    expect(text).toContain('A presentation of the apprenticeship scheme in the joint HR network');
    expect(text).toContain('Flere lærlinger i Forsvarsbygg');

    // Next year's plan from this one keeps the English, and the edited title without one.
    const copy = await create(Y - 2, 'PREVIOUS_YEAR');
    expect(copy.measures.map((m) => m.titleEn)).toEqual([null, ...EN.slice(1)]);
    expect(copy.mainGoalEn).toBe(first.mainGoalEn);
    expect(copy.subGoalsEn).toEqual(['Increase the number of apprentices in some agencies.', null]);
    expect(copy.measures.map((m) => m.implementationEn)).toEqual(first.measures.map((m) => m.implementationEn));
    expect(copy.measures.flatMap((m) => m.milestones.map((x) => x.titleEn)).sort()).toEqual(
      first.measures.flatMap((m) => m.milestones.map((x) => x.titleEn)).sort(),
    );
    expect(copy.measures.flatMap((m) => m.criteria.map((c) => c.labelEn))).toEqual(
      first.measures.flatMap((m) => m.criteria.map((c) => c.labelEn)),
    );
    text = await englishPdf(copy.id);
    expect(text).toContain(`Measure 1: ${edited}`);
    for (const title of EN.slice(1)) expect(text).toContain(`: ${title}`);
    for (const title of NB.slice(1)) expect(text).not.toContain(title);
  });

  it('mails each owner with something due a Monday digest once a week, and nobody else', async () => {
    // A plan of its own in another area, so the figures are this test's alone.
    const fdPlan = (
      await otherMinistry.gql(`mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { ${PLAN} } }`, {
        i: { year: thisYear, source: 'TEMPLATE' },
      })
    ).data!['createActionPlan'] as Plan;
    const [fd] = await sql<{ id: string }>(`SELECT id FROM agency WHERE name = 'Forsvarsbygg'`);
    const [coord] = await sql<{ id: string }>(
      `INSERT INTO app_user (email, name, role, area_id, agency_id, language) VALUES ('nils.dahl@forsvarsbygg.no', 'Nils Dahl', 'AGENCY_COORDINATOR', $1, $2, 'en') RETURNING id`,
      [i.fd, fd.id],
    );
    const [idle] = await sql<{ id: string }>(
      `INSERT INTO app_user (email, name, role, area_id, agency_id, language) VALUES ('lise.moe@forsvarsbygg.no', 'Lise Moe', 'AGENCY_COORDINATOR', $1, $2, 'nb') RETURNING id`,
      [i.fd, fd.id],
    );
    const setOwners = (measureId: string, ownerIds: string[]) =>
      otherMinistry.gql(`mutation($i: UpdateMeasureInput!) { updatePlanMeasure(input: $i) { id } }`, { i: { measureId, ownerIds } });
    // Per owns measures 1–2; Nils owns measure 3 (a milestone on 30 September); Lise owns measure 4 (31 October).
    expect((await setOwners(fdPlan.measures[2].id, [coord.id])).errors).toBeUndefined();
    expect((await setOwners(fdPlan.measures[3].id, [idle.id])).errors).toBeUndefined();
    const presentation = fdPlan.measures[0].milestones.find((m) => m.title === 'Presentasjon i HR-nettverket')!;
    await otherMinistry.gql(`mutation($i: UpdateMilestoneInput!) { updatePlanMilestone(input: $i) { id } }`, {
      i: { milestoneId: presentation.id, done: true },
    });

    const monday = weekStart(`${thisYear}-09-24`); // 30 September is within 14 days of it, 31 October is not
    const later = addDays(monday, 2);
    const queue = stack.queue('action-plans');
    {
      await queue.add('plan-digest', { today: monday }, { jobId: `plan-digest-${monday}` });
      const perMails = await eventually(
        async () => stack.smtp.to(USERS.otherMinistry),
        (m) => m.length >= 1,
      );
      await eventually(
        async () => stack.smtp.to('nils.dahl@forsvarsbygg.no'),
        (m) => m.length >= 1,
      );
      expect(perMails).toHaveLength(1);
      const perText = perMails[0].text ?? '';
      expect(perMails[0].subject).toMatch(/^Handlingsplan: \d+ forfalt, \d+ forfaller snart$/);
      expect(perText).toContain('Bilaterale møter med alle virksomhetene');
      expect(perText).not.toContain('Presentasjon i HR-nettverket');
      const nils = stack.smtp.to('nils.dahl@forsvarsbygg.no');
      expect(nils[0].subject).toBe('Action plan: 0 overdue, 1 due soon');
      // Nils reads English: the milestone and its measure in the template's English.
      expect(nils[0].text).toContain(
        "The agencies report the year's relevant events (Promoting apprentices and using them across the agency)",
      );
      expect(nils[0].text).not.toContain('Virksomhetene melder inn');

      // Later the same week, a rerun (a retry, another worker, a restart) sends nobody a second digest.
      await queue.add('plan-digest', { today: later }, { jobId: `plan-digest-${later}` });
      expect(
        await eventually(
          async () => (await queue.getJobState(`plan-digest-${later}`)) as string,
          (s) => s === 'completed',
        ),
      ).toBe('completed');
      expect(stack.smtp.to(USERS.otherMinistry)).toHaveLength(1);
      expect(stack.smtp.to('nils.dahl@forsvarsbygg.no')).toHaveLength(1);
      expect(stack.smtp.to('lise.moe@forsvarsbygg.no')).toHaveLength(0);
      expect(await sql(`SELECT count(*)::int AS n FROM mail_message WHERE purpose = $1`, [`plan-digest:${monday}`])).toEqual([
        { n: await countDigestOwners() },
      ]);
    }

    async function countDigestOwners() {
      // Everyone with an open milestone due within 14 days in a live measure of a current plan: computed independently.
      const rows = await sql<{ n: number }>(
        `SELECT count(DISTINCT o.user_id)::int AS n FROM plan_milestone m JOIN plan_measure ms ON ms.id = m.measure_id JOIN action_plan p ON p.id = ms.plan_id
           JOIN plan_measure_owner o ON o.measure_id = ms.id
          WHERE m.done_at IS NULL AND m.due_date <= $1::date AND ms.status IN ('PLANNED', 'IN_PROGRESS') AND p.year >= $2`,
        [addDays(monday, 14), thisYear - 1],
      );
      return rows[0].n;
    }
  }, 60_000);
});
