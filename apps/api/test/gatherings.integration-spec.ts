/**
 * Network gatherings end to end against real Postgres, Redis and an SMTP server: schedules,
 * invitations with .ics files, updates and cancellations, answers by signed link, seats and
 * the waitlist under concurrent answers.
 */
import { addApprenticeUsers, gqlOk, icsOf, parseIcs, tokenFrom } from './gathering-helpers';
import { Client, code, ids, Stack, startStack, USERS } from './harness';

describe('network gatherings', () => {
  let stack: Stack;
  let ministry: Client;
  let lead: Client;
  let members: string[];
  let gatheringId: string;
  let networkId: string;

  beforeAll(async () => {
    stack = await startStack();
    ministry = await new Client(stack.url).signIn(USERS.ministry);
    lead = await new Client(stack.url).signIn(USERS.digdir);
    members = await addApprenticeUsers(stack.ds, 60, 'gather');
  });
  afterAll(() => stack?.stop());

  it('has a staff and an apprentice network per area; the ministry appoints at most two leads', async () => {
    const nets = (await gqlOk(ministry, `{ networks { id kind memberCount leads { name } } }`)).networks;
    expect(nets.map((n: { kind: string }) => n.kind).sort()).toEqual(['APPRENTICE', 'STAFF']);
    networkId = nets.find((n: { kind: string }) => n.kind === 'APPRENTICE').id;
    expect(nets.find((n: { kind: string }) => n.kind === 'APPRENTICE').memberCount).toBe(62); // Emma, the 60 added, and Ola Hansen, its lead
    const users: { id: string; email: string }[] = await stack.ds.query(`SELECT id, email FROM app_user WHERE email = ANY($1)`, [
      [USERS.digdir, USERS.statsbygg, USERS.ministry],
    ]);
    const id = (e: string) => users.find((u) => u.email === e)!.id;
    const appoint = (c: Client, userId: string) =>
      c.gql(`mutation($i: NetworkPersonInput!) { appointNetworkLead(input: $i) { leads { name } } }`, { i: { networkId, userId } });
    expect(code(await appoint(lead, id(USERS.digdir)))).toBe('FORBIDDEN');
    expect((await appoint(ministry, id(USERS.digdir))).data!['appointNetworkLead'].leads).toEqual([{ name: 'Ola Hansen' }]);
    await appoint(ministry, id(USERS.ministry));
    expect(code(await appoint(ministry, id(USERS.statsbygg)))).toBe('CONFLICT');
  });

  it('creates a schedule every other month on the last Thursday, 10:00–14:00 Oslo time, avoiding July', async () => {
    const r = await gqlOk(lead, `mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id startsAt status } }`, {
      i: {
        audience: 'APPRENTICE',
        title: 'Lærlingsamling',
        rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH',
        firstDate: '2026-01-01',
        startTime: '10:00',
        endTime: '14:00',
        horizonMonths: 12,
      },
    });
    const gs = r.createGatheringSeries as { id: string; startsAt: string; status: string }[];
    expect(gs.length).toBeGreaterThanOrEqual(5);
    expect(gs.every((g) => g.status === 'PLANNED')).toBe(true);
    expect(gs.some((g) => g.startsAt.slice(5, 7) === '07')).toBe(false);
    const oslo = (iso: string) =>
      new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', weekday: 'long' }).format(
        new Date(iso),
      );
    expect(gs.every((g) => /torsdag|onsdag|tirsdag/.test(oslo(g.startsAt)) && oslo(g.startsAt).endsWith('10:00'))).toBe(true);
    gatheringId = gs[0].id;
    // A bad rule is refused and creates nothing.
    const before = (await stack.ds.query(`SELECT count(*)::int AS n FROM gathering`))[0].n;
    const bad = await lead.gql(`mutation($i: CreateGatheringSeriesInput!) { createGatheringSeries(input: $i) { id } }`, {
      i: { audience: 'STAFF', title: 'X', rrule: 'every second month', firstDate: '2026-01-01', startTime: '10:00', endTime: '14:00' },
    });
    expect(code(bad)).toBe('VALIDATION_FAILED');
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM gathering`))[0].n).toBe(before);
  });

  it('publishes: every member gets exactly one invitation with an .ics in Oslo time', async () => {
    await gqlOk(lead, `mutation($id: ID!, $i: UpdateGatheringInput!) { updateGathering(id: $id, input: $i) { id } }`, {
      id: gatheringId,
      i: { capacity: 20, place: 'Akersgata 59, Oslo', theme: 'Digital kompetanse', agenda: 'Velkommen, erfaringsdeling, lunsj' },
    });
    await gqlOk(lead, `mutation($id: ID!) { publishGathering(id: $id) { status } }`, { id: gatheringId });
    expect(code(await lead.gql(`mutation($id: ID!) { publishGathering(id: $id) { status } }`, { id: gatheringId }))).toBe('CONFLICT');
    const everyone = [...members, 'emma.larsen@digdir.no', USERS.digdir, USERS.ministry];
    await stack.smtp.waitFor(() => everyone.every((e) => stack.smtp.to(e).length >= 1), 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    for (const e of everyone)
      expect({ e, n: stack.smtp.to(e).filter((m) => /Invitasjon|Invitation/.test(m.subject ?? '')).length }).toEqual({ e, n: 1 });
    const mail = stack.smtp.to(members[0])[0];
    const ics = parseIcs(icsOf(mail as never));
    const g = (await gqlOk(lead, `query($id: ID!) { gathering(id: $id) { startsAt } }`, { id: gatheringId })).gathering;
    expect(ics).toMatchObject({
      method: 'REQUEST',
      uid: `gathering-${gatheringId}@laerenett.no`,
      sequence: 0,
      tzid: 'Europe/Oslo',
      hasTimezone: true,
      utcStart: new Date(g.startsAt).toISOString(),
    });
    expect(ics.localStart).toMatch(/T10:00:00$/);
    const english = stack.smtp.to(members[4])[0];
    expect(english.subject).toMatch(/^Invitation: Lærlingsamling/);
    // Both answers are links in the HTML part, each the person's own, the same as in the text part.
    const links = [...(mail.html ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({
      url: m[1].replace(/&amp;/g, '&'),
      label: m[2],
    }));
    const yes = links.find((l) => l.url.endsWith('svar=ja'));
    const no = links.find((l) => l.url.endsWith('svar=nei'));
    expect(yes?.label).toBe('Ja, jeg kommer');
    expect(no?.label).toBe('Svar nei');
    expect(no?.url.replace('svar=nei', 'svar=ja')).toBe(yes?.url);
    expect(mail.text).toContain(`Svar nei: ${no?.url}`);
    expect(tokenFrom(mail.text ?? '')).not.toBe(tokenFrom(stack.smtp.to(members[1])[0].text ?? ''));
  });

  it('seats exactly 20 of 50 concurrent yes answers and waitlists 30', async () => {
    const tokens = members.slice(0, 50).map((e) => tokenFrom(stack.smtp.to(e)[0].text ?? ''));
    const anon = new Client(stack.url);
    const results = await Promise.all(
      tokens.map((t) =>
        anon.gql(`mutation($t: String!, $i: AnswerInput!) { answerGatheringByLink(token: $t, input: $i) { state } }`, {
          t,
          i: { answer: 'YES', dietaryNeeds: 'vegetar' },
        }),
      ),
    );
    const states = results.map((r) => r.data?.['answerGatheringByLink']?.state ?? code(r));
    expect(states.filter((s) => s === 'YES')).toHaveLength(20);
    expect(states.filter((s) => s === 'WAITLIST')).toHaveLength(30);
    const counts = (await gqlOk(lead, `query($id: ID!) { gathering(id: $id) { counts { yes waitlist } needs } }`, { id: gatheringId }))
      .gathering;
    expect(counts.counts).toEqual({ yes: 20, waitlist: 30 });
    expect(counts.needs).toEqual(['vegetar (20)']);
  });

  it('gives a freed seat to the first on the waitlist and tells them', async () => {
    const seated: { email: string }[] = await stack.ds.query(
      `SELECT u.email FROM gathering_rsvp r JOIN app_user u ON u.id = r.user_id WHERE r.gathering_id = $1 AND r.state = 'YES' ORDER BY r.answered_at LIMIT 1`,
      [gatheringId],
    );
    const first: { email: string }[] = await stack.ds.query(
      `SELECT u.email FROM gathering_rsvp r JOIN app_user u ON u.id = r.user_id WHERE r.gathering_id = $1 AND r.state = 'WAITLIST' ORDER BY r.answered_at, r.user_id LIMIT 1`,
      [gatheringId],
    );
    const t = tokenFrom(stack.smtp.to(seated[0].email)[0].text ?? '');
    const r = await new Client(stack.url).gql(
      `mutation($t: String!, $i: AnswerInput!) { answerGatheringByLink(token: $t, input: $i) { state } }`,
      { t, i: { answer: 'NO' } },
    );
    expect(r.data!['answerGatheringByLink'].state).toBe('NO');
    await stack.smtp.waitFor(() => stack.smtp.to(first[0].email).some((m) => /fått plass|have a place/.test(m.subject ?? '')));
    const now: { state: string }[] = await stack.ds.query(
      `SELECT r.state FROM gathering_rsvp r JOIN app_user u ON u.id = r.user_id WHERE r.gathering_id = $1 AND u.email = $2`,
      [gatheringId, first[0].email],
    );
    expect(now[0].state).toBe('YES');
    expect(
      (await stack.ds.query(`SELECT count(*)::int AS n FROM gathering_rsvp WHERE gathering_id = $1 AND state = 'YES'`, [gatheringId]))[0].n,
    ).toBe(20);
  });

  it('refuses a tampered answer link and one for another gathering', async () => {
    const t = tokenFrom(stack.smtp.to(members[55])[0].text ?? '');
    const anon = new Client(stack.url);
    const ask = (token: string) =>
      anon.gql(`mutation($t: String!, $i: AnswerInput!) { answerGatheringByLink(token: $t, input: $i) { state } }`, {
        t: token,
        i: { answer: 'YES' },
      });
    expect(code(await ask(t.slice(0, -2) + (t.endsWith('A') ? 'BB' : 'AA')))).toBe('INVALID_TOKEN');
    const [payload, sig] = [t.slice(0, t.lastIndexOf('.')), t.slice(t.lastIndexOf('.') + 1)];
    const other = payload.replace(/rsvp\.[0-9a-f-]{36}/, 'rsvp.00000000-0000-4000-8000-000000000000');
    expect(code(await ask(`${other}.${sig}`))).toBe('INVALID_TOKEN');
    expect(code(await ask('nonsense'))).toBe('INVALID_TOKEN');
    expect(
      (
        await stack.ds.query(`SELECT count(*)::int AS n FROM gathering_rsvp r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1`, [
          members[55],
        ])
      )[0].n,
    ).toBe(0);
  });

  it('sends an update with a higher SEQUENCE when the time changes, then a cancellation', async () => {
    const g = (await gqlOk(lead, `query($id: ID!) { gathering(id: $id) { startsAt } }`, { id: gatheringId })).gathering;
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(g.startsAt));
    await gqlOk(lead, `mutation($id: ID!, $i: UpdateGatheringInput!) { updateGathering(id: $id, input: $i) { sequence } }`, {
      id: gatheringId,
      i: { date, startTime: '12:00', endTime: '15:00' },
    });
    const target = members[0];
    await stack.smtp.waitFor(() => stack.smtp.to(target).some((m) => /^Endret|^Changed/.test(m.subject ?? '')));
    const update = parseIcs(icsOf(stack.smtp.to(target).find((m) => /^Endret|^Changed/.test(m.subject ?? '')) as never));
    expect(update.sequence).toBe(1);
    expect(update.localStart).toMatch(/T12:00:00$/);
    expect(update.dtstamp).toMatch(/Z$/);
    // Asked first: how many people the cancellation tells; only planners may ask, and see the gathering as theirs.
    const reach: number = (
      await gqlOk(lead, `query($id: ID!) { gatheringCancelReach(id: $id) gathering(id: $id) { canManage } }`, { id: gatheringId })
    ).gatheringCancelReach;
    expect(reach).toBeGreaterThan(60);
    const ingrid = await new Client(stack.url).signIn(USERS.statsbygg);
    expect(code(await ingrid.gql(`query($id: ID!) { gatheringCancelReach(id: $id) }`, { id: gatheringId }))).toBe('FORBIDDEN');
    expect((await gqlOk(ingrid, `query($id: ID!) { gathering(id: $id) { canManage } }`, { id: gatheringId })).gathering.canManage).toBe(
      false,
    );
    await gqlOk(lead, `mutation($id: ID!) { cancelGathering(id: $id) { status } }`, { id: gatheringId });
    await stack.smtp.waitFor(() => stack.smtp.to(target).some((m) => /^Avlyst|^Cancelled/.test(m.subject ?? '')));
    // The number asked is the number told.
    const told = () =>
      new Set(
        stack.smtp.mails
          .filter((m) => /^Avlyst|^Cancelled/.test(m.subject ?? '') && icsOf(m as never).includes(`gathering-${gatheringId}@`))
          .flatMap((m) => m.envelopeTo),
      ).size;
    await stack.smtp.waitFor(() => told() >= reach, 60_000);
    expect(told()).toBe(reach);
    const cancel = parseIcs(icsOf(stack.smtp.to(target).find((m) => /^Avlyst|^Cancelled/.test(m.subject ?? '')) as never));
    expect(cancel).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 2, uid: `gathering-${gatheringId}@laerenett.no` });
    expect(
      code(
        await new Client(stack.url).gql(
          `mutation($t: String!, $i: AnswerInput!) { answerGatheringByLink(token: $t, input: $i) { state } }`,
          { t: tokenFrom(stack.smtp.to(members[59])[0].text ?? ''), i: { answer: 'YES' } },
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('serves a gathering as a downloadable .ics to members only', async () => {
    const i = await ids(stack.ds);
    const res = await lead.get(`/api/gatherings/${gatheringId}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(parseIcs(await res.text()).uid).toBe(`gathering-${gatheringId}@laerenett.no`);
    expect(
      (await (await new Client(stack.url).signIn(USERS.otherMinistry)).get(`/api/gatherings/${gatheringId}/calendar.ics`)).status,
    ).toBe(404);
    expect((await new Client(stack.url).get(`/api/gatherings/${gatheringId}/calendar.ics`)).status).toBe(401);
    expect(i.kdd).toBeTruthy();
  });

  it("reminds those who said yes and nudges those who have not answered, on the network's schedule, once", async () => {
    const { GatheringMailService } = await import('../src/modules/gatherings/gathering-mail.service');
    const sweep = (now: Date) => stack.worker!.get(GatheringMailService).sendDueReminders(now);
    const list = (await gqlOk(lead, `{ gatherings { id status startsAt title } }`)).gatherings as {
      id: string;
      status: string;
      startsAt: string;
      title: string;
    }[];
    const next = list.find((g) => g.status === 'PLANNED' && g.title === 'Lærlingsamling')!;
    await gqlOk(lead, `mutation($i: NetworkSettingsInput!) { setNetworkSettings(input: $i) { reminderDays } }`, {
      i: { networkId, reminderDays: 3 },
    });
    await gqlOk(lead, `mutation($id: ID!) { publishGathering(id: $id) { id } }`, { id: next.id });
    const [yes1, yes2] = [members[10], members[11]];
    for (const e of [yes1, yes2]) {
      await stack.smtp.waitFor(() => stack.smtp.to(e).some((m) => m.text?.includes(next.id) || (m.subject ?? '').startsWith('Invita')));
    }
    const users: { id: string; email: string }[] = await stack.ds.query(`SELECT id, email FROM app_user WHERE email = ANY($1)`, [
      [yes1, yes2],
    ]);
    const { RsvpService } = await import('../src/modules/gatherings/rsvp.service');
    for (const u of users)
      await stack.api.get(RsvpService).answer(next.id, u.id, { answer: 'YES', accessibilityNeeds: '', dietaryNeeds: '' });
    const start = new Date(next.startsAt).getTime();
    const day = 86_400_000;
    expect(await sweep(new Date(start - 10 * day))).toEqual({ reminders: 0, nudges: 0 });
    const nudged = await sweep(new Date(start - 5 * day));
    expect(nudged.reminders).toBe(0);
    expect(nudged.nudges).toBe(members.length + 3 - 2); // everyone invited who has not answered
    const reminded = await sweep(new Date(start - 2 * day));
    expect(reminded).toEqual({ reminders: 2, nudges: 0 });
    expect(await sweep(new Date(start - 1 * day))).toEqual({ reminders: 0, nudges: 0 });
    await stack.smtp.waitFor(() => stack.smtp.to(yes1).some((m) => /^Påminnelse|^Reminder/.test(m.subject ?? '')));
    expect(stack.smtp.to(members[12]).filter((m) => /^Kommer du|^Are you coming/.test(m.subject ?? ''))).toHaveLength(1);
    // The hourly sweep is a job scheduler in Oslo time, registered once by the worker.
    const schedulers = await stack.queue('gatherings').getJobSchedulers();
    expect(schedulers.map((x) => [x.key, x.tz, x.pattern]).sort()).toEqual([
      ['gatherings-reminders-hourly', 'Europe/Oslo', '0 * * * *'],
      ['network-invitations-yearly', 'Europe/Oslo', '0 8 1 8 *'],
    ]);
  });

  it('checks people in with the code link on the day; the agencies that took part feed the criteria', async () => {
    const list = (await gqlOk(lead, `{ gatherings { id status title } }`)).gatherings as { id: string; status: string; title: string }[];
    const g = list.find((x) => x.status === 'PUBLISHED' && x.title === 'Lærlingsamling')!;
    const now = new Date();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
    const hhmm = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
    // Move it to today, around now (an hour back to an hour ahead, kept within the day).
    const start = hhmm(new Date(now.getTime() - 3600_000)) < hhmm(now) ? hhmm(new Date(now.getTime() - 3600_000)) : '00:00';
    const end = hhmm(new Date(now.getTime() + 3600_000)) > hhmm(now) ? hhmm(new Date(now.getTime() + 3600_000)) : '23:59';
    await gqlOk(lead, `mutation($id: ID!, $i: UpdateGatheringInput!) { updateGathering(id: $id, input: $i) { id } }`, {
      id: g.id,
      i: { date: today, startTime: start, endTime: end },
    });
    const link = (await gqlOk(lead, `query($id: ID!) { gathering(id: $id) { checkInLink } }`, { id: g.id })).gathering
      .checkInLink as string;
    expect(link).toMatch(/\/innsjekk\//);
    const codeValue = decodeURIComponent(link.split('/innsjekk/')[1]);
    const emma = await new Client(stack.url).signIn('emma.larsen@digdir.no');
    expect(
      (await emma.gql(`query($id: ID!) { gathering(id: $id) { checkInLink } }`, { id: g.id })).data!['gathering'].checkInLink,
    ).toBeNull();
    expect(code(await emma.gql(`mutation($c: String!) { checkInWithCode(code: $c) { state } }`, { c: codeValue + 'x' }))).toBe(
      'INVALID_TOKEN',
    );
    expect(
      (await gqlOk(emma, `mutation($c: String!) { checkInWithCode(code: $c) { state } }`, { c: codeValue })).checkInWithCode.state,
    ).toBe('YES');
    const rsvps = (
      await gqlOk(lead, `query($id: ID!) { gathering(id: $id) { rsvps { name checkedInAt } counts { checkedIn } } }`, { id: g.id })
    ).gathering;
    expect(rsvps.counts.checkedIn).toBe(1);
    const c = (await gqlOk(ministry, `{ gatheringCriteria { key missing } }`)).gatheringCriteria;
    expect(c.find((x: { key: string }) => x.key === 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART').missing).not.toContain(
      'Digitaliseringsdirektoratet',
    );
    // Minutes and an action list on the gathering.
    await gqlOk(lead, `mutation($id: ID!, $i: UpdateGatheringInput!) { updateGathering(id: $id, input: $i) { id } }`, {
      id: g.id,
      i: { minutes: 'Gode innspill om rekruttering.' },
    });
    const a = (
      await gqlOk(lead, `mutation($i: GatheringActionInput!) { addGatheringAction(input: $i) { id done } }`, {
        i: { gatheringId: g.id, text: 'Dele erfaringer fra Statsbygg', owner: 'Ingrid Berg', dueDate: '2027-01-15' },
      })
    ).addGatheringAction;
    await gqlOk(lead, `mutation($id: ID!) { setGatheringActionDone(id: $id, done: true) { done } }`, { id: a.id });
    expect((await gqlOk(emma, `query($id: ID!) { gathering(id: $id) { minutes actions { text done } } }`, { id: g.id })).gathering).toEqual(
      { minutes: 'Gode innspill om rekruttering.', actions: [{ text: 'Dele erfaringer fra Statsbygg', done: true }] },
    );
    expect(
      code(
        await emma.gql(`mutation($i: GatheringActionInput!) { addGatheringAction(input: $i) { id } }`, {
          i: { gatheringId: g.id, text: 'Nei' },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('gives each member a private calendar feed that can be revoked', async () => {
    const emma = await new Client(stack.url).signIn('emma.larsen@digdir.no');
    const feed = (await gqlOk(emma, `mutation { createCalendarFeed { url } }`)).createCalendarFeed.url as string;
    const path = new URL(feed).pathname;
    const res = await fetch(`${stack.url}${path}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const ICAL = (await import('ical.js')).default;
    const comp = new ICAL.Component(ICAL.parse(body));
    const events = comp.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Oslo');
    const again = (await gqlOk(emma, `mutation { createCalendarFeed { url } }`)).createCalendarFeed.url as string;
    expect((await fetch(`${stack.url}${path}`)).status).toBe(404);
    expect((await fetch(`${stack.url}${new URL(again).pathname}`)).status).toBe(200);
    await gqlOk(emma, `mutation { revokeCalendarFeed }`);
    expect((await fetch(`${stack.url}${new URL(again).pathname}`)).status).toBe(404);
    expect((await gqlOk(emma, `{ calendarFeed { createdAt } }`)).calendarFeed).toBeNull();
  });

  it('pairs mentors (fadderordning), tells both by mail, and lists the pairs', async () => {
    const users: { id: string; email: string }[] = await stack.ds.query(`SELECT id, email FROM app_user WHERE email = ANY($1)`, [
      [members[20], members[21], members[22], USERS.statsbygg],
    ]);
    const id = (e: string) => users.find((u) => u.email === e)!.id;
    const pair = (mentor: string, mentee: string, kind = 'APPRENTICE') =>
      lead.gql(`mutation($i: PairMentorInput!) { pairMentor(input: $i) { mentorName menteeName kind } }`, {
        i: { kind, mentorUserId: id(mentor), menteeUserId: id(mentee) },
      });
    expect((await pair(members[20], members[21])).data!['pairMentor']).toMatchObject({ kind: 'APPRENTICE' });
    expect(code(await pair(members[22], members[21]))).toBe('CONFLICT');
    expect(code(await pair(USERS.statsbygg, members[22]))).toBe('VALIDATION_FAILED');
    expect(code(await pair(members[22], members[22]))).toBe('VALIDATION_FAILED');
    const emma = await new Client(stack.url).signIn('emma.larsen@digdir.no');
    expect(
      code(
        await emma.gql(`mutation($i: PairMentorInput!) { pairMentor(input: $i) { id } }`, {
          i: { kind: 'APPRENTICE', mentorUserId: id(members[22]), menteeUserId: id(members[20]) },
        }),
      ),
    ).toBe('FORBIDDEN');
    await stack.smtp.waitFor(
      () =>
        stack.smtp.to(members[20]).some((m) => /fadder|buddy/i.test(m.subject ?? '')) &&
        stack.smtp.to(members[21]).some((m) => /fadder|buddy/i.test(m.subject ?? '')),
    );
    expect((await gqlOk(emma, `{ mentorPairs { mentorName menteeName } }`)).mentorPairs).toHaveLength(1);
  });

  it("sends the year's invitation to join the network to every agency's coordinator, once", async () => {
    const first = (await gqlOk(ministry, `mutation { sendNetworkInvitations { queued agenciesWithoutCoordinator } }`))
      .sendNetworkInvitations;
    expect(first.queued).toBe(2); // Ola Hansen (Digdir) and Ingrid Berg (Statsbygg)
    expect(first.agenciesWithoutCoordinator).toContain('Husbanken');
    expect(first.agenciesWithoutCoordinator).not.toContain('Statsbygg');
    expect((await gqlOk(ministry, `mutation { sendNetworkInvitations { queued } }`)).sendNetworkInvitations.queued).toBe(0);
    await stack.smtp.waitFor(() => stack.smtp.to(USERS.statsbygg).some((m) => /lærlingnettverket/.test(m.subject ?? '')));
    expect(stack.smtp.to(USERS.statsbygg).filter((m) => /lærlingnettverket/.test(m.subject ?? ''))).toHaveLength(1);
    expect(code(await lead.gql(`mutation { sendNetworkInvitations { queued } }`))).toBe('FORBIDDEN');
  });

  it('pauses a schedule (its unsent future gatherings go) and resumes it (they come back); sent ones stay', async () => {
    const series = (await gqlOk(ministry, `{ gatheringSeries { id title paused } }`)).gatheringSeries as {
      id: string;
      title: string;
      paused: boolean;
    }[];
    const s = series.find((x) => x.title === 'Lærlingsamling')!;
    const count = async (status: string) =>
      (await stack.ds.query(`SELECT count(*)::int AS n FROM gathering WHERE series_id = $1 AND status = $2`, [s.id, status]))[0]
        .n as number;
    const [planned, published] = [await count('PLANNED'), await count('PUBLISHED')];
    expect(planned).toBeGreaterThan(0);
    expect(
      code(
        await (
          await new Client(stack.url).signIn(USERS.statsbygg)
        ).gql(`mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: true) }`, { id: s.id }),
      ),
    ).toBe('FORBIDDEN');
    await gqlOk(lead, `mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: true) }`, { id: s.id });
    expect(await count('PLANNED')).toBe(0);
    expect(await count('PUBLISHED')).toBe(published);
    expect(
      (await gqlOk(ministry, `{ gatheringSeries { id paused } }`)).gatheringSeries.find((x: { id: string }) => x.id === s.id).paused,
    ).toBe(true);
    await gqlOk(lead, `mutation($id: ID!) { setGatheringSeriesPaused(seriesId: $id, paused: false) }`, { id: s.id });
    expect(await count('PLANNED')).toBeGreaterThan(0);
    expect(await count('PUBLISHED')).toBe(published);
  });

  it("computes the plan's network criteria and shows what is missing", async () => {
    const c = (await gqlOk(ministry, `{ gatheringCriteria { key met value required missing } }`)).gatheringCriteria;
    const every = c.find((x: { key: string }) => x.key === 'EVERY_AGENCY_WITH_APPRENTICES_TOOK_PART');
    expect(every.met).toBe(false);
    expect(every.missing).toContain('Statsbygg');
  });
});
