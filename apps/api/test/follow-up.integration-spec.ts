/**
 * The follow-up ladder: a case is opened on a concern, each step documented in order (refused
 * whole when it is not), seen only by the apprentice (without the staff's internal notes), their
 * professional leader and the agency's coordinators; everyone else gets NOT_FOUND. Every read is
 * logged; the apprentice downloads everything held about them and nothing of anyone else's; the
 * reminders reach each owner once a day; erased cases leave their counts; the ministry sees
 * counts with "under 5".
 */
import { addDays } from '@laerenett/shared-domain';
import { Client, code, eventually, GqlResult, ids, Stack, startStack, USERS } from './harness';
import { CLOCK } from '../src/common/clock';
import { REMINDERS_JOB, remindersJobId, RETENTION_JOB, retentionJobId } from '../src/modules/follow-up/jobs/follow-up.jobs';
import { remindersPurpose } from '../src/modules/follow-up/reminders.service';

const CASE = `id apprenticeName status closedOn concerns concernText nextSteps nextMeetingOn terminationPhase rightToEducationNormallyKept
  canKeep erasureDay people { id name role }
  steps { id kind date summary internalNote participants { userId role name } externalParticipants { role name roleText }
    countyAdviserInformedOn countyAdviserInformedHow trustedPersonInvited agreedOn agreedBy { userId name }
    actions { id description ownerName ownerUserId deadline doneOn } causes afterwards terminatedOn mode }`;

const osloToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(CLOCK.now());
const problemCodes = (r: GqlResult) => ((r.errors?.[0]?.extensions?.['problems'] ?? []) as { code: string }[]).map((p) => p.code);

describe('follow-up', () => {
  let stack: Stack;
  let i: Awaited<ReturnType<typeof ids>>;
  const c = {} as Record<'ola' | 'ingrid' | 'emma' | 'ministry' | 'otherMinistry' | 'admin' | 'anonymous', Client>;
  let today: string;
  let olaId: string;
  let emmaUser: string;
  let caseId: string;
  let other: { id: string; name: string; contract_start: string };
  const sql = (q: string, p: unknown[] = []) => stack.ds.query(q, p);
  const logRows = async () => (await sql(`SELECT count(*)::int AS n FROM follow_up_read_log WHERE case_id = $1`, [caseId]))[0].n as number;
  const step = (who: Client, input: Record<string, unknown>) =>
    who.gql(`mutation($i: RecordFollowUpStepInput!) { recordFollowUpStep(input: $i) { ${CASE} } }`, { i: input });

  beforeAll(async () => {
    stack = await startStack();
    i = await ids(stack.ds);
    c.ola = await new Client(stack.url).signIn(USERS.digdir);
    c.ingrid = await new Client(stack.url).signIn(USERS.statsbygg);
    c.emma = await new Client(stack.url).signIn(USERS.apprentice);
    c.ministry = await new Client(stack.url).signIn(USERS.ministry);
    c.otherMinistry = await new Client(stack.url).signIn(USERS.otherMinistry);
    c.admin = await new Client(stack.url).signIn(USERS.admin);
    c.anonymous = new Client(stack.url);
    today = osloToday();
    olaId = (await sql(`SELECT id FROM app_user WHERE email = $1`, [USERS.digdir]))[0].id;
    emmaUser = (await sql(`SELECT id FROM app_user WHERE email = $1`, [USERS.apprentice]))[0].id;
    // Ola is Emma's professional leader (through the apprenticeship's own operation).
    const saved = await c.ola.gql(`mutation($i: ApprenticeshipContractInput!) { saveApprenticeshipContract(input: $i) { apprenticeId } }`, {
      i: { apprenticeId: i.digdirApprentice, leaderId: olaId },
    });
    expect(saved.errors).toBeUndefined();
    [other] = await sql(
      `SELECT id, name, contract_start::text FROM apprentice WHERE agency_id = $1 AND status = 'ACTIVE' AND id <> $2 AND id NOT IN (SELECT apprentice_id FROM follow_up_case) ORDER BY contract_start, name LIMIT 1`,
      [i.digdir, i.digdirApprentice],
    );
  });
  afterAll(async () => {
    CLOCK.set(null);
    await stack?.stop();
  });

  it("has the demo's cases in different states, and none of them reaches the ministry or an admin", async () => {
    const demo: { id: string; status: string }[] = await sql(`SELECT id, status FROM follow_up_case ORDER BY status`);
    expect(new Set(demo.map((d) => d.status))).toEqual(new Set(['OPEN', 'RESOLVED', 'TERMINATED']));
    for (const d of demo)
      for (const who of ['ministry', 'otherMinistry', 'admin'] as const)
        expect(code(await c[who].gql(`query($id: ID!) { followUpCase(id: $id) { id } }`, { id: d.id }))).toBe('NOT_FOUND');
    expect(
      ((await c.ola.gql(`query($a: ID!) { followUpCases(agencyId: $a) { id } }`, { a: i.digdir })).data!['followUpCases'] as unknown[])
        .length,
    ).toBeGreaterThan(0);
    expect((await c.emma.gql(`{ myFollowUpCases { id } }`)).data!['myFollowUpCases']).toEqual([]);
  });

  it('opens a case and documents the ladder in order; a step out of order or incomplete is refused whole', async () => {
    const opened = await c.ola.gql(`mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { ${CASE} } }`, {
      i: {
        apprenticeId: i.digdirApprentice,
        openedOn: addDays(today, -20),
        concerns: ['HIGH_ABSENCE', 'SICKNESS'],
        concernText: 'Mye fravær',
      },
    });
    expect(opened.errors).toBeUndefined();
    const k = opened.data!['openFollowUpCase'];
    caseId = k.id;
    expect(k).toMatchObject({ status: 'OPEN', nextSteps: ['CONCERN_TALK'], canKeep: true, apprenticeName: 'Emma Larsen' });
    const emmaPerson = k.people.find((p: { role: string }) => p.role === 'APPRENTICE').id;
    expect(emmaPerson).toBe(emmaUser);
    expect(k.people).toContainEqual({ id: olaId, name: 'Ola Hansen', role: 'PROFESSIONAL_LEADER' });
    // A second open case on the same apprentice is refused.
    expect(
      code(
        await c.ola.gql(`mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { id } }`, {
          i: { apprenticeId: i.digdirApprentice, openedOn: today, concerns: ['GAMBLING'] },
        }),
      ),
    ).toBe('CONFLICT');
    // "Other serious breach" needs words.
    const noText = await c.ola.gql(`mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { id } }`, {
      i: { apprenticeId: other.id, openedOn: today, concerns: ['OTHER_SERIOUS_BREACH'] },
    });
    expect(problemCodes(noText)).toEqual(['CONCERN_TEXT_MISSING']);

    const both = [
      { role: 'APPRENTICE', userId: emmaUser },
      { role: 'PROFESSIONAL_LEADER', userId: olaId },
    ];
    const common = { caseId, participants: both, externalParticipants: [], actions: [], summary: 'Vi snakket om fraværet.' };
    // The meeting cannot come before the concern talk; nothing is written.
    const early = await step(c.ola, { ...common, kind: 'FOLLOW_UP_MEETING', date: addDays(today, -15) });
    expect(code(early)).toBe('VALIDATION_FAILED');
    expect(problemCodes(early)).toContain('STEP_OUT_OF_ORDER');
    expect((await sql(`SELECT count(*)::int AS n FROM follow_up_step WHERE case_id = $1`, [caseId]))[0].n).toBe(0);

    const talk = await step(c.ola, {
      ...common,
      kind: 'CONCERN_TALK',
      date: addDays(today, -15),
      internalNote: 'Leder er bekymret for hjemmesituasjonen',
    });
    expect(talk.errors).toBeUndefined();
    // The meeting: the county adviser must be informed and a person of trust invited.
    const meetingInput = {
      ...common,
      kind: 'FOLLOW_UP_MEETING',
      date: addDays(today, -10),
      externalParticipants: [
        { role: 'OMBUD', name: 'Kari Ombud' },
        { role: 'OTHER', name: 'Per Hansen', roleText: 'Trener' },
      ],
    };
    const incomplete = await step(c.ola, meetingInput);
    expect(problemCodes(incomplete)).toEqual(expect.arrayContaining(['COUNTY_ADVISER_NOT_INFORMED', 'TRUSTED_PERSON_NOT_INVITED']));
    expect(incomplete.errors![0].message).toMatch(/rådgiver ved fagopplæring/i);
    // Someone of another agency cannot be recorded as a participant.
    const ingridId = (await sql(`SELECT id FROM app_user WHERE email = $1`, [USERS.statsbygg]))[0].id;
    const stranger = await step(c.ola, { ...meetingInput, participants: [...both, { role: 'COORDINATOR', userId: ingridId }] });
    expect(code(stranger)).toBe('VALIDATION_FAILED');
    const meeting = await step(c.ola, {
      ...meetingInput,
      countyAdviserInformed: { on: addDays(today, -11), how: 'PHONE' },
      trustedPersonInvited: true,
    });
    expect(meeting.errors).toBeUndefined();
    const plan = await step(c.ola, {
      ...common,
      kind: 'FOLLOW_UP_PLAN',
      date: addDays(today, -5),
      actions: [
        { description: 'Møte presis hver dag', ownerUserId: emmaUser, deadline: addDays(today, 2) },
        { description: 'Ukentlig samtale', ownerUserId: olaId, deadline: addDays(today, 2) },
        { description: 'Legetime', ownerName: 'Fastlegen', deadline: addDays(today, 1) },
      ],
      nextMeetingOn: addDays(today, 3),
      agreement: { agreedOn: addDays(today, -5), agreedBy: both },
      internalNote: 'Kun for personalet',
    });
    expect(plan.errors).toBeUndefined();
    const k2 = plan.data!['recordFollowUpStep'];
    expect(k2.steps.map((s: { kind: string }) => s.kind)).toEqual(['CONCERN_TALK', 'FOLLOW_UP_MEETING', 'FOLLOW_UP_PLAN']);
    expect(k2.nextSteps).toEqual(['FOLLOW_UP_MEETING', 'RESOLUTION', 'TERMINATION']);
    expect(k2.nextMeetingOn).toBe(addDays(today, 3));
    expect(k2.steps[1].externalParticipants).toContainEqual({ role: 'OTHER', name: 'Per Hansen', roleText: 'Trener' });
    expect(k2.steps[1]).toMatchObject({ countyAdviserInformedOn: addDays(today, -11), countyAdviserInformedHow: 'PHONE' });
    expect(k2.steps[2].agreedBy.map((p: { name: string }) => p.name)).toEqual(['Emma Larsen', 'Ola Hansen']);
    expect(k2.steps[2].actions.map((a: { ownerName: string }) => a.ownerName)).toEqual(['Emma Larsen', 'Ola Hansen', 'Fastlegen']);
    expect(k2.steps[2].internalNote).toBe('Kun for personalet');
    // The early-warning list: Ola sees his action's deadline (dates and whom only); another agency's coordinator sees none.
    const deadlines = `{ myFollowUpDeadlines { caseId kind date overdue apprenticeName } }`;
    expect((await c.ola.gql(deadlines)).data!['myFollowUpDeadlines']).toContainEqual({
      caseId,
      kind: 'ACTION',
      date: addDays(today, 2),
      overdue: false,
      apprenticeName: 'Emma Larsen',
    });
    expect((await c.ingrid.gql(deadlines)).data!['myFollowUpDeadlines']).toEqual([]);
  });

  it('shows the apprentice their plan without internal notes, refuses them changes, and is NOT_FOUND to everyone else', async () => {
    const mine = await c.emma.gql(`{ myFollowUpCases { ${CASE} } }`);
    expect(mine.errors).toBeUndefined();
    const [own] = mine.data!['myFollowUpCases'];
    expect(own.id).toBe(caseId);
    expect(own.canKeep).toBe(false);
    expect(own.steps.every((s: { internalNote: string | null }) => s.internalNote === null)).toBe(true);
    expect(own.steps[2].actions).toHaveLength(3);
    expect(JSON.stringify(mine)).not.toContain('hjemmesituasjonen');
    const direct = await c.emma.gql(`query($id: ID!) { followUpCase(id: $id) { steps { internalNote } } }`, { id: caseId });
    expect(direct.data!['followUpCase'].steps.every((s: { internalNote: string | null }) => s.internalNote === null)).toBe(true);
    expect(
      code(
        await step(c.emma, {
          caseId,
          kind: 'RESOLUTION',
          date: today,
          participants: [],
          externalParticipants: [],
          actions: [],
          summary: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    for (const who of ['ingrid', 'ministry', 'otherMinistry', 'admin'] as const) {
      const r = await c[who].gql(`query($id: ID!) { followUpCase(id: $id) { id } }`, { id: caseId });
      expect({ who, code: code(r) }).toEqual({ who, code: 'NOT_FOUND' });
      const list = await c[who].gql(`query($a: ID!) { followUpCases(agencyId: $a) { id } }`, { a: i.digdir });
      expect({ who, code: code(list) }).toEqual({ who, code: 'NOT_FOUND' });
    }
  });

  it('writes a read-log row for every read, and shows the log to the agency coordinator only', async () => {
    let before = await logRows();
    await c.ola.gql(`query($id: ID!) { followUpCase(id: $id) { id } }`, { id: caseId });
    expect(await logRows()).toBe(before + 1);
    before = await logRows();
    await c.emma.gql(`{ myFollowUpCases { id } }`);
    expect(await logRows()).toBe(before + 1);
    before = await logRows();
    await c.ola.gql(`query($a: ID!) { followUpCases(agencyId: $a) { id apprenticeName nextDeadline } }`, { a: i.digdir });
    expect(await logRows()).toBe(before + 1);
    // A refused read is no read.
    before = await logRows();
    await c.ingrid.gql(`query($id: ID!) { followUpCase(id: $id) { id } }`, { id: caseId });
    expect(await logRows()).toBe(before);
    const last: { reader_id: string; what: string; case_id: string }[] = await sql(
      `SELECT reader_id, what, case_id FROM follow_up_read_log WHERE case_id = $1 ORDER BY read_at DESC LIMIT 1`,
      [caseId],
    );
    expect(last[0]).toEqual({ reader_id: olaId, what: 'LIST', case_id: caseId });
    const log = await c.ola.gql(`query($a: ID!) { followUpReadLog(agencyId: $a) { readerName readerRole what apprenticeName readAt } }`, {
      a: i.digdir,
    });
    expect(log.errors).toBeUndefined();
    const entries = log.data!['followUpReadLog'] as { readerName: string; what: string; apprenticeName: string }[];
    expect(entries.some((e) => e.readerName === 'Emma Larsen' && e.what === 'CASE')).toBe(true);
    expect(entries.some((e) => e.apprenticeName === 'Emma Larsen' && e.readerName === 'Ola Hansen' && e.what === 'LIST')).toBe(true);
    for (const who of ['ingrid', 'ministry', 'admin'] as const)
      expect(code(await c[who].gql(`query($a: ID!) { followUpReadLog(agencyId: $a) { id } }`, { a: i.digdir }))).toBe('NOT_FOUND');
    expect(code(await c.emma.gql(`query($a: ID!) { followUpReadLog(agencyId: $a) { id } }`, { a: i.digdir }))).toBe('FORBIDDEN');
  });

  it("terminates another apprentice's contract in the first three months, marked so, and ends the record", async () => {
    const start = other.contract_start;
    const opened = await c.ola.gql(`mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { id people { id role } } }`, {
      i: { apprenticeId: other.id, openedOn: addDays(start, 10), concerns: ['LACK_OF_PROGRESS'] },
    });
    expect(opened.errors).toBeUndefined();
    const id = opened.data!['openFollowUpCase'].id;
    const people = opened.data!['openFollowUpCase'].people as { id: string; role: string }[];
    const apprentice = people.find((p) => p.role === 'APPRENTICE')!;
    // The named professional leader, or, where none is named, a coordinator standing in.
    const leader = people.find((p) => p.role === 'PROFESSIONAL_LEADER')?.id ?? olaId;
    const parts = [
      { role: 'APPRENTICE', userId: apprentice.id },
      { role: 'PROFESSIONAL_LEADER', userId: leader },
    ];
    const base = { caseId: id, participants: parts, externalParticipants: [], actions: [], summary: 'Referat' };
    expect((await step(c.ola, { ...base, kind: 'CONCERN_TALK', date: addDays(start, 12) })).errors).toBeUndefined();
    expect(
      (
        await step(c.ola, {
          ...base,
          kind: 'FOLLOW_UP_MEETING',
          date: addDays(start, 20),
          countyAdviserInformed: { on: addDays(start, 19), how: 'EMAIL' },
          trustedPersonInvited: true,
        })
      ).errors,
    ).toBeUndefined();
    const ended = await step(c.ola, {
      ...base,
      kind: 'TERMINATION',
      date: addDays(start, 25),
      mode: 'BY_AGREEMENT',
      terminatedOn: addDays(start, 40),
      causes: ['WRONG_TRADE'],
      afterwards: 'SCHOOL',
      sentToCountyOn: addDays(start, 25),
      agreement: { agreedOn: addDays(start, 25), agreedBy: parts },
    });
    expect(ended.errors).toBeUndefined();
    expect(ended.data!['recordFollowUpStep']).toMatchObject({
      status: 'TERMINATED',
      closedOn: addDays(start, 25),
      terminationPhase: 'FIRST_THREE_MONTHS',
      rightToEducationNormallyKept: true,
      nextSteps: [],
    });
    expect(await sql(`SELECT status, ended_on::text FROM apprentice WHERE id = $1`, [other.id])).toEqual([
      { status: 'TERMINATED', ended_on: addDays(start, 40) },
    ]);
    // A closed case takes no further step.
    expect(problemCodes(await step(c.ola, { ...base, kind: 'CONCERN_TALK', date: addDays(start, 30) }))).toContain('CASE_CLOSED');
  });

  it("puts the contract in temporary interruption from the plan, through the apprenticeship's own interruption", async () => {
    const [third]: { id: string }[] = await sql(
      `SELECT id FROM apprentice WHERE agency_id = $1 AND status = 'ACTIVE' AND id <> $2 AND contract_start <= $3::date - 40
          AND id NOT IN (SELECT apprentice_id FROM follow_up_case) ORDER BY name LIMIT 1`,
      [i.digdir, i.digdirApprentice, today],
    );
    const opened = await c.ola.gql(`mutation($i: OpenFollowUpCaseInput!) { openFollowUpCase(input: $i) { id people { id role } } }`, {
      i: { apprenticeId: third.id, openedOn: addDays(today, -30), concerns: ['SICKNESS'] },
    });
    const id = opened.data!['openFollowUpCase'].id;
    const people = opened.data!['openFollowUpCase'].people as { id: string; role: string }[];
    const parts = [
      { role: 'APPRENTICE', userId: people.find((p) => p.role === 'APPRENTICE')!.id },
      { role: 'PROFESSIONAL_LEADER', userId: people.find((p) => p.role === 'PROFESSIONAL_LEADER')!.id },
    ];
    const base = { caseId: id, participants: parts, externalParticipants: [], actions: [], summary: 'Referat' };
    await step(c.ola, { ...base, kind: 'CONCERN_TALK', date: addDays(today, -25) });
    await step(c.ola, {
      ...base,
      kind: 'FOLLOW_UP_MEETING',
      date: addDays(today, -20),
      countyAdviserInformed: { on: addDays(today, -20), how: 'SECURE_MAIL' },
      trustedPersonInvited: true,
    });
    const planInput = {
      ...base,
      kind: 'FOLLOW_UP_PLAN',
      date: addDays(today, -2),
      actions: [{ description: 'Sykmelding følges opp', ownerName: 'NAV-veileder', deadline: addDays(today, 20) }],
      nextMeetingOn: addDays(today, 28),
      agreement: { agreedOn: addDays(today, -2), agreedBy: parts },
    };
    // The county must be told of the interruption: refused whole, nothing interrupted.
    const untold = await step(c.ola, { ...planInput, interruption: { startsOn: addDays(today, -1) } });
    expect(problemCodes(untold)).toEqual(['INTERRUPTION_COUNTY_NOT_NOTIFIED']);
    expect(await sql(`SELECT count(*)::int AS n FROM apprenticeship_interruption WHERE apprentice_id = $1`, [third.id])).toEqual([
      { n: 0 },
    ]);
    const plan = await step(c.ola, { ...planInput, interruption: { startsOn: addDays(today, -1), countyNotifiedOn: addDays(today, -2) } });
    expect(plan.errors).toBeUndefined();
    expect(plan.data!['recordFollowUpStep'].steps[2]).toMatchObject({ kind: 'FOLLOW_UP_PLAN' });
    const a = await c.ola.gql(
      `query($id: ID!) { apprenticeship(apprenticeId: $id) { status interruptions { startsOn endsOn countyNotifiedOn } } }`,
      {
        id: third.id,
      },
    );
    expect(a.data!['apprenticeship']).toEqual({
      status: 'INTERRUPTED',
      interruptions: [{ startsOn: addDays(today, -1), endsOn: null, countyNotifiedOn: addDays(today, -2) }],
    });
  });

  it("lets the apprentice download everything held about them, and nothing of anyone else's", async () => {
    const before = await logRows();
    const res = await c.emma.get('/api/follow-up/mine.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.person).toMatchObject({ name: 'Emma Larsen', email: USERS.apprentice });
    expect(data.apprenticeships[0].responsible).toContainEqual({ name: 'Ola Hansen', role: 'PROFESSIONAL_LEADER' });
    expect(data.followUpCases.map((k: { id: string }) => k.id)).toEqual([caseId]);
    expect(data.followUpCases[0].concernText).toBe('Mye fravær');
    expect(data.followUpCases[0].steps).toHaveLength(3);
    expect(data.readLog.length).toBeGreaterThan(0);
    // Nothing of the other apprentice, nor the staff's notes.
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(other.name);
    expect(text).not.toContain('WRONG_TRADE');
    expect(text).not.toContain('Kun for personalet');
    expect(await logRows()).toBe(before + 1);
    const pdf = await c.emma.get('/api/follow-up/mine.pdf?lang=en');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await c.ola.get('/api/follow-up/mine.json')).status).toBe(403);
    expect((await c.anonymous.get('/api/follow-up/mine.json')).status).toBe(401);
  });

  it('reminds each owner of deadlines and meetings once a day, and nobody on a day without any', async () => {
    const queue = stack.queue(REMINDERS_JOB.queue);
    for (let run = 0; run < 2; run++) {
      const jobId = `${remindersJobId(today)}-${run}`;
      await queue.add(REMINDERS_JOB.name, { today }, { jobId });
      await eventually(
        async () => (await queue.getJobState(jobId)) as string,
        (s) => s === 'completed',
      );
    }
    const rows: { recipient: string; n: number }[] = await sql(
      `SELECT recipient, count(*)::int AS n FROM mail_message WHERE purpose = $1 GROUP BY recipient ORDER BY recipient`,
      [remindersPurpose(today)],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { recipient: USERS.apprentice, n: 1 },
        { recipient: USERS.digdir, n: 1 },
      ]),
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
    await stack.smtp.waitFor(() => stack.smtp.to(USERS.digdir).length > 0 && stack.smtp.to(USERS.apprentice).length > 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(stack.smtp.to(USERS.digdir)).toHaveLength(1);
    const ola = stack.smtp.to(USERS.digdir)[0];
    // Ola: his own action, the outsider's action he follows up, and the next meeting; dates only, no wording of the case.
    expect(ola.text).toContain('Emma Larsen: et tiltak har frist');
    expect(ola.text).toContain('nytt oppfølgingsmøte');
    expect(ola.text).not.toContain('Legetime');
    expect(stack.smtp.to(USERS.apprentice)[0].text).toContain('et tiltak har frist');
    // A day when nothing is due: no mail.
    const empty = '2001-01-01';
    await queue.add(REMINDERS_JOB.name, { today: empty }, { jobId: remindersJobId(empty) });
    await eventually(
      async () => (await queue.getJobState(remindersJobId(empty))) as string,
      (s) => s === 'completed',
    );
    expect(await sql(`SELECT count(*)::int AS n FROM mail_message WHERE purpose = $1`, [remindersPurpose(empty)])).toEqual([{ n: 0 }]);
  });

  it("shows the ministry counts with 'under 5', never a name; NOT_FOUND to another area, FORBIDDEN to agencies", async () => {
    const year = Number(other.contract_start.slice(0, 4));
    const closedYear = Number(addDays(other.contract_start, 25).slice(0, 4));
    const q = `query($a: ID, $y: Int) { followUpFigures(areaId: $a, year: $y) { year openCases { count disclosure }
      terminations { columns rows { key cells { count disclosure } total { count disclosure } } columnTotals { disclosure } total { count disclosure } }
      outcomes { rows { key cells { count disclosure } } } } }`;
    const r = await c.ministry.gql(q, { a: i.kdd, y: closedYear });
    expect(r.errors).toBeUndefined();
    const f = r.data!['followUpFigures'];
    expect(f.openCases).toEqual({ count: null, disclosure: 'UNDER_THRESHOLD' });
    const wrong = f.terminations.rows.find((x: { key: string }) => x.key === 'WRONG_TRADE');
    expect(wrong.cells.map((x: { disclosure: string }) => x.disclosure)).toEqual(['UNDER_THRESHOLD', 'UNDER_THRESHOLD']);
    expect(f.terminations.total).toEqual({ count: null, disclosure: 'UNDER_THRESHOLD' });
    expect(JSON.stringify(r)).not.toContain('Emma');
    expect(year).toBeLessThanOrEqual(closedYear);
    expect(code(await c.otherMinistry.gql(q, { a: i.kdd }))).toBe('NOT_FOUND');
    expect(code(await c.ola.gql(q, { a: i.kdd }))).toBe('FORBIDDEN');
    expect(code(await c.emma.gql(q, { a: i.kdd }))).toBe('FORBIDDEN');
    expect((await c.admin.gql(q, { a: i.kdd })).errors).toBeUndefined();
  });

  it('erases a closed case when its retention has run out, keeping only its counts', async () => {
    const resolved = await step(c.ola, {
      caseId,
      kind: 'RESOLUTION',
      date: today,
      participants: [{ role: 'PROFESSIONAL_LEADER', userId: olaId }],
      externalParticipants: [],
      actions: [],
      summary: 'Fraværet er tatt tak i.',
    });
    expect(resolved.errors).toBeUndefined();
    const k = resolved.data!['recordFollowUpStep'];
    expect(k.status).toBe('RESOLVED');
    // Not yet: the contract still runs.
    const queue = stack.queue(RETENTION_JOB.queue);
    const run = async (day: string) => {
      await queue.add(RETENTION_JOB.name, { today: day }, { jobId: retentionJobId(day) });
      await eventually(
        async () => (await queue.getJobState(retentionJobId(day))) as string,
        (s) => s === 'completed',
      );
    };
    await run(today);
    expect(await sql(`SELECT count(*)::int AS n FROM follow_up_case WHERE id = $1`, [caseId])).toEqual([{ n: 1 }]);
    // Two years after the contract's end, by the moved clock.
    const [{ last_day: lastDay }] = await sql(`SELECT contract_end::text AS last_day FROM apprentice WHERE id = $1`, [i.digdirApprentice]);
    const erasure = addDays(lastDay, 2 * 365 + 2);
    CLOCK.set(new Date(`${erasure}T10:00:00Z`));
    const closedYear = Number(today.slice(0, 4));
    const openedYear = Number(addDays(today, -20).slice(0, 4));
    // Six earlier erased cases of the same year, so that the year's resolved count is shown.
    await sql(
      `INSERT INTO follow_up_count (area_id, opened_year, closed_year, outcome, cases) SELECT $1, $3 - g, $2, 'RESOLVED', 1 FROM generate_series(1, 6) g`,
      [i.kdd, closedYear, openedYear],
    );
    const total = async () =>
      (
        await c.ministry.gql(`query($a: ID, $y: Int) { followUpFigures(areaId: $a, year: $y) { outcomes { total { count } } } }`, {
          a: i.kdd,
          y: closedYear,
        })
      ).data!['followUpFigures'].outcomes.total.count as number;
    const kept = async () => (await sql(`SELECT coalesce(sum(cases), 0)::int AS n FROM follow_up_count`))[0].n as number;
    const closed = async () => (await sql(`SELECT count(*)::int AS n FROM follow_up_case WHERE status <> 'OPEN'`))[0].n as number;
    const before = { total: await total(), kept: await kept(), closed: await closed() };
    await run(erasure);
    expect(await sql(`SELECT count(*)::int AS n FROM follow_up_case WHERE id = $1`, [caseId])).toEqual([{ n: 0 }]);
    for (const t of ['follow_up_step', 'follow_up_action', 'follow_up_read_log'])
      expect(await sql(`SELECT count(*)::int AS n FROM ${t} WHERE case_id = $1`, [caseId])).toEqual([{ n: 0 }]);
    // Every erased case left one anonymous count, and the ministry's figures are what they were.
    const erased = before.closed - (await closed());
    expect(erased).toBeGreaterThanOrEqual(2);
    expect((await kept()) - before.kept).toBe(erased);
    expect(await total()).toBe(before.total);
    expect(before.total).toBeGreaterThanOrEqual(8);
    const [row] = await sql(
      `SELECT cases FROM follow_up_count WHERE area_id = $1 AND closed_year = $2 AND opened_year = $3 AND outcome = 'RESOLVED' AND phase = ''`,
      [i.kdd, closedYear, openedYear],
    );
    expect(row.cases).toBeGreaterThanOrEqual(1);
    // Open cases are never erased.
    expect((await sql(`SELECT count(*)::int AS n FROM follow_up_case WHERE status = 'OPEN'`))[0].n).toBeGreaterThan(0);
    // Nothing is left for the apprentice to see.
    expect((await c.emma.gql(`{ myFollowUpCases { id } }`)).data!['myFollowUpCases']).toEqual([]);
    CLOCK.set(null);
  });
});
