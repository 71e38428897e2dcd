/**
 * In Chromium, on the demo's living year: an agency invites an apprentice from its list, the
 * apprentice signs up from the mail and is that apprentice; the ministry sees the list without
 * contact details; a bilateral meeting held after its due date shows as held late.
 */
import { axeViolations, browserAndMailbox, newPage, PHONE, signIn } from './support/browser';

describe('people and records, and the plan’s meetings', () => {
  const session = browserAndMailbox();

  it('invites an apprentice from the agency’s list; the one who signs up is that apprentice', async () => {
    const ola = await newPage(session.browser);
    await signIn(ola, 'ola.hansen@digdir.no');
    await ola.getByRole('heading', { level: 1, name: 'Digitaliseringsdirektoratet' }).waitFor();
    const table = ola.getByRole('group', { name: 'Lærlinger' });
    // Emma Larsen, who signs in as an apprentice, is in the list, as a user, with her address.
    const emma = table.getByRole('row', { name: /Emma Larsen/ });
    await emma.getByText('Bruker', { exact: true }).waitFor();
    await emma.getByText('emma.larsen@digdir.no').waitFor();
    expect(await axeViolations(ola)).toEqual([]);

    // Someone without a user yet: invited from the list, the form takes their name and address.
    const invite = table.getByRole('button', { name: /^Inviter / }).first();
    const name = ((await invite.textContent()) ?? '').replace(/^Inviter /, '');
    const row = table.getByRole('row', { name: new RegExp(name) });
    const email = ((await row.locator('td').nth(3).textContent()) ?? '').trim();
    expect(email).toMatch(/@digdir\.no$/);
    await invite.click();
    const nameField = ola.locator('#invite-form').getByLabel('Navn', { exact: true });
    for (let i = 0; i < 50 && (await nameField.inputValue()) !== name; i++) await ola.waitForTimeout(100);
    expect(await nameField.inputValue()).toBe(name);
    expect(await ola.locator('#invite-form').getByLabel('E-postadresse').inputValue()).toBe(email);
    expect(await ola.locator('#invite-form').getByLabel('Lærling i listen').inputValue()).not.toBe('');
    await ola.getByRole('button', { name: 'Send invitasjon' }).click();
    await ola.getByText(`Invitasjonen er sendt til ${email}.`).waitFor();
    await row.getByText('Invitert', { exact: true }).waitFor();

    // The apprentice opens the mail's link on a phone, chooses a password, and is signed in as that apprentice.
    const mail = await session.mailbox.waitFor(email, /Invitasjon til Lærenett/);
    const link = /(http:\/\/\S+\/invitasjon\/\S+)/.exec(mail.text ?? '')![1];
    const phone = await newPage(session.browser, 'nb-NO', PHONE);
    await phone.goto(link);
    await phone.getByLabel('Velg passord (minst 12 tegn)').fill('et-langt-nok-passord');
    await phone.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Digitaliseringsdirektoratet' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.getByRole('button', { name: 'Meny' }).click();
    await phone.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine vakter' }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);

    await ola.reload();
    await ola
      .getByRole('group', { name: 'Lærlinger' })
      .getByRole('row', { name: new RegExp(name) })
      .getByText('Bruker', { exact: true })
      .waitFor();
    await ola.close();
    await phone.close();
  });

  it('shows the ministry the agency’s apprentices without their contact details', async () => {
    const kari = await newPage(session.browser);
    await signIn(kari, 'kari.nordmann@kdd.dep.no');
    await kari.getByRole('link', { name: 'Digitaliseringsdirektoratet' }).first().click();
    const table = kari.getByRole('group', { name: 'Lærlinger' });
    await table.getByRole('row', { name: /Emma Larsen/ }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'E-post' }).count()).toBe(0);
    expect(await table.getByText(/@digdir\.no/).count()).toBe(0);
    await kari.getByText('E-postadressene vises bare for lærlingenes egen virksomhet.').waitFor();
    await kari.close();
  });

  it('shows a bilateral meeting held after its due date as held late, not as missing', async () => {
    const kari = await newPage(session.browser);
    await signIn(kari, 'kari.nordmann@kdd.dep.no');
    await kari.getByRole('link', { name: 'Handlingsplan' }).first().click();
    const meetings = kari.getByTestId('plan-meetings');
    const late = meetings.getByRole('row', { name: /Distriktssenteret/ });
    await late.getByText(/^Etter fristen/).waitFor();
    expect(await late.getByText('Mangler møte').count()).toBe(0);
    const criterion = kari.getByTestId('criterion-BILATERAL_MEETINGS').first();
    await criterion.getByText(/^Holdt etter fristen: Distriktssenteret \(/).waitFor();
    expect(await criterion.getByText(/^Mangler:.*Distriktssenteret/).count()).toBe(0);
    expect(await axeViolations(kari)).toEqual([]);
    await kari.close();
  });
});
