/**
 * In real Chromium, on the demo's living year: the agency changes its sent-back event and sends it
 * in again, and the ministry sees it waiting; the host records other hours than the shift's length
 * at a past event and writes its feedback, and the apprentice sees the hours on her own page; the
 * ministry puts an apprentice on a shift by hand and her agency approves it. Axe finds nothing on
 * any page state visited, at a desk and on a phone.
 */
import type { Page } from 'playwright-core';
import { axeViolations, browserAndMailbox, newPage, PHONE, signIn } from './support/browser';

const RETURNED = 'Lunsjseminar om universell utforming';
const HELD = 'Digitaliseringskonferansen';
const COMING = 'Opplæring av valgmedarbeidere';

async function poolPage(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto('/arrangementer');
  await page.getByRole('heading', { level: 1, name: 'Arrangementer der lærlinger kan hjelpe' }).waitFor();
}

// Each story walks several pages with axe at every step.
jest.setTimeout(180_000);

describe('the pool: changing a sent-back event, hours and feedback, assigning by hand', () => {
  const session = browserAndMailbox();

  it('lets the agency change its sent-back event and send it in again; the ministry sees it waiting', async () => {
    const agency = await newPage(session.browser);
    await poolPage(agency, 'ola.hansen@digdir.no');
    const card = agency.getByRole('article', { name: RETURNED });
    await card.getByText('Sendt tilbake').waitFor();
    await card.getByText('Skriv hva lærlingene skal gjøre på vakten, så godkjenner vi det.').waitFor();
    await card.getByText('Endre og send inn igjen').click();
    await card.getByLabel('Oppgaver', { exact: true }).fill('Ta imot gjestene og rigge salen');
    expect(await axeViolations(agency)).toEqual([]);
    await card.getByRole('button', { name: 'Send inn igjen til departementet' }).click();
    await card.getByRole('status').getByText('Sendt inn igjen. Departementet godkjenner det inn i poolen.').waitFor();
    await card.getByText('Venter på godkjenning').waitFor();
    expect(await axeViolations(agency)).toEqual([]);

    const ministry = await newPage(session.browser);
    await poolPage(ministry, 'kari.nordmann@kdd.dep.no');
    const waiting = ministry.getByRole('article', { name: RETURNED });
    await waiting.getByText('Venter på godkjenning').waitFor();
    await waiting.getByRole('cell', { name: 'Ta imot gjestene og rigge salen' }).waitFor();
    await waiting.getByRole('button', { name: 'Godkjenn inn i poolen' }).waitFor();
    expect(await axeViolations(ministry)).toEqual([]);
  });

  it('lets the host record 2.5 hours and write feedback on a past event; the apprentice sees the hours', async () => {
    const host = await newPage(session.browser);
    await poolPage(host, 'ola.hansen@digdir.no');
    await host.getByRole('button', { name: 'Vis holdte arrangementer' }).click();
    const card = host.getByRole('article', { name: HELD });
    await card.getByText('Påmeldte og oppmøte').click();
    const row = card.getByTestId('event-signups').getByRole('row', { name: /Emma Larsen/ });
    await row.getByLabel('Timer').fill('2,5');
    await row.getByRole('button', { name: 'Møtte: Emma Larsen' }).click();
    await row.getByText('Møtte · 2,5 timer').waitFor();
    expect(await axeViolations(host)).toEqual([]);

    const feedback = card.getByTestId('event-feedback');
    await feedback.getByText('Endre tilbakemeldingen').click();
    await feedback
      .getByLabel('Tilbakemelding etter arrangementet')
      .fill('Emma og de andre lærlingene holdt registreringen i gang hele formiddagen.');
    await feedback.getByRole('button', { name: 'Lagre tilbakemeldingen' }).click();
    await feedback.getByRole('status').getByText('Tilbakemeldingen er lagret.').waitFor();
    await feedback.locator('p', { hasText: /^Emma og de andre lærlingene holdt registreringen i gang hele formiddagen\.$/ }).waitFor();
    expect(await axeViolations(host)).toEqual([]);

    const apprentice = await newPage(session.browser);
    await signIn(apprentice, 'emma.larsen@digdir.no');
    await apprentice.getByRole('link', { name: 'Mine vakter' }).click();
    await apprentice.getByRole('heading', { level: 1, name: 'Mine vakter' }).waitFor();
    await apprentice.getByTestId('my-shifts').locator('li', { hasText: HELD }).getByText('Møtte · 2,5 timer').waitFor();
    expect(await axeViolations(apprentice)).toEqual([]);
    // The apprentice reads the host's feedback on the event, and may not change it.
    await apprentice.goto('/arrangementer');
    await apprentice.getByRole('button', { name: 'Vis holdte arrangementer' }).click();
    const seen = apprentice.getByRole('article', { name: HELD }).getByTestId('event-feedback');
    await seen.getByText('Emma og de andre lærlingene holdt registreringen i gang hele formiddagen.').waitFor();
    expect(await seen.getByText('Endre tilbakemeldingen').count()).toBe(0);
    expect(await axeViolations(apprentice)).toEqual([]);
  });

  it('lets the ministry put an apprentice on a shift by hand, and her agency approves it', async () => {
    const ministry = await newPage(session.browser);
    await poolPage(ministry, 'kari.nordmann@kdd.dep.no');
    const card = ministry.getByRole('article', { name: COMING });
    await card.getByText('Sett en lærling på en vakt').click();
    await card.getByLabel('Vakt', { exact: true }).selectOption({ index: 2 });
    await card.getByLabel('Lærling', { exact: true }).selectOption({ label: 'Emma Larsen (Digitaliseringsdirektoratet)' });
    expect(await axeViolations(ministry)).toEqual([]);
    await card.getByRole('button', { name: 'Sett på vakten' }).click();
    await card.getByRole('status').getByText('Emma Larsen er satt på vakten. Digitaliseringsdirektoratet må godkjenne det.').waitFor();
    expect(await axeViolations(ministry)).toEqual([]);

    const agency = await newPage(session.browser);
    await poolPage(agency, 'ola.hansen@digdir.no');
    const approvals = agency.getByTestId('pool-approvals');
    const row = approvals.getByRole('row', { name: new RegExp(`Emma Larsen.*${COMING}`) });
    await row.getByText('satt på av en koordinator').waitFor();
    expect(await axeViolations(agency)).toEqual([]);
    await row.getByRole('button', { name: `Godkjenn: Emma Larsen, ${COMING}` }).click();
    await row.waitFor({ state: 'detached' });
    await session.mailbox.waitFor('emma.larsen@digdir.no', new RegExp(`^Du er med: ${COMING}$`));
  });

  it('fits a phone: the host’s pool page with past events, sign-ups and hours open, without sideways scrolling', async () => {
    const phone = await newPage(session.browser, 'nb-NO', PHONE);
    await poolPage(phone, 'ola.hansen@digdir.no');
    await phone.getByRole('button', { name: 'Vis holdte arrangementer' }).click();
    const card = phone.getByRole('article', { name: HELD });
    await card.getByText('Påmeldte og oppmøte').click();
    await card
      .getByTestId('event-signups')
      .getByRole('row', { name: /Emma Larsen/ })
      .waitFor();
    await phone.getByRole('article', { name: COMING }).getByText('Sett en lærling på en vakt').click();
    await phone.getByRole('article', { name: COMING }).getByLabel('Lærling', { exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
  });
});
