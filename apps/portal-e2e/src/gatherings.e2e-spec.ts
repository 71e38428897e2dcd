/**
 * In Chromium: a network lead creates the schedule and publishes the first gathering; a member
 * answers from the link in the mail they received; the lead sees the answer.
 */
import { axeViolations, browserAndMailbox, newPage, PHONE, seriousViolations, signIn } from './support/browser';

describe('network gatherings in the portal', () => {
  const session = browserAndMailbox();

  it('runs from schedule to answer', async () => {
    // The ministry coordinator appoints Ola Hansen (Digdir) as lead of the apprentice network.
    const ministry = await newPage(session.browser);
    await signIn(ministry, 'kari.nordmann@kdd.dep.no');
    await ministry.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    const appointed = await ministry.evaluate(async () => {
      const post = async (query: string, variables = {}) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          })
        ).json();
      const nets = (await post('{ networks { id kind } }')).data.networks as { id: string; kind: string }[];
      return { network: nets.find((n) => n.kind === 'APPRENTICE')!.id };
    });
    // Ola's user id, as the lead appointment needs it.
    const lead = await newPage(session.browser);
    await signIn(lead, 'ola.hansen@digdir.no');
    await lead.getByRole('heading', { level: 1, name: 'Digitaliseringsdirektoratet' }).waitFor();
    const olaId = await lead.evaluate(
      async () =>
        (
          await (
            await fetch('/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ me { id } }' }),
            })
          ).json()
        ).data.me.id as string,
    );
    const result = await ministry.evaluate(
      async ([networkId, userId]) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: 'mutation($i: NetworkPersonInput!) { appointNetworkLead(input: $i) { leads { name } } }',
              variables: { i: { networkId, userId } },
            }),
          })
        ).json(),
      [appointed.network, olaId],
    );
    expect(result.data.appointNetworkLead.leads).toEqual([{ name: 'Ola Hansen' }]); // already lead in the demo data: appointing again changes nothing

    // The lead creates the schedule and publishes the first gathering.
    await lead.getByRole('link', { name: 'Samlinger' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Nettverkssamlinger' }).waitFor();
    await lead.getByLabel('Navn på samlingene').fill('Lærlingsamling');
    await lead.getByLabel('For hvem').selectOption('APPRENTICE');
    await lead.getByLabel('Rytme').selectOption('bimonthly');
    await lead.getByRole('button', { name: 'Lag timeplan' }).click();
    await lead.getByText(/Timeplanen er lagret med \d+ samlinger/).waitFor();
    expect(await seriousViolations(lead)).toEqual([]);
    const firstRow = lead.locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Lærlingsamling' }).first();
    await firstRow.getByRole('button', { name: 'Send invitasjon' }).click();
    await firstRow.getByText('Invitasjon sendt').waitFor();

    // Emma, an apprentice at Digdir, answers from the link in her mail, without signing in.
    const mail = await session.mailbox.waitFor('emma.larsen@digdir.no', /^Invitasjon: Lærlingsamling/);
    const link = /(http:\/\/[^\s]+\/svar\/[^\s?]+\?svar=ja)/.exec(mail.text ?? '')![1];
    const member = await newPage(session.browser);
    await member.goto(link);
    await member.getByRole('heading', { level: 2, name: 'Lærlingsamling' }).waitFor();
    expect(await seriousViolations(member)).toEqual([]);
    // Opening the link answers nothing by itself: it shows the chosen answer, to confirm with one press.
    await member.getByText('Du har valgt «Ja» i e-posten. Trykk på knappen for å bekrefte svaret.').waitFor();
    expect(await member.getByText(/^Takk!/).count()).toBe(0);
    await member.getByLabel('Allergier eller matbehov (valgfritt)').fill('vegetar');
    await member.getByRole('button', { name: 'Ja, jeg kommer' }).click();
    await member.getByText('Takk! Svaret ditt er registrert: Ja.').waitFor();
    // The mail's "no" link, opened later (by a person or a mail scanner), says what is registered and changes nothing.
    const noLink = link.replace('?svar=ja', '?svar=nei');
    // … on a phone, where most people open their mail.
    const later = await newPage(session.browser, 'nb-NO', PHONE);
    await later.goto(noLink);
    await later.getByText('Du har valgt «Nei» i e-posten. Trykk på knappen for å bekrefte svaret.').waitFor();
    await later.getByText('Svaret du har registrert nå: Ja.').waitFor();
    expect(await later.getByText(/^Takk!/).count()).toBe(0);
    expect(await later.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(later)).toEqual([]);
    await later.close();

    // The lead sees the answer.
    await lead.reload();
    const answeredRow = lead
      .locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Invitasjon sendt' })
      .filter({ hasText: 'Lærlingsamling' });
    await answeredRow.locator('[data-col="answers"]').getByText(/^1 ja/).waitFor();

    // On the gathering's page the lead sees who answered and the needs (without names), and ticks Emma off as present.
    await answeredRow.getByRole('link', { name: 'Lærlingsamling' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Lærlingsamling' }).waitFor();
    const emmaRow = lead.locator('[data-testid="answers-table"] tr', { hasText: 'Emma Larsen' });
    await emmaRow.getByText('Ja').waitFor();
    await lead.getByText('vegetar (1)').waitFor();
    // The box follows what the server has recorded: it turns checked once the check-in is saved.
    await emmaRow.getByRole('checkbox').click();
    await lead.waitForFunction(
      () => (document.querySelector('input[aria-label="Til stede: Emma Larsen"]') as HTMLInputElement | null)?.checked === true,
    );
    expect(await seriousViolations(lead)).toEqual([]);

    // The lead's agency hosts it.
    await lead.getByLabel('Vertskap (virksomhet)').selectOption({ label: 'Digitaliseringsdirektoratet' });
    await lead.getByRole('button', { name: 'Lagre endringer' }).click();
    await lead.getByText(/^Lagret\./).waitFor();

    // The network page lists the leads.
    await lead.getByRole('link', { name: 'Nettverk', exact: true }).click();
    await lead.getByText(/Nettverksansvarlige: Ola Hansen/).waitFor();
    await lead.getByText(/Nettverksansvarlige: Kari Nordmann/).waitFor();
    expect(await seriousViolations(lead)).toEqual([]);

    // Leader buddies belong to the staff network, which Kari Nordmann runs (Ola leads the apprentice
    // network only): she pairs Ingrid Berg (Statsbygg) as buddy for herself; the pair is listed.
    await ministry.getByRole('link', { name: 'Nettverk', exact: true }).click();
    await ministry.getByText(/Nettverksansvarlige: Kari Nordmann/).waitFor();
    await ministry.getByLabel('Type').selectOption('LEADER');
    await ministry.getByLabel('Fadder', { exact: true }).selectOption({ label: 'Ingrid Berg (Statsbygg)' });
    await ministry.getByLabel('Ny', { exact: true }).selectOption({ label: 'Kari Nordmann' });
    await ministry.getByRole('button', { name: 'Koble og send e-post' }).click();
    await ministry.getByText('Koblet. Begge har fått e-post.').waitFor();
    await ministry.getByRole('row', { name: /Ingrid Berg.*Kari Nordmann/ }).waitFor();
    await session.mailbox.waitFor('ingrid.berg@statsbygg.no', /fadderkobling/);

    // Ola leads the apprentice network only: he is offered apprentice buddies, not leader buddies.
    await lead.reload();
    await lead.getByLabel('Type').waitFor();
    expect(await lead.getByLabel('Type').locator('option').allTextContents()).toEqual(['Lærling og lærling']);
    // And he is not offered to send out or cancel the staff network's gatherings.
    await lead.getByRole('link', { name: 'Samlinger' }).click();
    const staffRows = lead.locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Nettverkssamling for ansatte' });
    await staffRows.first().waitFor();
    expect(await staffRows.getByRole('button', { name: /^(Avlys|Send invitasjon)/ }).count()).toBe(0);
  }, 240_000);

  it('asks before cancelling a gathering, saying how many will be told, and tells exactly them', async () => {
    const lead = await newPage(session.browser);
    await signIn(lead, 'ola.hansen@digdir.no');
    await lead.getByRole('link', { name: 'Samlinger' }).click();
    const row = lead
      .locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Invitasjon sendt' })
      .filter({ hasText: 'Lærlingsamling' })
      .first();
    await row.getByRole('button', { name: /^Avlys/ }).click();
    const dialog = lead.getByRole('dialog', { name: /^Avlyse «Lærlingsamling»\?/ });
    const reach = dialog.getByTestId('cancel-reach');
    await reach.waitFor();
    const n = Number(/^(\d+) personer får e-post/.exec((await reach.textContent()) ?? '')![1]);
    expect(n).toBeGreaterThan(1);
    expect(await axeViolations(lead)).toEqual([]);
    // Saying no keeps it, and nothing is sent.
    await dialog.getByRole('button', { name: 'Nei, behold den' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Invitasjon sendt').waitFor();
    // Asked again and confirmed: the gathering is cancelled and exactly the people counted get the mail.
    await row.getByRole('button', { name: /^Avlys/ }).click();
    await reach.waitFor();
    await dialog.getByRole('button', { name: 'Avlys samlingen' }).click();
    await lead.getByText('«Lærlingsamling» er avlyst.').waitFor();
    await session.mailbox.waitFor('emma.larsen@digdir.no', /^Avlyst: Lærlingsamling/);
    const told = () =>
      new Set(session.mailbox.mails.filter((m) => /^(Avlyst|Cancelled): Lærlingsamling/.test(m.subject ?? '')).flatMap((m) => m.envelopeTo))
        .size;
    for (let i = 0; i < 100 && told() < n; i++) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(told()).toBe(n);
    await lead.close();
  });
});
