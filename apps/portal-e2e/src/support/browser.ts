import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';
import { Mailbox } from './mailbox';
import { BASE_URL, E2E_SMTP_PORT } from './platform';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const DESK = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export async function newPage(browser: Browser, locale = 'nb-NO', viewport = DESK): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: BASE_URL,
    locale,
    viewport,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  return ctx.newPage();
}

export async function signIn(page: Page, email: string, password = 'laerenett-demo') {
  await page.goto('/logg-inn');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

/** WCAG 2.1 A/AA with axe-core: every violation, of any impact. */
/**
 * Waits (at most 2 s) for the page's finite animations and transitions to end: a dialog still
 * fading in has text at part opacity, which axe rightly reads as too little contrast.
 */
async function animationsSettled(page: Page) {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
}

export async function axeViolations(page: Page) {
  await animationsSettled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/** WCAG 2.1 A/AA with axe-core: returns the serious and critical violations. */
export async function seriousViolations(page: Page) {
  await animationsSettled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/**
 * For a spec file whose story ends in someone's inbox: Chromium, and the SMTP server the platform
 * sends to, opened before the tests and closed after them.
 */
export function browserAndMailbox(): { readonly browser: Browser; readonly mailbox: Mailbox } {
  const mailbox = new Mailbox();
  let browser: Browser | undefined;
  beforeAll(async () => {
    await mailbox.listen(E2E_SMTP_PORT);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await mailbox.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
    mailbox,
  };
}
