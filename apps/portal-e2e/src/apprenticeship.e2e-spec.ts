/**
 * In Chromium, on the demo's living year: Digdir's professional leader (Ola Hansen) records Emma
 * Larsen's start-up talk and then an assessment, and Emma sees both on her own page, at a desk and
 * on a phone (375 px); an interruption moves her planned end, on both pages; another apprentice's
 * trade test is registered and passed, which completes that contract, and the ministry sees the
 * figures without a name. Every page passes axe. Emma's contract stays running: the other stories
 * sign her up for shifts and gatherings.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { axeViolations, browserAndMailbox, newPage, PHONE, signIn } from './support/browser';
import { root } from './support/platform';

/** Where the pages are photographed, for a reviewer to look at without starting anything. */
const SHOTS = join(root, 'tmp', 'screenshots');
const photograph = (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

const osloDay = (daysAgo = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() - daysAgo * 86_400_000));
/** A day as the portal writes it in bokmål. */
const shown = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const STARTUP = { heldOn: osloDay(6), summary: 'Rutiner, opplæringsplan og fadder gjennomgått.', goals: 'Lære saksbehandlingssystemet.' };
const ASSESSMENT = { heldOn: osloDay(1), summary: 'God framgang, trenger mer selvstendige oppgaver.', goals: 'Ta egne saker fra januar.' };
/** Seven days away, ended, with the county told the day after. */
const SICK = { startsOn: osloDay(30), endsOn: osloDay(24), countyNotifiedOn: osloDay(23) };

/** The value beside a term in one of the page's lists of facts. */
const fact = (page: Page, testId: string, term: string) =>
  page
    .getByTestId(testId)
    .locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');

/**
 * What does not fit the window: the document wider than it, a part running off it, or a value in a
 * list of facts squeezed narrower than 6 rem (a date a letter a line).
 */
const layoutProblems = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push('the page scrolls sideways');
    document.querySelectorAll('.ln-table-wrap, form, section').forEach((e) => {
      if (e.getBoundingClientRect().right > window.innerWidth + 1) problems.push(`${e.tagName} runs off the screen`);
    });
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    document.querySelectorAll('.ln-facts dd').forEach((d) => {
      if (d.getBoundingClientRect().width < 6 * rem) problems.push(`"${d.textContent ?? ''}" is squeezed`);
    });
    return problems;
  });

/** Signs in and waits for the page the user lands on (so that no later navigation races the landing). */
async function signedIn(page: Page, email: string, landing: string | RegExp) {
  await signIn(page, email);
  await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
}

async function leaderOpens(page: Page, name: RegExp) {
  await page.goto('/laerlinger');
  await page.getByRole('heading', { level: 1, name: 'Lærlinger og kontrakter' }).waitFor();
  await page.getByRole('group', { name: 'Lærlinger og kontrakter' }).getByRole('row', { name }).getByRole('link').click();
  await page.getByRole('region', { name: 'Kontrakten', exact: true }).waitFor();
}

async function apprenticeOpens(page: Page) {
  await page.goto('/min-laeretid');
  await page.getByRole('heading', { level: 1, name: 'Min læretid' }).waitFor();
  await page.getByTestId('contract-facts').waitFor();
}

describe('the apprenticeship: talks, an interruption and the trade test', () => {
  const session = browserAndMailbox();

  it('records the start-up talk and an assessment; the apprentice sees them on her page, at a desk and on a phone', async () => {
    const ola = await newPage(session.browser);
    await signedIn(ola, 'ola.hansen@digdir.no', 'Digitaliseringsdirektoratet');
    await ola.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Lærlinger' }).click();
    await ola.getByRole('heading', { level: 1, name: 'Lærlinger og kontrakter' }).waitFor();
    // Emma's start-up talk is long overdue: an early warning, in the list and on her page.
    await ola
      .getByTestId('warnings')
      .getByRole('listitem')
      .filter({ hasText: 'Emma Larsen' })
      .getByText(/^Oppstartsamtalen er forsinket/)
      .waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    await leaderOpens(ola, /Emma Larsen/);
    await ola.getByRole('heading', { level: 1, name: 'Emma Larsen' }).waitFor();
    await ola
      .getByTestId('apprenticeship-warnings')
      .getByText(/^Oppstartsamtalen er forsinket/)
      .waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    // The start-up talk first: the form asks for it while none is recorded.
    const form = ola.getByTestId('talk-form');
    await ola.getByRole('heading', { name: 'Registrer samtale: Oppstartsamtale' }).waitFor();
    await form.getByLabel('Dato').fill(STARTUP.heldOn);
    await form.getByLabel('Deltakere').fill('Emma Larsen, Ola Hansen');
    await form.getByLabel('Kort oppsummering').fill(STARTUP.summary);
    await form.getByLabel('Avtalte mål').fill(STARTUP.goals);
    await form.getByRole('button', { name: 'Registrer samtale' }).click();
    const talks = ola.getByTestId('talks');
    await talks.getByText(`Oppstartsamtale · ${shown(STARTUP.heldOn)}`).waitFor();
    await talks.getByText(STARTUP.summary).waitFor();
    expect(
      await ola
        .getByTestId('apprenticeship-warnings')
        .getByText(/^Oppstartsamtalen er forsinket/)
        .count(),
    ).toBe(0);

    // Then the form asks for an assessment.
    await ola.getByRole('heading', { name: 'Registrer samtale: Vurderingssamtale' }).waitFor();
    expect(await form.getByLabel('Kort oppsummering').inputValue()).toBe('');
    await form.getByLabel('Dato').fill(ASSESSMENT.heldOn);
    await form.getByLabel('Deltakere').fill('Emma Larsen, Ola Hansen');
    await form.getByLabel('Kort oppsummering').fill(ASSESSMENT.summary);
    await form.getByLabel('Avtalte mål').fill(ASSESSMENT.goals);
    await form.getByRole('button', { name: 'Registrer samtale' }).click();
    await talks.getByText(`Vurderingssamtale · ${shown(ASSESSMENT.heldOn)}`).waitFor();
    // Newest first.
    expect(await talks.locator('li strong').allTextContents()).toEqual([
      `Vurderingssamtale · ${shown(ASSESSMENT.heldOn)}`,
      `Oppstartsamtale · ${shown(STARTUP.heldOn)}`,
    ]);
    expect(await axeViolations(ola)).toEqual([]);
    await ola.close();

    // Emma sees both talks and what they agreed, and when the next assessment is due, at a desk…
    const emma = await newPage(session.browser);
    await signedIn(emma, 'emma.larsen@digdir.no', 'Digitaliseringsdirektoratet');
    await emma.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min læretid' }).click();
    await apprenticeOpens(emma);
    const hers = emma.getByTestId('talks');
    await hers.getByText(`Vurderingssamtale · ${shown(ASSESSMENT.heldOn)}`).waitFor();
    await hers.getByText(`Oppstartsamtale · ${shown(STARTUP.heldOn)}`).waitFor();
    await hers.getByText(`Avtalte mål: ${ASSESSMENT.goals}`).waitFor();
    expect(await fact(emma, 'next-facts', 'Oppstartsamtale innen').count()).toBe(0);
    expect(await fact(emma, 'next-facts', 'Neste vurderingssamtale innen').textContent()).toMatch(/^\d{1,2}\. \S+ \d{4}$/);
    await fact(emma, 'people', 'Faglig leder')
      .getByText(/^Ola Hansen/)
      .waitFor();
    await emma
      .getByRole('region', { name: 'Hvem kan jeg kontakte?', exact: true })
      .getByText(/^Elev- og lærlingombudet i /)
      .waitFor();
    // …read-only: no form of the leader's.
    expect(await emma.getByRole('button', { name: 'Registrer samtale' }).count()).toBe(0);
    expect(await axeViolations(emma)).toEqual([]);
    await emma.close();

    // …and on a phone.
    const phone = await newPage(session.browser, 'nb-NO', PHONE);
    await signedIn(phone, 'emma.larsen@digdir.no', 'Digitaliseringsdirektoratet');
    await phone.getByRole('button', { name: 'Meny' }).click();
    await phone.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min læretid' }).click();
    await apprenticeOpens(phone);
    await phone.getByTestId('talks').getByText(ASSESSMENT.summary).waitFor();
    expect(await layoutProblems(phone)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('moves the planned end by an interruption, on the leader’s page and the apprentice’s', async () => {
    const ola = await newPage(session.browser);
    await signedIn(ola, 'ola.hansen@digdir.no', 'Digitaliseringsdirektoratet');
    await leaderOpens(ola, /Emma Larsen/);
    const end = fact(ola, 'contract-facts', 'Planlagt slutt');
    const before = ((await end.textContent()) ?? '').trim();
    expect(before).not.toMatch(/Flyttet/);

    const form = ola.getByTestId('interruption-form');
    await form.getByLabel('Type avbrudd').selectOption({ label: 'Sykdom' });
    await form.getByLabel('Første dag borte').fill(SICK.startsOn);
    await form.getByLabel('Siste dag borte').fill(SICK.endsOn);
    await form.getByLabel('Fylkeskommunen varslet').fill(SICK.countyNotifiedOn);
    await form.getByRole('button', { name: 'Registrer avbrudd' }).click();
    const listed = ola.getByTestId('interruptions').getByRole('listitem').filter({ hasText: 'Sykdom' });
    await listed.getByText(`${shown(SICK.startsOn)} – ${shown(SICK.endsOn)} (7 dager)`).waitFor();
    await listed.getByText(`Fylkeskommunen varslet: ${shown(SICK.countyNotifiedOn)}`).waitFor();
    await end.getByText(/\(Flyttet 7 dager på grunn av avbrudd\)$/).waitFor();
    // The form is empty again, for the next one.
    expect(await form.getByLabel('Første dag borte').inputValue()).toBe('');
    const after = ((await end.textContent()) ?? '').trim();
    expect(after.replace(/ \(.*\)$/, '')).not.toBe(before);
    // The interruption is over: the contract is running again.
    expect(await fact(ola, 'contract-facts', 'Status').textContent()).toBe('Aktiv');
    expect(await axeViolations(ola)).toEqual([]);
    await photograph(ola, 'apprenticeship-1280');
    await ola.close();

    // The leader's page on a phone: the facts readable, the forms inside the screen.
    const leaderPhone = await newPage(session.browser, 'nb-NO', PHONE);
    await signedIn(leaderPhone, 'ola.hansen@digdir.no', 'Digitaliseringsdirektoratet');
    await leaderOpens(leaderPhone, /Emma Larsen/);
    await fact(leaderPhone, 'contract-facts', 'Planlagt slutt').getByText(after).waitFor();
    expect(await layoutProblems(leaderPhone)).toEqual([]);
    expect(await axeViolations(leaderPhone)).toEqual([]);
    await photograph(leaderPhone, 'apprenticeship-375');
    await leaderPhone.close();

    const phone = await newPage(session.browser, 'nb-NO', PHONE);
    await signedIn(phone, 'emma.larsen@digdir.no', 'Digitaliseringsdirektoratet');
    await apprenticeOpens(phone);
    await fact(phone, 'contract-facts', 'Planlagt slutt').getByText(after).waitFor();
    await phone
      .getByRole('region', { name: 'Avbrudd', exact: true })
      .getByText(`Sykdom: ${shown(SICK.startsOn)} – ${shown(SICK.endsOn)}`)
      .waitFor();
    expect(await layoutProblems(phone)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    await photograph(phone, 'my-apprenticeship-375');
    await phone.close();
  });

  it('registers the trade test and records it passed, which completes the contract; the ministry sees the count, not the name', async () => {
    const ola = await newPage(session.browser);
    await signedIn(ola, 'ola.hansen@digdir.no', 'Digitaliseringsdirektoratet');
    await ola.goto('/laerlinger');
    // Someone other than Emma, whose contract the other stories need running.
    const row = ola
      .getByRole('group', { name: 'Lærlinger og kontrakter' })
      .locator('tbody tr')
      .filter({ hasNotText: 'Emma Larsen' })
      .first();
    const name = ((await row.getByRole('link').textContent()) ?? '').trim();
    await leaderOpens(ola, new RegExp(name));
    await ola.getByRole('heading', { level: 1, name }).waitFor();
    expect(await fact(ola, 'next-facts', 'Fagprøve').textContent()).toBe('Ikke meldt opp');

    const test = ola.getByRole('region', { name: 'Fagprøve', exact: true });
    await test.getByLabel('Meldt opp').fill(osloDay(2));
    await test.getByRole('button', { name: 'Meld opp til fagprøve' }).click();
    await test.getByText(`Forsøk 1: Meldt opp ${shown(osloDay(2))}`).waitFor();
    await fact(ola, 'next-facts', 'Fagprøve').getByText('Meldt opp', { exact: true }).waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    await test.getByLabel('Prøvedato').fill(osloDay(0));
    await test.getByLabel('Resultat').selectOption({ label: 'Bestått' });
    await test.getByRole('button', { name: 'Registrer resultat' }).click();
    await test.getByText(`Forsøk 1: Meldt opp ${shown(osloDay(2))} · Prøvedato ${shown(osloDay(0))} · Bestått`).waitFor();
    await fact(ola, 'contract-facts', 'Status').getByText('Fullført', { exact: true }).waitFor();
    expect(await fact(ola, 'contract-facts', 'Avsluttet').textContent()).toBe(shown(osloDay(0)));
    // An ended contract takes no more talks, interruptions or tests.
    expect(await ola.getByRole('button', { name: /^(Registrer samtale|Registrer avbrudd|Meld opp til fagprøve)$/ }).count()).toBe(0);
    expect(await axeViolations(ola)).toEqual([]);

    // Out of the running list, back with the ended ones.
    await ola.goto('/laerlinger');
    const table = ola.getByRole('group', { name: 'Lærlinger og kontrakter' });
    await table.getByRole('row', { name: /Emma Larsen/ }).waitFor();
    expect(await table.getByRole('row', { name: new RegExp(name) }).count()).toBe(0);
    await ola.getByLabel('Vis avsluttede kontrakter').check();
    await table
      .getByRole('row', { name: new RegExp(name) })
      .getByText('Bestått', { exact: true })
      .waitFor();
    await ola.close();

    // The ministry: its agencies' figures, counts only.
    const kari = await newPage(session.browser);
    await signedIn(kari, 'kari.nordmann@kdd.dep.no', /Måltall og lærlinger/);
    await kari.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Lærlingetall' }).click();
    await kari.getByRole('heading', { level: 1, name: 'Lærlingetall for virksomhetene' }).waitFor();
    const figures = kari.getByTestId('apprenticeship-figures');
    const digdir = figures.getByRole('row', { name: /Digitaliseringsdirektoratet/ });
    const passed = await digdir.locator('td').nth(3).textContent();
    expect(Number(passed)).toBeGreaterThanOrEqual(1);
    expect(await figures.getByText(name).count()).toBe(0);
    expect(await figures.getByText('Emma Larsen').count()).toBe(0);
    expect(await axeViolations(kari)).toEqual([]);
    await kari.close();
  });
});
