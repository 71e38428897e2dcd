/** Sign-in, sessions, rate limiting, and invitations by mail through the queue to a real SMTP server. */
import { Client, code, ids, Stack, startStack, USERS } from './harness';

describe('identity and invitations', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('signs in with a session cookie that is httpOnly, and signs out', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(input: { email: "${USERS.ministry}", password: "laerenett-demo" }) { name } }` }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/laerenett_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const c = new Client(stack.url);
    c.cookie = cookie.split(';')[0];
    expect((await c.gql(`{ me { email } }`)).data!['me'].email).toBe(USERS.ministry);
    await c.gql(`mutation { signOut }`);
    c.cookie = cookie.split(';')[0]; // the old cookie no longer works
    expect((await c.gql(`{ me { email } }`)).data!['me']).toBeNull();
  });

  it('refuses a wrong password with the same message as an unknown user, then rate-limits', async () => {
    const c = new Client(stack.url);
    const wrong = await c.gql(`mutation { signIn(input: { email: "${USERS.statsbygg}", password: "wrong-password" }) { id } }`);
    const unknown = await c.gql(`mutation { signIn(input: { email: "nobody@example.no", password: "wrong-password" }) { id } }`);
    expect(code(wrong)).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    for (let k = 0; k < 4; k++)
      await c.gql(`mutation { signIn(input: { email: "nobody@example.no", password: "wrong-password" }) { id } }`);
    const limited = await c.gql(`mutation { signIn(input: { email: "nobody@example.no", password: "wrong-password" }) { id } }`);
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].message).toMatch(/Wait \d+ minutes/);
    // A successful sign-in clears the failures for that address.
    await new Client(stack.url).signIn(USERS.statsbygg);
    expect(await stack.ds.query(`SELECT 1 FROM sign_in_failure WHERE email = $1`, [USERS.statsbygg])).toHaveLength(0);
    await stack.ds.query(`DELETE FROM sign_in_failure`);
    const hashes: { password_hash: string }[] = await stack.ds.query(`SELECT password_hash FROM app_user WHERE email = $1`, [
      USERS.statsbygg,
    ]);
    expect(hashes[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('invites by e-mail through the queue; the link sets a password and signs the person in', async () => {
    const i = await ids(stack.ds);
    const coordinator = await new Client(stack.url).signIn(USERS.digdir);
    const r = await coordinator.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id email } }`, {
      i: { email: 'Ny.Laerling@Digdir.no', name: 'Ny Lærling', role: 'APPRENTICE', agencyId: i.digdir, language: 'nb' },
    });
    expect(r.errors).toBeUndefined();
    await stack.smtp.waitFor(() => stack.smtp.to('ny.laerling@digdir.no').length > 0);
    const mail = stack.smtp.to('ny.laerling@digdir.no')[0];
    expect(mail.subject).toBe('Invitasjon til Lærenett');
    expect(mail.text).toContain('Ola Hansen har invitert deg');
    const token = /invitasjon\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];

    const stranger = new Client(stack.url);
    expect((await stranger.gql(`query($t: String!) { invitation(token: $t) { email scope } }`, { t: token })).data!['invitation']).toEqual({
      email: 'ny.laerling@digdir.no',
      scope: 'Digitaliseringsdirektoratet',
    });
    expect(
      code(
        await stranger.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { id } }`, {
          i: { token, password: 'short' },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(
        await stranger.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { id } }`, {
          i: { token: token + 'x', password: 'a-long-enough-password' },
        }),
      ),
    ).toBe('INVALID_TOKEN');
    const accepted = await stranger.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { role agencyId } }`, {
      i: { token, password: 'a-long-enough-password' },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!['acceptInvitation']).toEqual({ role: 'APPRENTICE', agencyId: i.digdir });
    expect((await stranger.gql(`{ me { email } }`)).data!['me'].email).toBe('ny.laerling@digdir.no');
    // The link works once.
    expect(
      code(
        await new Client(stack.url).gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { id } }`, {
          i: { token, password: 'a-long-enough-password' },
        }),
      ),
    ).toBe('INVALID_TOKEN');
    // Inviting an existing user is a conflict.
    expect(
      code(
        await coordinator.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
          i: { email: 'ny.laerling@digdir.no', name: 'X', role: 'APPRENTICE', agencyId: i.digdir, language: 'nb' },
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('sends an English invitation exactly once even when the delivery job is queued again', async () => {
    const i = await ids(stack.ds);
    const ministry = await new Client(stack.url).signIn(USERS.ministry);
    const r = await ministry.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
      i: { email: 'new.lead@kdd.dep.no', name: 'New Lead', role: 'MINISTRY_COORDINATOR', areaId: i.kdd, language: 'en' },
    });
    await stack.smtp.waitFor(() => stack.smtp.to('new.lead@kdd.dep.no').length > 0);
    expect(stack.smtp.to('new.lead@kdd.dep.no')[0].subject).toBe('Invitation to Lærenett');
    const mail: { id: string }[] = await stack.ds.query(`SELECT id FROM mail_message WHERE purpose = $1`, [
      `invitation:${r.data!['inviteUser'].id}`,
    ]);
    const { MailService } = await import('../src/modules/mail/mail.service');
    expect(await stack.worker!.get(MailService).deliver(mail[0].id)).toBe('already-sent');
    await new Promise((res) => setTimeout(res, 500));
    expect(stack.smtp.to('new.lead@kdd.dep.no')).toHaveLength(1);
  });

  it('keeps the committed GraphQL schema in step with the code', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { GraphQLSchemaHost } = await import('@nestjs/graphql');
    const { printSortedSchema } = await import('../src/graphql/schema-file');
    const committed = readFileSync(join(__dirname, '../schema.gql'), 'utf8');
    expect(printSortedSchema(stack.api.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('has no drift between the entities and the migrations', async () => {
    const { pendingSchemaChanges } = await import('../src/database/schema-tools');
    expect(await pendingSchemaChanges(stack.ds)).toEqual([]);
  });
});
