/**
 * People and records meet: an apprentice invited from the agency's list signs up as that
 * apprentice; one invited by address alone is linked to the record with that address; the
 * apprentice sees their own contact details, their agency's coordinator sees everyone's, the
 * ministry sees none. And what each user may do (me.capabilities) is what the API lets them do.
 */
import { Client, code, ids, Stack, startStack, USERS } from './harness';

const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id email } }`;
const ACCEPT = `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { id role } }`;
const LIST = `query($a: ID!) { apprentices(agencyId: $a) { id name email account } }`;

describe('people and records', () => {
  let stack: Stack;
  let i: Awaited<ReturnType<typeof ids>>;
  beforeAll(async () => {
    stack = await startStack({ worker: true });
    i = await ids(stack.ds);
  });
  afterAll(() => stack?.stop());

  const tokenFor = async (email: string) => {
    await stack.smtp.waitFor(() => stack.smtp.to(email).length > 0);
    return /invitasjon\/([A-Za-z0-9_-]+)/.exec(stack.smtp.to(email)[0].text ?? '')![1];
  };
  const record = async (name: string) =>
    (await stack.ds.query(`SELECT id, user_id, email FROM apprentice WHERE name = $1`, [name]))[0] as {
      id: string;
      user_id: string | null;
      email: string;
    };

  it('shows the demo apprentice Emma Larsen in Digdir’s list as a user, with her address to her own agency only', async () => {
    const ola = await new Client(stack.url).signIn(USERS.digdir);
    const list = (await ola.gql(LIST, { a: i.digdir })).data!['apprentices'] as { name: string; email: string | null; account: string }[];
    expect(list.find((a) => a.email === USERS.apprentice)).toMatchObject({ name: 'Emma Larsen', account: 'ACTIVE' });
    expect(list.every((a) => a.email)).toBe(true);
    const kari = await new Client(stack.url).signIn(USERS.ministry);
    const seen = (await kari.gql(LIST, { a: i.digdir })).data!['apprentices'] as { email: string | null }[];
    expect(seen.length).toBe(list.length);
    expect(seen.every((a) => a.email === null)).toBe(true);
  });

  it('invites an apprentice from the list; the new user is that apprentice, with the address they sign in with', async () => {
    const ola = await new Client(stack.url).signIn(USERS.digdir);
    const [target] = await stack.ds.query(
      `SELECT id, name FROM apprentice WHERE agency_id = $1 AND user_id IS NULL AND status = 'ACTIVE' ORDER BY name LIMIT 1`,
      [i.digdir],
    );
    const r = await ola.gql(INVITE, {
      i: {
        email: 'privat.adresse@example.no',
        name: target.name,
        role: 'APPRENTICE',
        agencyId: i.digdir,
        language: 'nb',
        apprenticeId: target.id,
      },
    });
    expect(r.errors).toBeUndefined();
    expect(
      ((await ola.gql(LIST, { a: i.digdir })).data!['apprentices'] as { id: string; account: string }[]).find((a) => a.id === target.id)!
        .account,
    ).toBe('INVITED');
    const token = await tokenFor('privat.adresse@example.no');
    const me = new Client(stack.url);
    const accepted = await me.gql(ACCEPT, { i: { token, password: 'a-long-enough-password' } });
    expect(accepted.errors).toBeUndefined();
    const rec = await record(target.name);
    expect(rec.user_id).toBe(accepted.data!['acceptInvitation'].id);
    expect(rec.email).toBe('privat.adresse@example.no');
    // The apprentice sees their own address and nobody else's (they do not list the agency's apprentices at all).
    expect(code(await me.gql(LIST, { a: i.digdir }))).toBe('FORBIDDEN');
    // Invited twice from the list: refused, with nothing sent.
    const again = await ola.gql(INVITE, {
      i: {
        email: 'another@example.no',
        name: target.name,
        role: 'APPRENTICE',
        agencyId: i.digdir,
        language: 'nb',
        apprenticeId: target.id,
      },
    });
    expect(code(again)).toBe('CONFLICT');
    expect(await stack.ds.query(`SELECT 1 FROM invitation WHERE email = 'another@example.no'`)).toHaveLength(0);
  });

  it('refuses a record of another agency, or for a role that is not an apprentice, and records no invitation', async () => {
    const ola = await new Client(stack.url).signIn(USERS.digdir);
    const kari = await new Client(stack.url).signIn(USERS.ministry);
    const other = await ola.gql(INVITE, {
      i: { email: 'x1@example.no', name: 'X', role: 'APPRENTICE', agencyId: i.digdir, language: 'nb', apprenticeId: i.statsbyggApprentice },
    });
    expect(code(other)).toBe('VALIDATION_FAILED');
    expect(other.errors![0].message).toMatch(/not in the agency's list/);
    const [free] = await stack.ds.query(`SELECT id FROM apprentice WHERE agency_id = $1 AND user_id IS NULL LIMIT 1`, [i.statsbygg]);
    expect(
      code(
        await kari.gql(INVITE, {
          i: {
            email: 'x2@example.no',
            name: 'X',
            role: 'AGENCY_COORDINATOR',
            agencyId: i.statsbygg,
            language: 'nb',
            apprenticeId: free.id,
          },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(
        await ola.gql(INVITE, {
          i: { email: 'x3@example.no', name: 'X', role: 'APPRENTICE', agencyId: i.statsbygg, language: 'nb', apprenticeId: free.id },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await stack.ds.query(`SELECT 1 FROM invitation WHERE email LIKE 'x_@example.no'`)).toHaveLength(0);
  });

  it('links an apprentice invited by address alone to the record with that address', async () => {
    const [rec] = await stack.ds.query(
      `SELECT id, email FROM apprentice WHERE agency_id = $1 AND user_id IS NULL AND status = 'ACTIVE' ORDER BY name LIMIT 1`,
      [i.statsbygg],
    );
    const ingrid = await new Client(stack.url).signIn(USERS.statsbygg);
    expect(
      (
        await ingrid.gql(INVITE, {
          i: { email: rec.email.toUpperCase(), name: 'Ny', role: 'APPRENTICE', agencyId: i.statsbygg, language: 'nb' },
        })
      ).errors,
    ).toBeUndefined();
    const token = await tokenFor(rec.email);
    const accepted = await new Client(stack.url).gql(ACCEPT, { i: { token, password: 'a-long-enough-password' } });
    expect((await stack.ds.query(`SELECT user_id FROM apprentice WHERE id = $1`, [rec.id]))[0].user_id).toBe(
      accepted.data!['acceptInvitation'].id,
    );
  });

  it('says what each user may do, as the API then allows', async () => {
    const caps = async (email: string) =>
      (
        await (
          await new Client(stack.url).signIn(email)
        ).gql(
          `{ me { capabilities { areaDashboard manageActionPlan readActionPlan compileSummary writeAgencyReport planGatherings runNetworks signUpForShifts approveSignups inviteRoles } } }`,
        )
      ).data!['me'].capabilities;
    expect(await caps(USERS.ministry)).toMatchObject({
      areaDashboard: true,
      manageActionPlan: true,
      compileSummary: true,
      runNetworks: ['STAFF', 'APPRENTICE'],
      signUpForShifts: false,
    });
    // Ola Hansen leads the apprentice network: he plans its gatherings, and only its.
    expect(await caps(USERS.digdir)).toMatchObject({
      areaDashboard: false,
      readActionPlan: true,
      manageActionPlan: false,
      writeAgencyReport: true,
      planGatherings: true,
      runNetworks: ['APPRENTICE'],
      approveSignups: true,
      inviteRoles: ['AGENCY_COORDINATOR', 'APPRENTICE'],
    });
    expect(await caps(USERS.statsbygg)).toMatchObject({ planGatherings: false, runNetworks: [] });
    expect(await caps(USERS.apprentice)).toMatchObject({
      areaDashboard: false,
      readActionPlan: false,
      signUpForShifts: true,
      inviteRoles: [],
    });
    // What is not offered is refused.
    const ingrid = await new Client(stack.url).signIn(USERS.statsbygg);
    expect(code(await ingrid.gql(`{ dashboard(areaId: "${i.kdd}") { areaName } }`))).toMatch(/FORBIDDEN|NOT_FOUND/);
    // Anyone else's user carries no capabilities.
    expect((await new Client(stack.url).gql(`{ me { capabilities { areaDashboard } } }`)).data!['me']).toBeNull();
  });

  it('opens the agency page for the agency’s apprentice without the coordinators’ history', async () => {
    const emma = await new Client(stack.url).signIn(USERS.apprentice);
    const r = await emma.gql(
      `query($id: ID!, $h: Boolean!) { agency(id: $id) { name apprenticesNow } targets(agencyId: $id) @include(if: $h) { year } }`,
      { id: i.digdir, h: false },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['agency'].name).toBe('Digitaliseringsdirektoratet');
  });
});
