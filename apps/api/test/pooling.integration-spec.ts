/**
 * Pooling apprentices for events, against real Postgres, Redis and an SMTP server: registration
 * and approval into the pool by role, sign-up and approval by the apprentice's own agency, the
 * area boundary, the monthly cap, concurrent sign-ups, the withdrawal deadline, attendance and
 * the record, the staffing proposal, and competence apprentices.
 */
import { CLOCK } from '../src/common/clock';
import { Client, code, eventually, ids, Stack, startStack, USERS } from './harness';

const HOUR = 3_600_000;
const inDays = (d: number, h = 10) => {
  const t = new Date(Date.now() + d * 24 * HOUR);
  t.setUTCHours(h - 1, 0, 0, 0); // h o'clock in Oslo in winter (UTC+1); good enough for a test day
  return t;
};
const day = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(d);

const EVENT = `id status title reviewComment canManage canReview agencyName shifts { id places taken startsAt endsAt tradeIds mySignup { id state } eligibility }`;
const SIGNUP = `id state origin attendance hours name agencyName eventTitle`;

function eventInput(
  title: string,
  shifts: { start: Date; hours: number; places: number; tradeIds?: string[] }[],
  deadline = inDays(5, 12),
) {
  const first = shifts.reduce((a, s) => (s.start < a ? s.start : a), shifts[0].start);
  const last = shifts.reduce((a, s) => (s.start > a ? s.start : a), shifts[0].start);
  return {
    title,
    kind: 'SEMINAR',
    place: 'Akersgata 59, Oslo',
    startsOn: day(first),
    endsOn: day(last),
    description: 'Rigging, registrering og vertskap.',
    signupDeadline: deadline.toISOString(),
    shifts: shifts.map((s) => ({
      startsAt: s.start.toISOString(),
      endsAt: new Date(s.start.getTime() + s.hours * HOUR).toISOString(),
      tasks: 'Registrering av deltakere',
      places: s.places,
      tradeIds: s.tradeIds ?? [],
      competenceGoals: 'Kommunikasjon og service',
    })),
  };
}

describe('pooling', () => {
  let stack: Stack;
  let ministry: Client;
  let otherMinistry: Client;
  let digdir: Client;
  let statsbygg: Client;
  let emma: Client;
  let i: Awaited<ReturnType<typeof ids>>;
  const sql = async <T>(q: string, p: unknown[] = []) => (await stack.ds.query(q, p)) as T[];
  const user = async (email: string) => (await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;

  /** Apprentice users who can sign in, each matched to an apprentice of the agency (so their trade is known). */
  async function apprentices(agencyName: string, n: number, prefix: string): Promise<{ email: string; id: string; client: Client }[]> {
    const rows = await sql<{ id: string; area_id: string; trade_id: string }>(
      `SELECT a.id, a.area_id, (SELECT trade_id FROM apprentice p WHERE p.agency_id = a.id LIMIT 1) AS trade_id FROM agency a WHERE a.name = $1`,
      [agencyName],
    );
    const [{ hash }] = await sql<{ hash: string }>(`SELECT password_hash AS hash FROM app_user WHERE email = $1`, [USERS.apprentice]);
    const out: { email: string; id: string; client: Client }[] = [];
    for (let k = 0; k < n; k++) {
      const email = `${prefix}${k}@example.no`;
      await stack.ds.query(
        `INSERT INTO apprentice (agency_id, trade_id, name, email, contract_start, contract_end) VALUES ($1, $2, $3, $4, current_date - 100, current_date + 500)`,
        [rows[0].id, rows[0].trade_id, `Lærling ${prefix}${k}`, email],
      );
      const [{ id }] = await sql<{ id: string }>(
        `INSERT INTO app_user (email, name, role, area_id, agency_id, password_hash) VALUES ($1, $2, 'APPRENTICE', $3, $4, $5) RETURNING id`,
        [email, `Lærling ${prefix}${k}`, rows[0].area_id, rows[0].id, hash],
      );
      out.push({ email, id, client: await new Client(stack.url).signIn(email) });
    }
    return out;
  }

  const register = (c: Client, input: ReturnType<typeof eventInput>) =>
    c.gql(`mutation($i: PoolEventInput!) { registerPoolEvent(input: $i) { ${EVENT} } }`, { i: input });
  const review = (c: Client, eventId: string, approve: boolean, comment = '') =>
    c.gql(`mutation($i: ReviewPoolEventInput!) { reviewPoolEvent(input: $i) { ${EVENT} } }`, { i: { eventId, approve, comment } });
  const signUp = (c: Client, shiftId: string) => c.gql(`mutation($s: ID!) { signUpForShift(shiftId: $s) { ${SIGNUP} } }`, { s: shiftId });
  const decide = (c: Client, signupId: string, approve: boolean) =>
    c.gql(`mutation($i: DecideSignupInput!) { decideSignup(input: $i) { ${SIGNUP} } }`, { i: { signupId, approve, note: '' } });
  const withdraw = (c: Client, signupId: string) =>
    c.gql(`mutation($s: ID!) { withdrawSignup(signupId: $s) { ${SIGNUP} } }`, { s: signupId });

  async function approvedEvent(title: string, shifts: Parameters<typeof eventInput>[1], deadline?: Date) {
    const r = await register(digdir, eventInput(title, shifts, deadline));
    expect(r.errors).toBeUndefined();
    const e = r.data!['registerPoolEvent'];
    expect((await review(ministry, e.id, true)).errors).toBeUndefined();
    return e as { id: string; shifts: { id: string }[] };
  }

  beforeAll(async () => {
    stack = await startStack();
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    otherMinistry = await new Client(stack.url).signIn(USERS.otherMinistry);
    digdir = await new Client(stack.url).signIn(USERS.digdir);
    statsbygg = await new Client(stack.url).signIn(USERS.statsbygg);
    emma = await new Client(stack.url).signIn(USERS.apprentice);
    i = await ids(stack.ds);
  }, 60_000);
  afterEach(() => CLOCK.set(null));
  afterAll(() => stack?.stop());

  it('takes an event from registration to the pool: each role allowed or refused, comments and mails on the way', async () => {
    const r = await register(digdir, eventInput('Digdir-konferansen', [{ start: inDays(10), hours: 4, places: 2 }]));
    expect(r.errors).toBeUndefined();
    const e = r.data!['registerPoolEvent'];
    expect(e).toMatchObject({ status: 'SUBMITTED', canManage: true, canReview: false, agencyName: 'Digitaliseringsdirektoratet' });
    // Not yet in the pool: other agencies and apprentices do not see it; the ministry does.
    expect(code(await statsbygg.gql(`query($id: ID!) { poolEvent(id: $id) { id } }`, { id: e.id }))).toBe('NOT_FOUND');
    expect(code(await emma.gql(`query($id: ID!) { poolEvent(id: $id) { id } }`, { id: e.id }))).toBe('NOT_FOUND');
    expect((await ministry.gql(`query($id: ID!) { poolEvent(id: $id) { canReview } }`, { id: e.id })).data!['poolEvent'].canReview).toBe(
      true,
    );
    // Only the area's ministry reviews.
    expect(code(await review(digdir, e.id, true))).toBe('FORBIDDEN');
    expect(code(await review(emma, e.id, true))).toBe('FORBIDDEN');
    expect(code(await review(otherMinistry, e.id, true))).toBe('NOT_FOUND');
    expect(code(await review(ministry, e.id, false))).toBe('VALIDATION_FAILED');
    expect(await sql(`SELECT status::text FROM pooled_event WHERE id = $1`, [e.id])).toEqual([{ status: 'SUBMITTED' }]);
    // Sent back with a comment: the agency is told, changes it and sends it in again.
    const back = await review(ministry, e.id, false, 'Legg inn hvilke lærefag vaktene passer for.');
    expect(back.data!['reviewPoolEvent']).toMatchObject({
      status: 'RETURNED',
      reviewComment: 'Legg inn hvilke lærefag vaktene passer for.',
    });
    const returned = await eventually(
      async () => stack.smtp.to(USERS.digdir).filter((m) => m.subject?.includes('sendt tilbake')),
      (m) => m.length === 1,
    );
    expect(returned[0].text).toContain('Legg inn hvilke lærefag');
    const again = await digdir.gql(
      `mutation($id: ID!, $i: PoolEventInput!) { updatePoolEvent(eventId: $id, input: $i) { status shifts { id } } }`,
      { id: e.id, i: eventInput('Digdir-konferansen', [{ start: inDays(10), hours: 4, places: 2 }]) },
    );
    expect(again.data!['updatePoolEvent'].status).toBe('SUBMITTED');
    // Approved into the pool: the area's agency coordinators hear of it, and everyone in the area sees it.
    expect((await review(ministry, e.id, true)).data!['reviewPoolEvent'].status).toBe('APPROVED');
    expect(code(await review(ministry, e.id, true))).toBe('CONFLICT');
    const told = await eventually(
      async () => stack.smtp.to(USERS.statsbygg).filter((m) => m.subject?.includes('Digdir-konferansen')),
      (m) => m.length === 1,
    );
    expect(told[0].subject).toBe('Nytt arrangement i poolen: Digdir-konferansen');
    const seen = await statsbygg.gql(`{ poolEvents { id } }`);
    expect(seen.data!['poolEvents'].map((x: { id: string }) => x.id)).toContain(e.id);
    expect(code(await otherMinistry.gql(`query($id: ID!) { poolEvent(id: $id) { id } }`, { id: e.id }))).toBe('NOT_FOUND');
  });

  it('refuses an event with a bad date, a shift outside it, or a deadline after the first shift, and stores nothing', async () => {
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pooled_event`);
    const good = eventInput('Ugyldig', [{ start: inDays(12), hours: 3, places: 1 }]);
    const tries = [
      { ...good, startsOn: '2026-02-30' },
      { ...good, endsOn: day(inDays(11)) },
      { ...good, signupDeadline: inDays(13).toISOString() },
      { ...good, signupDeadline: new Date(Date.now() - HOUR).toISOString() },
      { ...good, shifts: [{ ...good.shifts[0], endsAt: good.shifts[0].startsAt }] },
      { ...good, shifts: [] },
      { ...good, shifts: [{ ...good.shifts[0], tradeIds: ['00000000-0000-4000-8000-000000000000'] }] },
    ];
    for (const t of tries) expect(code(await register(digdir, t))).toBe('VALIDATION_FAILED');
    expect(code(await register(statsbygg, { ...good, agencyId: i.digdir } as never))).toBe('FORBIDDEN');
    expect(await sql(`SELECT count(*)::int AS n FROM pooled_event`)).toEqual(before);
  });

  it('signs an apprentice up; only their own agency approves; they are told and see it on their page', async () => {
    const e = await approvedEvent('Valgdagen', [{ start: inDays(14), hours: 5, places: 3 }]);
    const shift = e.shifts[0].id;
    const list = (await emma.gql(`{ poolEvents { id shifts { id eligibility } } }`)).data!['poolEvents'] as {
      id: string;
      shifts: { id: string; eligibility: string }[];
    }[];
    expect(list.find((x) => x.id === e.id)!.shifts[0].eligibility).toBe('OK');
    const s = await signUp(emma, shift);
    expect(s.errors).toBeUndefined();
    expect(s.data!['signUpForShift']).toMatchObject({ state: 'PENDING', origin: 'SIGNUP', name: 'Emma Larsen' });
    const id = s.data!['signUpForShift'].id;
    expect(code(await signUp(emma, shift))).toBe('CONFLICT');
    // The agency is asked to approve.
    await eventually(
      async () => stack.smtp.to(USERS.digdir).filter((m) => m.subject?.startsWith('Godkjenn: Emma Larsen')),
      (m) => m.length === 1,
    );
    const pending = await digdir.gql(`{ pendingSignupApprovals { id } }`);
    expect(pending.data!['pendingSignupApprovals'].map((x: { id: string }) => x.id)).toContain(id);
    // The ministry, another agency and the apprentice cannot approve.
    expect(code(await decide(ministry, id, true))).toBe('FORBIDDEN');
    expect(code(await decide(statsbygg, id, true))).toBe('NOT_FOUND');
    expect(code(await decide(emma, id, true))).toBe('FORBIDDEN');
    expect(await sql(`SELECT state::text FROM shift_signup WHERE id = $1`, [id])).toEqual([{ state: 'PENDING' }]);
    expect((await decide(digdir, id, true)).data!['decideSignup'].state).toBe('APPROVED');
    expect(code(await decide(digdir, id, false))).toBe('CONFLICT');
    const mail = await eventually(
      async () => stack.smtp.to(USERS.apprentice).filter((m) => m.subject === 'Du er med: Valgdagen'),
      (m) => m.length === 1,
    );
    expect(mail[0].text).toContain('Valgdagen');
    const mine = await emma.gql(`{ mySignups { id state eventTitle } }`);
    expect(mine.data!['mySignups']).toEqual(expect.arrayContaining([{ id, state: 'APPROVED', eventTitle: 'Valgdagen' }]));
  });

  it('refuses a shift of another area, a shift for other trades, and one beyond the monthly cap', async () => {
    const e = await approvedEvent('Seminar om digitalisering', [
      { start: inDays(20, 9), hours: 3, places: 5 },
      {
        start: inDays(21, 9),
        hours: 3,
        places: 5,
        tradeIds: [
          (
            await sql<{ id: string }>(
              `SELECT id FROM trade WHERE id NOT IN (SELECT trade_id FROM apprentice WHERE agency_id = $1) LIMIT 1`,
              [i.digdir],
            )
          )[0].id,
        ],
      },
    ]);
    // An apprentice in the defence area cannot see or take a KDD shift.
    const [fdApprentice] = await apprentices('Forsvarsbygg', 1, 'fd-');
    expect(code(await signUp(fdApprentice.client, e.shifts[0].id))).toBe('NOT_FOUND');
    expect(code(await fdApprentice.client.gql(`query($id: ID!) { poolEvent(id: $id) { id } }`, { id: e.id }))).toBe('NOT_FOUND');
    const [ola] = await apprentices('Digitaliseringsdirektoratet', 1, 'cap-');
    const other = await signUp(ola.client, e.shifts[1].id);
    expect(code(other)).toBe('CONFLICT');
    expect(other.errors![0].extensions!['reason']).toBe('TRADE');
    // A cap of 2 hours a month: a 3-hour shift is refused, and nothing is written.
    expect(
      (await ola.client.gql(`mutation { setPoolHelper(input: { offering: true, maxHoursPerMonth: 2 }) { maxHoursPerMonth } }`)).errors,
    ).toBeUndefined();
    const capped = await signUp(ola.client, e.shifts[0].id);
    expect(code(capped)).toBe('CONFLICT');
    expect(capped.errors![0].extensions!['reason']).toBe('CAP');
    expect(await sql(`SELECT count(*)::int AS n FROM shift_signup WHERE user_id = $1`, [ola.id])).toEqual([{ n: 0 }]);
    await ola.client.gql(`mutation { setPoolHelper(input: { offering: true, maxHoursPerMonth: 16 }) { maxHoursPerMonth } }`);
    expect((await signUp(ola.client, e.shifts[0].id)).errors).toBeUndefined();
  });

  it('never overfills a shift when many sign up at once, and never double-books one apprentice', async () => {
    const e = await approvedEvent('Stor konferanse', [
      { start: inDays(25, 9), hours: 2, places: 3 },
      { start: inDays(25, 10), hours: 2, places: 20 },
    ]);
    const crowd = await apprentices('Digitaliseringsdirektoratet', 16, 'crowd-');
    const results = await Promise.all(crowd.map((a) => signUp(a.client, e.shifts[0].id)));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(13);
    expect(
      await sql(`SELECT count(*)::int AS n FROM shift_signup WHERE shift_id = $1 AND state IN ('PENDING', 'APPROVED')`, [e.shifts[0].id]),
    ).toEqual([{ n: 3 }]);
    // One apprentice tries two overlapping shifts that both have room, at the same moment: exactly one
    // wins, and the other is refused as a clash (not because a shift is full).
    const open = await approvedEvent('Fagdag', [
      { start: inDays(26, 9), hours: 2, places: 5 },
      { start: inDays(26, 10), hours: 2, places: 5 },
    ]);
    const solo = (await apprentices('Digitaliseringsdirektoratet', 1, 'solo-'))[0];
    const both = await Promise.all([signUp(solo.client, open.shifts[1].id), signUp(solo.client, open.shifts[0].id)]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    const refused = both.find((r) => r.errors)!;
    expect(code(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions!['reason']).toBe('CLASH');
    expect(
      (
        await sql<{ n: number }>(`SELECT count(*)::int AS n FROM shift_signup WHERE user_id = $1 AND state IN ('PENDING', 'APPROVED')`, [
          solo.id,
        ])
      )[0].n,
    ).toBe(1);
  });

  it('refuses a sign-up that overlaps a shift the apprentice already has, as a clash, and shows it so in the pool', async () => {
    // 09–11 and 10–12 overlap; 11–13 only touches the first. Every shift has room.
    const e = await approvedEvent('Åpent hus', [
      { start: inDays(28, 9), hours: 2, places: 5 },
      { start: inDays(28, 10), hours: 2, places: 5 },
      { start: inDays(28, 11), hours: 2, places: 5 },
    ]);
    const [first, overlapping, touching] = e.shifts.map((x) => x.id);
    const [a] = await apprentices('Digitaliseringsdirektoratet', 1, 'overlap-');
    const mine = (await signUp(a.client, first)).data!['signUpForShift'];
    const seen = async () =>
      (
        (await a.client.gql(`query($id: ID!) { poolEvent(id: $id) { shifts { id places taken eligibility } } }`, { id: e.id })).data![
          'poolEvent'
        ] as { shifts: { id: string; places: number; taken: number; eligibility: string }[] }
      ).shifts;
    expect(await seen()).toEqual([
      { id: first, places: 5, taken: 1, eligibility: 'SIGNED_UP' },
      { id: overlapping, places: 5, taken: 0, eligibility: 'CLASH' },
      { id: touching, places: 5, taken: 0, eligibility: 'OK' },
    ]);
    const r = await signUp(a.client, overlapping);
    expect(code(r)).toBe('CONFLICT');
    expect(r.errors![0].extensions!['reason']).toBe('CLASH');
    expect(await sql(`SELECT count(*)::int AS n FROM shift_signup WHERE shift_id = $1`, [overlapping])).toEqual([{ n: 0 }]);
    // Once off the first shift, the apprentice is free at that time.
    expect((await withdraw(a.client, mine.id)).errors).toBeUndefined();
    expect((await signUp(a.client, overlapping)).errors).toBeUndefined();
  });

  it('refuses a shift at the time of a gathering the apprentice said yes to, as a clash', async () => {
    const e = await approvedEvent('Karrieredag', [{ start: inDays(27, 11), hours: 2, places: 5 }]);
    const [a] = await apprentices('Digitaliseringsdirektoratet', 1, 'busy-');
    const [g] = await sql<{ id: string }>(
      `INSERT INTO gathering (area_id, audience, title, starts_at, ends_at, status) VALUES ($1, 'APPRENTICE', 'Lærlingsamling', $2, $3, 'PUBLISHED') RETURNING id`,
      [i.kdd, inDays(27, 10), inDays(27, 12)],
    );
    await sql(`INSERT INTO gathering_rsvp (gathering_id, user_id, agency_id, state, answered_at) VALUES ($1, $2, $3, 'YES', now())`, [
      g.id,
      a.id,
      i.digdir,
    ]);
    const r = await signUp(a.client, e.shifts[0].id);
    expect(code(r)).toBe('CONFLICT');
    expect(r.errors![0].extensions!['reason']).toBe('CLASH');
    // Having said no, the apprentice is free at that time.
    await sql(`UPDATE gathering_rsvp SET state = 'NO' WHERE gathering_id = $1 AND user_id = $2`, [g.id, a.id]);
    expect((await signUp(a.client, e.shifts[0].id)).errors).toBeUndefined();
  });

  it('refuses an apprentice withdrawing after the deadline with a clear error; their agency can still take them off', async () => {
    const deadline = new Date(Date.now() + HOUR);
    const e = await approvedEvent('Kurs i klarspråk', [{ start: inDays(30), hours: 2, places: 2 }], deadline);
    const [a] = await apprentices('Digitaliseringsdirektoratet', 1, 'late-');
    const s = (await signUp(a.client, e.shifts[0].id)).data!['signUpForShift'];
    // The deadline passes (the test moves the clock rather than waiting).
    CLOCK.set(new Date(deadline.getTime() + 60_000));
    const late = await withdraw(a.client, s.id);
    expect(code(late)).toBe('DEADLINE_PASSED');
    expect(late.errors![0].message).toMatch(/deadline for withdrawing has passed/);
    expect(await sql(`SELECT state::text FROM shift_signup WHERE id = $1`, [s.id])).toEqual([{ state: 'PENDING' }]);
    const [b] = await apprentices('Digitaliseringsdirektoratet', 1, 'later-');
    expect(code(await signUp(b.client, e.shifts[0].id))).toBe('DEADLINE_PASSED');
    expect((await withdraw(digdir, s.id)).data!['withdrawSignup'].state).toBe('WITHDRAWN');
  });

  it('records attendance and hours, and gives the apprentice a record with a CSV export', async () => {
    const e = await approvedEvent('Åpen dag', [{ start: inDays(3), hours: 3, places: 2 }], inDays(2));
    const [a] = await apprentices('Digitaliseringsdirektoratet', 1, 'rec-');
    const s = (await signUp(a.client, e.shifts[0].id)).data!['signUpForShift'];
    await decide(digdir, s.id, true);
    const record = (mutationClient: Client) =>
      mutationClient.gql(`mutation($i: AttendanceInput!) { recordAttendance(input: $i) { ${SIGNUP} } }`, {
        i: { signupId: s.id, attendance: 'PRESENT' },
      });
    expect(code(await record(digdir))).toBe('VALIDATION_FAILED'); // the shift has not begun
    await stack.ds.query(
      `UPDATE event_shift SET starts_at = now() - interval '4 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [e.shifts[0].id],
    );
    expect(code(await record(statsbygg))).toBe('NOT_FOUND');
    expect(code(await record(a.client))).toBe('FORBIDDEN');
    expect((await record(digdir)).data!['recordAttendance']).toMatchObject({ attendance: 'PRESENT', hours: 3 });
    const r = await a.client.gql(`{ poolRecord { totalHours entries { eventTitle hours competenceGoals } } }`);
    expect(r.data!['poolRecord']).toEqual({
      totalHours: 3,
      entries: [{ eventTitle: 'Åpen dag', hours: 3, competenceGoals: 'Kommunikasjon og service' }],
    });
    const csv = await a.client.get('/api/pool/record.csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Åpen dag;Digitaliseringsdirektoratet');
    expect(text).toContain('Sum;;;;;3,00;');
    expect((await statsbygg.get(`/api/pool/record.csv?userId=${a.id}`)).status).toBe(404);
    expect((await digdir.get(`/api/pool/record.csv?userId=${a.id}`)).status).toBe(200);
    const fb = await digdir.gql(`mutation($i: EventFeedbackInput!) { setPoolEventFeedback(input: $i) { feedback } }`, {
      i: { eventId: e.id, feedback: 'Flott innsats!' },
    });
    expect(fb.data!['setPoolEventFeedback'].feedback).toBe('Flott innsats!');
  });

  it('proposes fair staffing that nobody is assigned by until accepted, and accepts it all or nothing', async () => {
    const e = await approvedEvent('Fagdag for lærlinger', [
      { start: inDays(40, 9), hours: 2, places: 2 },
      { start: inDays(40, 13), hours: 2, places: 2 },
    ]);
    const helpers = await apprentices('Statsbygg', 3, 'help-');
    for (const h of helpers) await h.client.gql(`mutation { setPoolHelper(input: { offering: true, maxHoursPerMonth: 16 }) { offering } }`);
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM shift_signup`);
    const p = await ministry.gql(
      `{ staffingProposal { filled open upperBound largestLoad assignments { shiftId userId name agencyName } } }`,
    );
    expect(p.errors).toBeUndefined();
    const proposal = p.data!['staffingProposal'];
    const mine = proposal.assignments.filter((a: { shiftId: string }) => e.shifts.some((s) => s.id === a.shiftId));
    expect(mine).toHaveLength(4);
    // Spread: three helpers, four places; nobody gets both shifts while another gets none.
    const perHelper = new Map<string, number>();
    for (const a of mine) perHelper.set(a.userId, (perHelper.get(a.userId) ?? 0) + 1);
    expect(Math.max(...perHelper.values())).toBeLessThanOrEqual(2);
    expect(perHelper.size).toBe(3);
    expect(proposal.filled).toBeLessThanOrEqual(proposal.upperBound);
    expect(await sql(`SELECT count(*)::int AS n FROM shift_signup`)).toEqual(before);
    expect(code(await digdir.gql(`{ staffingProposal { filled } }`))).toBe('FORBIDDEN');

    const chosen = mine.slice(0, 3).map((a: { shiftId: string; userId: string }) => ({ shiftId: a.shiftId, userId: a.userId }));
    const accepted = await ministry.gql(`mutation($i: AcceptStaffingInput!) { acceptStaffing(input: $i) { state origin } }`, {
      i: { assignments: chosen },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!['acceptStaffing']).toEqual(chosen.map(() => ({ state: 'PENDING', origin: 'PROPOSAL' })));
    // Accepting the rest together with one already made: refused whole, nothing more written.
    const count = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM shift_signup`);
    const again = await ministry.gql(`mutation($i: AcceptStaffingInput!) { acceptStaffing(input: $i) { id } }`, {
      i: { assignments: [mine[3], chosen[0]].map((a: { shiftId: string; userId: string }) => ({ shiftId: a.shiftId, userId: a.userId })) },
    });
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/Assignment 2/);
    expect(await sql(`SELECT count(*)::int AS n FROM shift_signup`)).toEqual(count);
  });

  it('says per event who may change it and give feedback, and per shift who may assign by hand; lists whom each may assign', async () => {
    const FLAGS = `id status canEdit canGiveFeedback shifts { id canAssign }`;
    const flags = async (c: Client, id: string) =>
      (await c.gql(`query($id: ID!) { poolEvent(id: $id) { ${FLAGS} } }`, { id })).data!['poolEvent'];
    const e = (await register(digdir, eventInput('Lærlingdagen', [{ start: inDays(20), hours: 3, places: 2 }]))).data![
      'registerPoolEvent'
    ] as { id: string; shifts: { id: string }[] };
    // Waiting for review, and sent back: the host and the ministry may change it; nobody assigns or gives feedback yet.
    expect(await flags(digdir, e.id)).toMatchObject({ canEdit: true, canGiveFeedback: false, shifts: [{ canAssign: false }] });
    await review(ministry, e.id, false, 'Skriv oppgavene.');
    expect(await flags(digdir, e.id)).toMatchObject({ status: 'RETURNED', canEdit: true });
    expect(await flags(ministry, e.id)).toMatchObject({ canEdit: true });
    const sentAgain = await digdir.gql(
      `mutation($id: ID!, $i: PoolEventInput!) { updatePoolEvent(eventId: $id, input: $i) { ${FLAGS} } }`,
      { id: e.id, i: eventInput('Lærlingdagen', [{ start: inDays(20), hours: 3, places: 2 }]) },
    );
    expect(sentAgain.data!['updatePoolEvent']).toMatchObject({ status: 'SUBMITTED', canEdit: true });
    await review(ministry, e.id, true);
    const shiftId = ((await flags(digdir, e.id)) as { shifts: { id: string }[] }).shifts[0].id;
    // In the pool: no longer editable; any coordinator of the area may assign (their own), apprentices may not.
    expect(await flags(digdir, e.id)).toMatchObject({ canEdit: false, canGiveFeedback: false, shifts: [{ canAssign: true }] });
    expect(await flags(statsbygg, e.id)).toMatchObject({ canEdit: false, canGiveFeedback: false, shifts: [{ canAssign: true }] });
    expect(await flags(ministry, e.id)).toMatchObject({ canEdit: false, shifts: [{ canAssign: true }] });
    expect(await flags(emma, e.id)).toMatchObject({ canEdit: false, canGiveFeedback: false, shifts: [{ canAssign: false }] });
    expect(
      code(
        await digdir.gql(`mutation($i: EventFeedbackInput!) { setPoolEventFeedback(input: $i) { id } }`, {
          i: { eventId: e.id, feedback: 'For tidlig' },
        }),
      ),
    ).toBe('CONFLICT');

    // Whom each may assign: an agency its own apprentices, the ministry those of the area, another area nobody of ours.
    const [mine] = await apprentices('Digitaliseringsdirektoratet', 1, 'assign-d-');
    const [theirs] = await apprentices('Statsbygg', 1, 'assign-s-');
    const assignees = async (c: Client) =>
      (await c.gql(`{ poolAssignees { userId name agencyName } }`)).data!['poolAssignees'] as { userId: string; agencyName: string }[];
    const digdirList = await assignees(digdir);
    expect(digdirList.map((a) => a.userId)).toContain(mine.id);
    expect(digdirList.every((a) => a.agencyName === 'Digitaliseringsdirektoratet')).toBe(true);
    expect((await assignees(ministry)).map((a) => a.userId)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await assignees(otherMinistry)).map((a) => a.userId)).not.toContain(mine.id);
    expect(code(await emma.gql(`{ poolAssignees { userId } }`))).toBe('FORBIDDEN');
    // The agency's own assignment is approved at once; the ministry's waits for the apprentice's agency.
    const assign = (c: Client, userId: string) =>
      c.gql(`mutation($i: AssignInput!) { assignToShift(input: $i) { state origin } }`, { i: { shiftId, userId } });
    expect(code(await assign(digdir, theirs.id))).toBe('NOT_FOUND');
    expect((await assign(digdir, mine.id)).data!['assignToShift']).toEqual({ state: 'APPROVED', origin: 'ASSIGNED' });
    expect((await assign(ministry, theirs.id)).data!['assignToShift']).toEqual({ state: 'PENDING', origin: 'ASSIGNED' });

    // Once the shift has begun: nobody assigns any more, and the host (or the ministry) may give feedback.
    await stack.ds.query(
      `UPDATE event_shift SET starts_at = now() - interval '2 hours', ends_at = now() + interval '1 hour' WHERE id = $1`,
      [shiftId],
    );
    expect(await flags(digdir, e.id)).toMatchObject({ canGiveFeedback: true, shifts: [{ canAssign: false }] });
    expect(await flags(ministry, e.id)).toMatchObject({ canGiveFeedback: true });
    expect(await flags(statsbygg, e.id)).toMatchObject({ canGiveFeedback: false });
    expect(
      code(
        await statsbygg.gql(`mutation($i: EventFeedbackInput!) { setPoolEventFeedback(input: $i) { id } }`, {
          i: { eventId: e.id, feedback: 'Ikke vår' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const fb = await digdir.gql(`mutation($i: EventFeedbackInput!) { setPoolEventFeedback(input: $i) { feedback } }`, {
      i: { eventId: e.id, feedback: '  Lærlingene var til stor hjelp.  ' },
    });
    expect(fb.data!['setPoolEventFeedback']).toEqual({ feedback: 'Lærlingene var til stor hjelp.' });
    expect(code(await assign(ministry, mine.id))).toBe('DEADLINE_PASSED');
  });

  it('keeps a public list of competence apprentices; staff ask, one takes it, it is closed with a note', async () => {
    const subjects = await ministry.gql(
      `mutation { createCompetenceSubject(input: { name: "SharePoint", description: "Områder, tilganger og maler" }) { id name } }`,
    );
    const subject = subjects.data!['createCompetenceSubject'].find((s: { name: string }) => s.name === 'SharePoint');
    expect(code(await digdir.gql(`mutation { createCompetenceSubject(input: { name: "Teams" }) { id } }`))).toBe('FORBIDDEN');
    const emmaId = await user(USERS.apprentice);
    const set = (c: Client) =>
      c.gql(`mutation($i: CompetenceApprenticeInput!) { setCompetenceApprentice(input: $i) { name apprentices { name agencyName } } }`, {
        i: { subjectId: subject.id, userId: emmaId, covers: true },
      });
    expect(code(await set(statsbygg))).toBe('FORBIDDEN');
    expect((await set(digdir)).errors).toBeUndefined();
    const list = await statsbygg.gql(`{ competenceSubjects { name apprentices { name agencyName } } }`);
    expect(list.data!['competenceSubjects']).toEqual([
      { name: 'SharePoint', apprentices: [{ name: 'Emma Larsen', agencyName: 'Digitaliseringsdirektoratet' }] },
    ]);
    expect((await otherMinistry.gql(`{ competenceSubjects { name } }`)).data!['competenceSubjects']).toEqual([]);

    const asked = await statsbygg.gql(`mutation($i: HelpRequestInput!) { requestCompetenceHelp(input: $i) { id status } }`, {
      i: { subjectId: subject.id, description: 'Hvordan deler vi et område med en annen virksomhet?' },
    });
    const requestId = asked.data!['requestCompetenceHelp'].id;
    const mail = await eventually(
      async () => stack.smtp.to(USERS.apprentice).filter((m) => m.subject === 'Hjelp ønskes med SharePoint'),
      (m) => m.length === 1,
    );
    expect(mail[0].text).toContain('Hvordan deler vi et område');
    const [other] = await apprentices('Statsbygg', 1, 'notcovering-');
    expect(code(await other.client.gql(`mutation($id: ID!) { takeHelpRequest(requestId: $id) { id } }`, { id: requestId }))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await emma.gql(`mutation($id: ID!) { takeHelpRequest(requestId: $id) { status takenByName } }`, { id: requestId })).data![
        'takeHelpRequest'
      ],
    ).toEqual({ status: 'TAKEN', takenByName: 'Emma Larsen' });
    expect(code(await emma.gql(`mutation($id: ID!) { takeHelpRequest(requestId: $id) { id } }`, { id: requestId }))).toBe('CONFLICT');
    const closed = await emma.gql(`mutation($i: CloseHelpRequestInput!) { closeHelpRequest(input: $i) { status closingNote } }`, {
      i: { requestId, note: 'Vist hvordan man gir gjestetilgang.' },
    });
    expect(closed.data!['closeHelpRequest']).toEqual({ status: 'CLOSED', closingNote: 'Vist hvordan man gir gjestetilgang.' });
    expect(
      code(
        await otherMinistry.gql(`mutation($i: CloseHelpRequestInput!) { closeHelpRequest(input: $i) { id } }`, {
          i: { requestId, note: '' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});
