/**
 * In real Chromium: a ministry coordinator creates this year's action plan from the pilot's
 * template (in FD: the demo's KDD has its plan already), records a bilateral meeting and sees the
 * criterion move; an agency coordinator reads KDD's plan without the means to change it; every
 * page passes axe.
 */
import { Browser } from 'playwright-core';
import { launch, newPage, seriousViolations, signIn } from './support/browser';
import { BASE_URL } from './support/platform';

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const year = Number(today.slice(0, 4));
// A day that has passed and counts towards "by 1 July".
const heldOn = today < `${year}-07-01` ? today : `${year}-07-01`;
/** A day as the portal writes it in bokmål: "1. juli 2026". */
const norwegianDay = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('action plans in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('lets the ministry coordinator create the plan from the template, record a bilateral meeting and see the criterion move', async () => {
    const page = await newPage(browser);
    await signIn(page, 'per.olsen@fd.dep.no');
    await page.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    await page.getByRole('link', { name: 'Handlingsplan' }).click();
    await page.getByRole('heading', { level: 1, name: `Handlingsplan ${year}` }).waitFor();
    await page.getByText(`Det finnes ingen handlingsplan for ${year} ennå.`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Malen fra pilotprosjektet (fire tiltak)').check();
    await page.getByRole('button', { name: 'Opprett handlingsplan' }).click();
    await page.getByRole('heading', { level: 3, name: 'Tiltak 1: Presentasjon av lærlingordningen' }).waitFor();
    expect(await page.getByTestId('plan-measure').count()).toBe(4);
    // The timeline shows the year's milestones by month, e.g. the first gathering in August.
    const timeline = page.getByTestId('plan-timeline');
    await timeline.getByText(/Første nettverkssamling, \d{4}-08-31/).waitFor({ state: 'attached' });
    expect(await seriousViolations(page)).toEqual([]);

    const bilateral = page.getByTestId('criterion-BILATERAL_MEETINGS');
    const agencies = await page.getByTestId('plan-meetings').locator('tbody tr').count();
    await bilateral.getByText(`0 av ${agencies}`).waitFor();
    expect(await bilateral.textContent()).toContain('Forsvarsbygg');
    expect(await page.getByTestId('plan-stat-meetings').locator('.ln-stat-value').textContent()).toBe(`0 / ${agencies}`);

    await page.getByText('Registrer bilateralt møte').click();
    await page.getByLabel('Virksomhet', { exact: true }).selectOption({ label: 'Forsvarsbygg' });
    await page.getByLabel('Møtedato').fill(heldOn);
    await page.getByLabel('Måltall satt').fill('3');
    await page.getByLabel('Hvem deltok').fill('HR-sjef og faglig leder');
    await page.getByLabel('Ønsket bistand').fill('Hjelp til å finne relevante lærefag');
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await page.getByRole('status').getByText('Lagret.').waitFor();

    // The criterion moves: one more agency met, and Forsvarsbygg is no longer missing.
    await bilateral.getByText(`1 av ${agencies}`).waitFor();
    expect(await bilateral.textContent()).not.toContain('Forsvarsbygg');
    expect(await page.getByTestId('plan-stat-meetings').locator('.ln-stat-value').textContent()).toBe(`1 / ${agencies}`);
    const row = page.getByTestId('plan-meetings').locator('tr', { hasText: 'Forsvarsbygg' });
    expect(await row.textContent()).toContain(norwegianDay(heldOn));

    // A meeting in the future is refused with a clear message, and the table is unchanged.
    await page.getByLabel('Virksomhet', { exact: true }).selectOption({ label: 'Nasjonal sikkerhetsmyndighet' });
    await page.getByLabel('Møtedato').fill(`${year + 1}-01-15`);
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await page.getByRole('alert').getByText('Møtedatoen må være en dato i planens år som har vært.').waitFor();
    expect(await page.getByTestId('plan-meetings').locator('tr', { hasText: 'Nasjonal sikkerhetsmyndighet' }).textContent()).toContain(
      'Mangler møte',
    );

    // Ticking a manual criterion with a comment.
    await page.getByLabel('Oppfylt: Presentasjon holdt i HR-nettverket i april').check();
    await page.getByTestId('criterion-MANUAL').first().getByText('Krysset av av Per Olsen').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The PDF is there for download.
    const pdfHref = await page.getByRole('link', { name: 'Last ned som PDF' }).getAttribute('href');
    const cookies = await page.context().cookies();
    const res = await fetch(`${BASE_URL}${pdfHref}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it("shows an agency coordinator the area's plan to read, without the means to change it", async () => {
    const page = await newPage(browser);
    await signIn(page, 'ingrid.berg@statsbygg.no');
    await page.getByRole('link', { name: 'Handlingsplan' }).click();
    await page.getByRole('heading', { level: 3, name: 'Tiltak 1: Presentasjon av lærlingordningen' }).waitFor();
    await page.getByText('Du kan lese planen. Det er departementsområdets koordinator som endrer den.').waitFor();
    expect(await page.getByRole('button', { name: 'Lagre møtet' }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Status' }).count()).toBe(0);
    // The demo's year: Statsbygg was the first agency met, in May.
    if (today > `${year}-05-05`)
      expect(await page.getByTestId('plan-meetings').locator('tr', { hasText: 'Statsbygg' }).textContent()).toContain(`5. mai ${year}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
