/**
 * In Chromium: the ministry coordinator plans gatherings on the last Thursday of each month. The
 * schedule form previews each date before saving: a schedule started today keeps the Christmas
 * holiday free, and Holy Thursday 2027 (25 March) moves to Wednesday 24 March or is skipped, as
 * the series' holiday rule says. After saving, the confirmation says the same, date by date.
 */
import { Browser, Page } from 'playwright-core';
import { axeViolations, launch, newPage, signIn } from './support/browser';

const PREVIEW = 'Datoene timeplanen gir';
const SAVED = 'Datoene som er lagret';
const HOLY_THURSDAY = 'torsdag 25. mars 2027';

describe('gathering schedules and holidays in the portal', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser);
    await signIn(page, 'kari.nordmann@kdd.dep.no');
    await page.getByRole('heading', { level: 1, name: /Måltall og lærlinger/ }).waitFor();
    await page.getByRole('link', { name: 'Samlinger' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nettverkssamlinger' }).waitFor();
  });
  afterAll(() => browser?.close());

  const table = (name: string) => page.getByRole('table', { name });
  const row = (name: string, day: string) =>
    table(name)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: day }) });

  it('previews a monthly last-Thursday schedule started today with the Christmas holiday kept free', async () => {
    await page.getByLabel('Navn på samlingene').fill('Månedlig samling, flyttes');
    await page.getByLabel('For hvem').selectOption('STAFF');
    await page.getByLabel('Rytme').selectOption('monthly');
    await table(PREVIEW).waitFor();
    // Whatever today is, no date from 21 December to 1 January is held where the rhythm put it.
    const rows = await table(PREVIEW)
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          day: tr.querySelector('th')!.textContent,
          outcome: tr.getAttribute('data-outcome'),
          text: tr.querySelector('td')!.textContent,
        })),
      );
    expect(rows.length).toBeGreaterThanOrEqual(11);
    const inChristmas = rows.filter((r) => /(2[1-9]|3[01])\. desember|\b1\. januar/.test(r.day));
    for (const r of inChristmas)
      expect(r).toEqual({
        ...r,
        outcome: 'SKIPPED',
        text: expect.stringMatching(/^Hoppes over \((Juleferie|Første juledag|Andre juledag|Første nyttårsdag)\)$/),
      });
    expect(rows.filter((r) => r.outcome === 'MOVED').every((r) => !/(2[1-9]|3[01])\. desember/.test(r.text))).toBe(true);
  });

  it('moves Holy Thursday 2027 to Wednesday 24 March under the default rule, and saves what it previewed', async () => {
    await page.getByLabel('Fra dato').fill('2027-03-01');
    await expect(page.getByRole('radio', { name: 'Flytt til nærmeste arbeidsdag samme uke' }).isChecked()).resolves.toBe(true);
    await row(PREVIEW, HOLY_THURSDAY).getByText('Flyttes til onsdag 24. mars 2027 (Skjærtorsdag)').waitFor();
    await row(PREVIEW, 'torsdag 29. april 2027').getByText('Holdes').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lag timeplan' }).click();
    // Twelve last Thursdays from March 2027: Holy Thursday moves; 29 July (a week all in July)
    // and 30 December (a week all in the Christmas holiday) have no working day to move to.
    await page
      .getByRole('status')
      .getByText('Timeplanen er lagret med 10 samlinger. 1 dato er flyttet. 2 datoer er hoppet over.')
      .waitFor();
    await row(SAVED, HOLY_THURSDAY).getByText('Flyttet til onsdag 24. mars 2027 (Skjærtorsdag)').waitFor();
    expect(
      await row(SAVED, HOLY_THURSDAY)
        .getByText(/Hoppet over/)
        .count(),
    ).toBe(0);
    await row(SAVED, 'torsdag 29. juli 2027').getByText('Hoppet over (Fellesferie i juli)').waitFor();
    await row(SAVED, 'torsdag 30. desember 2027').getByText('Hoppet over (Juleferie)').waitFor();
    // The gathering is in the list on the Wednesday.
    await page
      .locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Månedlig samling, flyttes' })
      .filter({ hasText: 'onsdag 24. mars 2027' })
      .first()
      .waitFor();
    expect(
      await page
        .locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Månedlig samling, flyttes' })
        .filter({ hasText: 'torsdag 25. mars 2027' })
        .count(),
    ).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('skips Holy Thursday 2027 when the series skips holidays, and says so before and after saving', async () => {
    await page.getByLabel('Navn på samlingene').fill('Månedlig samling, hoppes over');
    await page.getByRole('radio', { name: 'Hopp over datoen' }).check();
    await row(PREVIEW, HOLY_THURSDAY).getByText('Hoppes over (Skjærtorsdag)').waitFor();
    expect(
      await table(PREVIEW)
        .getByText(/Flyttes til/)
        .count(),
    ).toBe(0);

    await page.getByRole('button', { name: 'Lag timeplan' }).click();
    await page.getByRole('status').getByText('Timeplanen er lagret med 9 samlinger. 3 datoer er hoppet over.').waitFor();
    await row(SAVED, HOLY_THURSDAY).getByText('Hoppet over (Skjærtorsdag)').waitFor();
    expect(
      await page
        .locator('[data-testid="gatherings-table"] tbody tr', { hasText: 'Månedlig samling, hoppes over' })
        .filter({ hasText: /(onsdag 24|torsdag 25)\. mars 2027/ })
        .count(),
    ).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
