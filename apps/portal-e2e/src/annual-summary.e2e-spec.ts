/**
 * In real Chromium: the December summary from end to end. The ministry opens reporting early,
 * an agency fills in and submits its report, the ministry sees the status board, compiles,
 * watches the progress, opens the PDF and sends the summary, which reaches the network by mail
 * with the PDF attached. The summary holds the apprenticeships' figures and the follow-up counts
 * (the demo's few cases as "under 5"), in the PDF and on the web page. Every page passes axe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserAndMailbox, newPage, seriousViolations, signIn } from './support/browser';
import { BASE_URL } from './support/platform';

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const thisYear = Number(today.slice(0, 4));
// Reporting can open from 1 September: before then in the year, the test reports on last year.
const year = today >= `${thisYear}-09-01` ? thisYear : thisYear - 1;

describe('the December summary in the portal', () => {
  const session = browserAndMailbox();

  it('takes a report from the agency to the compiled summary sent to the network', async () => {
    // The ministry opens reporting from 1 September.
    const ministry = await newPage(session.browser);
    await signIn(ministry, 'kari.nordmann@kdd.dep.no');
    await ministry.getByRole('link', { name: 'Årsoppsummering' }).click();
    await ministry.goto(`${BASE_URL}/arsoppsummering?year=${year}`);
    await ministry.getByRole('heading', { level: 1, name: `Årsoppsummering ${year}` }).waitFor();
    expect(await seriousViolations(ministry)).toEqual([]);
    await ministry.getByRole('button', { name: 'Endre datoer' }).click();
    await ministry.getByLabel('Rapporteringen åpner').fill(`${year}-09-01`);
    await ministry.getByRole('button', { name: 'Lagre datoer' }).click();
    await ministry.getByText('1. september').first().waitFor();
    // The demo's year may have reports in already.
    const submitted = async () => Number(/Levert: (\d+)/.exec((await ministry.getByTestId('board-counts').textContent()) ?? '')![1]);
    const before = await submitted();

    // The agency finds its report filled in with the platform's figures, writes and submits it.
    const agency = await newPage(session.browser);
    await signIn(agency, 'ola.hansen@digdir.no');
    await agency.getByRole('link', { name: 'Årsrapport' }).click();
    await agency.goto(`${BASE_URL}/arsrapport?year=${year}`);
    await agency.getByRole('heading', { level: 1, name: `Årsrapport ${year}: Digitaliseringsdirektoratet` }).waitFor();
    await agency.getByTestId('report-figures').getByText('Lærlinger 1. oktober', { exact: true }).waitFor();
    expect(await seriousViolations(agency)).toEqual([]);
    await agency.getByLabel('Hvordan gikk året?').fill('Et godt år: seks lærlinger, to nye fag.');
    await agency.getByLabel('Hva fungerte godt?').fill('Fadderordningen og samlingene.');
    await agency.getByLabel('Utfordringer').fill('Å finne faglige ledere i IKT.');
    await agency.getByLabel('Måltall for neste år').fill('7');
    await agency.getByRole('button', { name: 'Send inn' }).click();
    await agency.getByTestId('report-status').getByText('Levert').waitFor();
    await agency.getByText('Et godt år: seks lærlinger, to nye fag.').waitFor();
    expect(await agency.getByRole('button', { name: 'Send inn' }).count()).toBe(0);
    expect(await seriousViolations(agency)).toEqual([]);

    // The ministry's status board shows it.
    await ministry.reload();
    const row = ministry.getByTestId('summary-board').locator('tr', { hasText: 'Digitaliseringsdirektoratet' });
    await row.getByText('Levert').waitFor();
    expect(await submitted()).toBe(before + 1);

    // Compile, and watch it go agency by agency.
    await ministry.getByRole('button', { name: 'Sammenstill nå' }).click();
    const progress = ministry.getByTestId('compile-progress');
    await progress.getByText(/Virksomheter: \d+ av \d+/).waitFor();
    expect(Number(await progress.locator('progress').getAttribute('value'))).toBeGreaterThan(0);
    expect(await seriousViolations(ministry)).toEqual([]);
    await ministry.getByTestId('compile-done').waitFor({ timeout: 60_000 });
    const versions = ministry.getByTestId('summary-versions');
    await versions.getByRole('link', { name: 'Versjon 1' }).waitFor();

    // The PDF opens, and says what the summary says.
    const href = await versions.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href');
    const res = await ministry.request.get(`${BASE_URL}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'e2e-summary-')), 'summary.pdf');
    writeFileSync(file, await res.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Årsoppsummering ${year}`);
    expect(text).toContain('Et godt år: seks lærlinger, to nye fag.');
    expect(text).toContain('Læreforholdene');
    expect(text).toMatch(/Åpne saker per [^\n]*: under 5/);

    // The web page of the version, then send it.
    await versions.getByRole('link', { name: 'Versjon 1' }).click();
    await ministry.getByTestId('summary-key-figures').waitFor();
    await ministry.getByRole('heading', { level: 3, name: 'Digitaliseringsdirektoratet' }).waitFor();
    // Keeping apprentices per agency, and the follow-up counts as published: no name, small counts as "under 5".
    await ministry
      .getByTestId('summary-apprenticeship')
      .getByRole('row', { name: /^Digitaliseringsdirektoratet/ })
      .waitFor();
    await ministry.getByRole('heading', { level: 2, name: 'Oppfølging ved utfordringer i læreforholdet' }).waitFor();
    await ministry.getByTestId('open-cases').getByText('under 5').waitFor();
    await ministry.getByTestId('outcomes').getByText('under 5').first().waitFor();
    expect(await ministry.getByText('Emma Larsen').count()).toBe(0);
    expect(await seriousViolations(ministry)).toEqual([]);
    await ministry.getByRole('button', { name: 'Send til nettverket' }).click();
    await ministry.getByRole('button', { name: 'Ja, send' }).click();
    await ministry
      .getByText(/^Sendt /)
      .first()
      .waitFor();

    const mail = await session.mailbox.waitFor('ola.hansen@digdir.no', new RegExp(`^Årsoppsummering ${year}`));
    const pdf = mail.attachments.find((a) => a.mimeType === 'application/pdf');
    expect(pdf?.filename).toBe(`arsoppsummering-${year}.pdf`);
    await session.mailbox.waitFor('ingrid.berg@statsbygg.no', new RegExp(`^Årsoppsummering ${year}`));

    // Back on the overview: the year is closed and the version is in the archive.
    await ministry.goto(`${BASE_URL}/arsoppsummering?year=${year}`);
    await ministry.getByTestId('summary-archive').getByRole('link', { name: 'Versjon 1' }).waitFor();
    expect(await ministry.getByRole('button', { name: 'Sammenstill nå' }).count()).toBe(0);
    expect(await seriousViolations(ministry)).toEqual([]);
  }, 180_000);
});
