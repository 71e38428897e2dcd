/**
 * In real Chromium: the ministry coordinator sees the pilot's numbers and the area's follow-up
 * counts (the demo's few cases as "under 5", no name), sets a target and sees the gap change; an
 * agency coordinator is refused another agency's page; every page passes axe.
 */
import { Browser, Page } from 'playwright-core';
import { launch, newPage, seriousViolations, signIn } from './support/browser';

describe('targets in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  const total = (page: Page, key: string) => page.getByTestId(`total-${key}`).locator('.ln-stat-value');
  const row = (page: Page, agency: string) => page.locator(`tr[data-agency="${agency}"]`);

  it('shows the sign-in page accessibly', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the ministry coordinator see 37 apprentices in 7 trades, set a target and see the gap change', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kari.nordmann@kdd.dep.no');
    await page.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    await total(page, 'apprentices').getByText('37').waitFor();
    expect(await total(page, 'apprentices').textContent()).toBe('37');
    expect(await total(page, 'trades').textContent()).toBe('7');
    expect(await row(page, 'Husbanken').locator('[data-col="gap"]').textContent()).toBe('1');
    // The area's follow-up counts for the year, as published: small counts as "under 5", no case and no name.
    await page.getByRole('heading', { level: 2, name: 'Oppfølging i tall' }).waitFor();
    await page.getByTestId('open-cases').getByText('under 5').waitFor();
    await page.getByTestId('terminations').getByText('under 5').first().waitFor();
    expect(await page.getByText('Emma Larsen').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Filtering: only agencies breaking the minimum rule.
    await page.getByLabel('Bare de som bryter minimumskravet').check();
    expect(await page.getByTestId('dashboard-table').locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Bare de som bryter minimumskravet').uncheck();

    await row(page, 'Husbanken').getByRole('link', { name: 'Husbanken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Husbanken' }).waitFor();
    expect(await page.getByTestId('agency-gap').textContent()).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Måltall (antall lærlinger)').fill('6');
    await page.getByLabel('Hvordan ble måltallet satt?').fill('Avtalt i bilateralt møte');
    await page.getByRole('button', { name: 'Lagre måltall' }).click();
    await page.getByText('Måltallet er lagret.').waitFor();
    await page.getByTestId('agency-gap').getByText('4').waitFor();

    // A bad target is refused with the API's message, and nothing changes.
    await page.getByLabel('Måltall (antall lærlinger)').fill('-2');
    await page.getByRole('button', { name: 'Lagre måltall' }).click();
    await page.getByRole('alert').getByText('Måltallet må være et helt tall fra 0 og ikke høyere enn antall ansatte.').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/cannot be negative/);
    expect(await page.getByTestId('agency-target').textContent()).toBe('6');

    await page.getByRole('link', { name: 'Tilbake til oversikten' }).click();
    await row(page, 'Husbanken').locator('[data-col="gap"]').getByText('4').waitFor();
    expect(await row(page, 'Husbanken').locator('[data-col="target"]').textContent()).toBe('6');
  });

  it("shows an agency coordinator only their own agency, and refuses the area's dashboard", async () => {
    const page = await newPage(browser);
    await signIn(page, 'ingrid.berg@statsbygg.no');
    await page.getByRole('heading', { level: 1, name: 'Statsbygg' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const visible = await page.evaluate(async () => {
      const r = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ agencies { name } }' }),
      });
      return (await r.json()).data.agencies.map((a: { name: string }) => a.name);
    });
    expect(visible).toEqual(['Statsbygg']);
    // What the server says he may do is all he is offered: no dashboard in the menu, no link to it.
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Handlingsplan',
      'Samlinger',
      'Nettverk',
      'Arrangementer',
      'Lærlinger',
      'Oppfølging',
      'Årsrapport',
      'Min virksomhet',
    ]);
    expect(await page.locator('main a[href^="/oversikt"]').count()).toBe(0);
    // Opened by URL, the dashboard says it is not for his role and shows none of its controls.
    await page.goto('/oversikt');
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor();
    await page.getByText('Denne siden er ikke for din rolle. Menyen viser det du har tilgang til.').waitFor();
    expect(await page.locator('[data-testid="dashboard-table"]').count()).toBe(0);
    expect(await page.getByLabel('År').count()).toBe(0);
    expect(await page.getByRole('link', { name: /CSV|XLSX|Excel/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Til forsiden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statsbygg' }).waitFor();
  });

  it('shows the refusal page when an agency coordinator opens another agency by URL', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'kari.nordmann@kdd.dep.no');
    await admin.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    const digdirHref = await row(admin, 'Digitaliseringsdirektoratet').getByRole('link').getAttribute('href');
    const page = await newPage(browser);
    await signIn(page, 'ingrid.berg@statsbygg.no');
    await page.getByRole('heading', { level: 1, name: 'Statsbygg' }).waitFor();
    await page.goto(digdirHref as string);
    await page.getByRole('heading', { level: 1, name: 'Du har ikke tilgang til denne virksomheten.' }).waitFor();
    expect(await page.getByText('Digitaliseringsdirektoratet').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to English', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kari.nordmann@kdd.dep.no');
    await page.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Targets and apprentices/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
