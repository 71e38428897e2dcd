/**
 * In real Chromium: an agency registers an event, the ministry approves it into the pool, an
 * apprentice signs up, the apprentice's professional leader approves, and the apprentice sees it
 * on their own page. Every page passes axe.
 */
import { browserAndMailbox, newPage, seriousViolations, signIn } from './support/browser';

const osloDay = (daysAhead: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + daysAhead * 86_400_000));
const TITLE = 'Åpen dag i Digdir';

describe('pooling in the portal', () => {
  const session = browserAndMailbox();

  it('takes an event from the agency through the ministry to an apprentice and back to the agency', async () => {
    // The agency registers the event.
    const agency = await newPage(session.browser);
    await signIn(agency, 'ola.hansen@digdir.no');
    await agency.getByRole('link', { name: 'Arrangementer' }).click();
    await agency.getByRole('heading', { level: 1, name: 'Arrangementer der lærlinger kan hjelpe' }).waitFor();
    await agency.getByText('Meld inn et arrangement').click();
    await agency.getByLabel('Navn på arrangementet').fill(TITLE);
    await agency.getByLabel('Type', { exact: true }).selectOption({ label: 'Arrangement' });
    await agency.getByLabel('Sted', { exact: true }).fill('Grev Wedels plass 9');
    await agency.getByLabel('Påmeldingsfrist (dato)').fill(osloDay(15));
    await agency.getByLabel('Hva skal lærlingene gjøre?').fill('Ta imot besøkende og vise fram lærlingenes arbeid.');
    await agency.getByLabel('Dato', { exact: true }).fill(osloDay(20));
    await agency.getByLabel('Fra', { exact: true }).fill('09:00');
    await agency.getByLabel('Til', { exact: true }).fill('12:00');
    await agency.getByLabel('Antall lærlinger').fill('2');
    await agency.getByLabel('Oppgaver', { exact: true }).fill('Vertskap');
    expect(await seriousViolations(agency)).toEqual([]);
    await agency.getByRole('button', { name: 'Send inn til departementet' }).click();
    await agency.getByRole('status').getByText('Sendt inn. Departementet godkjenner det inn i poolen.').waitFor();
    const card = agency.getByTestId('pool-event').filter({ hasText: TITLE });
    await card.getByText('Venter på godkjenning').waitFor();

    // The ministry approves it into the pool.
    const ministry = await newPage(session.browser);
    await signIn(ministry, 'kari.nordmann@kdd.dep.no');
    await ministry.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    await ministry.getByRole('link', { name: 'Arrangementer' }).click();
    const toReview = ministry.getByTestId('pool-event').filter({ hasText: TITLE });
    await toReview.getByRole('button', { name: 'Godkjenn inn i poolen' }).click();
    await toReview.getByText('I poolen').waitFor();
    expect(await seriousViolations(ministry)).toEqual([]);

    // The apprentice signs up.
    const apprentice = await newPage(session.browser);
    await signIn(apprentice, 'emma.larsen@digdir.no');
    await apprentice.getByRole('link', { name: 'Arrangementer' }).click();
    const open = apprentice.getByTestId('pool-event').filter({ hasText: TITLE });
    await open.getByRole('button', { name: 'Meld meg på' }).click();
    await open.getByText('Du er påmeldt (venter på godkjenning)').waitFor();
    expect(await seriousViolations(apprentice)).toEqual([]);

    // The professional leader approves.
    await agency.reload();
    const approvals = agency.getByTestId('pool-approvals');
    await approvals.getByRole('row', { name: new RegExp(`Emma Larsen.*${TITLE}`) }).waitFor();
    await approvals.getByRole('button', { name: `Godkjenn: Emma Larsen, ${TITLE}` }).click();
    // The demo's year has other sign-ups waiting; Emma's is no longer among them.
    await approvals.getByRole('row', { name: new RegExp(`Emma Larsen.*${TITLE}`) }).waitFor({ state: 'detached' });
    // The host sees who is on the shifts.
    const hostCard = agency.getByTestId('pool-event').filter({ hasText: TITLE });
    await hostCard.getByText('Påmeldte og oppmøte').click();
    await hostCard
      .getByTestId('event-signups')
      .getByRole('row', { name: /Emma Larsen/ })
      .getByText('godkjent')
      .waitFor();
    expect(await seriousViolations(agency)).toEqual([]);
    // The apprentice is told by e-mail.
    await session.mailbox.waitFor('emma.larsen@digdir.no', /^Du er med: Åpen dag i Digdir$/);

    // The apprentice sees it on their own page.
    await apprentice.getByRole('link', { name: 'Mine vakter' }).click();
    await apprentice.getByRole('heading', { level: 1, name: 'Mine vakter' }).waitFor();
    const mine = apprentice.getByTestId('my-shifts').locator('li', { hasText: TITLE });
    await mine.getByText('godkjent').waitFor();
    expect(await seriousViolations(apprentice)).toEqual([]);
  });
});
