/**
 * In Chromium, on the demo's living year: Digdir's professional leader (Ola Hansen) reports a
 * concern about Emma Larsen, documents the concern talk and the follow-up meeting (the ombud
 * taking part from outside, the county's adviser informed), and a follow-up plan that both sign;
 * Emma sees her plan on a phone (375 px), without the staff's internal note; the case closes as
 * resolved; the ministry's figures show "under 5" and no name. Every page passes axe. Emma's
 * contract keeps running: the other stories use it.
 */
import { Locator, Page } from 'playwright-core';
import { axeViolations, browserAndMailbox, newPage, PHONE, signIn } from './support/browser';

const osloDay = (daysAhead = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + daysAhead * 86_400_000));
const TODAY = osloDay();
const ACTION = 'Møte presis hver dag';
const NOTE = 'Faglig leder er bekymret for hjemmesituasjonen';

/** The document fits the window, and no table frame or form runs off it. */
const fitsWidth = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollWidth <= window.innerWidth &&
      [...document.querySelectorAll('.ln-table-wrap, form, section')].every(
        (e) => e.getBoundingClientRect().right <= window.innerWidth + 1,
      ),
  );

/** Ticks Emma and her professional leader in a group of people. */
async function tickBoth(group: Locator) {
  await group.getByLabel('Emma Larsen (lærling)').check();
  await group
    .getByLabel(/\(faglig leder\)$/)
    .first()
    .check();
}

/** Chooses the next step, fills what every step records, lets `more` fill the rest, and saves. */
async function recordStep(page: Page, step: string, summary: string, more: (form: Locator) => Promise<void> = async () => undefined) {
  const form = page.getByTestId('step-form');
  await form.getByLabel('Steg', { exact: true }).selectOption({ label: step });
  await form.getByLabel('Dato', { exact: true }).fill(TODAY);
  await tickBoth(form.getByRole('group', { name: 'Deltakere', exact: true }));
  await form.getByLabel('Referat').fill(summary);
  await more(form);
  await form.getByRole('button', { name: `Lagre: ${step}` }).click();
}

describe('follow-up: from a concern to a resolved case', () => {
  const session = browserAndMailbox();

  it('documents the ladder, shows the apprentice her plan on a phone, closes the case, and shows the ministry "under 5"', async () => {
    const ola = await newPage(session.browser);
    await signIn(ola, 'ola.hansen@digdir.no');
    await ola.getByRole('heading', { level: 1, name: 'Digitaliseringsdirektoratet' }).waitFor();
    await ola.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await ola.getByRole('heading', { level: 1, name: 'Oppfølgingssaker' }).waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    // The concern.
    const open = ola.getByTestId('open-case-form');
    await open.getByLabel('Lærling', { exact: true }).selectOption({ label: 'Emma Larsen' });
    await open.getByLabel('Stort fravær').check();
    await open.getByLabel('Beskriv bekymringen').fill('Mye fravær de siste ukene');
    await open.getByRole('button', { name: 'Meld bekymring' }).click();
    await ola.getByRole('heading', { level: 1, name: 'Oppfølging av Emma Larsen' }).waitFor();
    await ola.getByText('Ingen steg er dokumentert ennå. Start med bekymringssamtalen.').waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    // The concern talk, with a note for the staff only.
    await recordStep(ola, 'Bekymringssamtale', 'Vi snakket om fraværet og hva som ligger bak.', async (form) => {
      await form.getByLabel('Internt notat').fill(NOTE);
    });
    await ola.getByTestId('step-CONCERN_TALK').getByText(NOTE).waitFor();

    // The meeting: refused until the county's adviser is recorded as informed; the ombud takes part from outside.
    await recordStep(ola, 'Oppfølgings-/avklaringsmøte', 'Avklaring med lærlingen og ombudet.', async (form) => {
      await form.getByRole('button', { name: 'Legg til deltaker utenfra' }).click();
      await form.getByTestId('external-0').getByLabel('Rolle').selectOption({ label: 'Elev- og lærlingombud' });
      await form.getByTestId('external-0').getByLabel('Navn').fill('Kari Ombud');
      await form.getByLabel('Lærlingen er oppfordret til å ta med en person hen har tillit til').check();
    });
    await ola.getByRole('alert').getByText('Sjekk det du har fylt inn.').waitFor();
    const form = ola.getByTestId('step-form');
    await form.getByLabel('Informert dato').fill(TODAY);
    await form.getByLabel('Hvordan').selectOption({ label: 'Telefon' });
    await form.getByRole('button', { name: 'Lagre: Oppfølgings-/avklaringsmøte' }).click();
    const meeting = ola.getByTestId('step-FOLLOW_UP_MEETING');
    await meeting.getByText('Kari Ombud (Elev- og lærlingombud)').waitFor();
    await meeting.getByText(/\(Telefon\)$/).waitFor();

    // The plan: an action for Emma with a deadline, a new meeting, signed by both.
    await recordStep(ola, 'Oppfølgingsplan', 'Plan for oppmøte og ukentlige samtaler.', async (f) => {
      await f.getByRole('button', { name: 'Legg til tiltak' }).click();
      await f.getByTestId('action-0').getByLabel('Tiltak').fill(ACTION);
      await f.getByTestId('action-0').getByLabel('Ansvarlig', { exact: true }).selectOption({ label: 'Emma Larsen' });
      await f.getByTestId('action-0').getByLabel('Frist').fill(osloDay(14));
      await f.getByLabel('Neste møte').fill(osloDay(21));
      const signed = f.getByRole('group', { name: 'Avtalt og undertegnet' });
      await signed.getByLabel('Undertegnet dato').fill(TODAY);
      await tickBoth(signed);
    });
    const plan = ola.getByTestId('step-FOLLOW_UP_PLAN');
    await plan.getByText(new RegExp(`^${ACTION} — Emma Larsen`)).waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    // Emma, on a phone: her plan and the steps, without the staff's note.
    const emma = await newPage(session.browser, 'nb-NO', PHONE);
    await signIn(emma, 'emma.larsen@digdir.no');
    await emma.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
    await emma.goto('/min-oppfolging');
    await emma.getByRole('heading', { level: 1, name: 'Min oppfølging' }).waitFor();
    await emma.getByTestId('my-plan').getByText(ACTION).waitFor();
    await emma.getByTestId('step-FOLLOW_UP_MEETING').getByText('Kari Ombud (Elev- og lærlingombud)').waitFor();
    expect(await emma.getByText(NOTE).count()).toBe(0);
    expect(await emma.getByTestId('internal-note').count()).toBe(0);
    expect(await emma.getByRole('button', { name: /^Lagre/ }).count()).toBe(0);
    await emma.getByRole('link', { name: 'Last ned (PDF)' }).waitFor();
    expect(await fitsWidth(emma)).toBe(true);
    expect(await axeViolations(emma)).toEqual([]);
    await emma.close();

    // The case is resolved and closes; the read log shows Emma's reads.
    await recordStep(ola, 'Saken er løst', 'Oppmøtet er stabilt.');
    await ola.getByText('Saken er avsluttet.').waitFor();
    await ola.getByTestId('step-RESOLUTION').waitFor();
    await ola.goto('/oppfolging/logg');
    await ola.getByRole('heading', { level: 1, name: 'Lesinger av sakene' }).waitFor();
    await ola
      .getByTestId('follow-up-read-log')
      .getByRole('row', { name: /Emma Larsen \(Lærling\)/ })
      .first()
      .waitFor();
    expect(await axeViolations(ola)).toEqual([]);
    await ola.close();

    // The ministry: counts only, small ones as "under 5"; no case, no name.
    const kari = await newPage(session.browser);
    await signIn(kari, 'kari.nordmann@kdd.dep.no');
    await kari.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppfølging i tall' }).click();
    await kari.getByRole('heading', { level: 1, name: 'Oppfølging i tall' }).waitFor();
    await kari.getByTestId('open-cases').getByText('under 5').waitFor();
    await kari.getByTestId('outcomes').getByText('under 5').first().waitFor();
    expect(await kari.getByText('Emma Larsen').count()).toBe(0);
    expect(await kari.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppfølging', exact: true }).count()).toBe(
      0,
    );
    expect(await axeViolations(kari)).toEqual([]);
    await kari.close();
  });
});
