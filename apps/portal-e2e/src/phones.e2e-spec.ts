/**
 * Every page of every role, on a phone (375 × 812) and at a desk (1280 × 900): the document never
 * scrolls sideways, the menu is reachable, tables stay inside the screen (scrolling in their own
 * frame), and axe finds nothing of any impact. The main page of each role is photographed at both
 * widths into tmp/screenshots, for a reviewer to look at without starting anything.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { axeViolations, DESK, launch, newPage, PHONE, signIn } from './support/browser';
import { root } from './support/platform';

const SHOTS = join(root, 'tmp', 'screenshots');

type Viewport = typeof DESK;

/** The pages each role uses, as the menu offers them; `*` follows the first link to a detail page. */
const ROLES: { who: string; email: string; pages: string[] }[] = [
  {
    who: 'ministry',
    email: 'kari.nordmann@kdd.dep.no',
    pages: [
      '/oversikt',
      'agency',
      '/handlingsplan',
      '/samlinger',
      '/samlinger/*',
      '/nettverk',
      '/arrangementer',
      '/arsoppsummering',
      '/laerlinger/tall',
      '/oppfolging/tall',
    ],
  },
  {
    who: 'agency',
    email: 'ola.hansen@digdir.no',
    pages: [
      'agency',
      '/handlingsplan',
      '/samlinger',
      '/nettverk',
      '/arrangementer',
      '/arsrapport',
      '/laerlinger',
      '/laerlinger/*',
      '/oppfolging',
      '/oppfolging/*',
      '/oppfolging/logg',
    ],
  },
  {
    who: 'apprentice',
    email: 'emma.larsen@digdir.no',
    pages: ['agency', '/samlinger', '/nettverk', '/arrangementer', '/mine-vakter', '/min-laeretid', '/min-oppfolging'],
  },
  { who: 'admin', email: 'admin@laerenett.no', pages: ['/oversikt', '/samlinger', '/arrangementer'] },
];

async function layoutProblems(page: Page, viewport: Viewport) {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) problems.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
    // A table is readable when its frame fits the screen; a wide one scrolls inside its frame.
    document.querySelectorAll('table').forEach((t, i) => {
      const frame = t.closest('.ln-table-wrap') ?? t;
      const r = frame.getBoundingClientRect();
      if (r.right > width + 1 || r.left < -1)
        problems.push(
          `table ${i + 1} (${t.querySelector('caption')?.textContent ?? t.dataset['testid'] ?? ''}) runs off the screen: ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
      if (t.scrollWidth > frame.clientWidth + 1 && !frame.matches('[tabindex="0"][aria-label]'))
        problems.push(`table ${i + 1} is wider than its frame, which cannot be scrolled by keyboard`);
    });
    return problems;
  }, viewport.width);
}

/** On a phone the menu folds behind a button; it must open and show the links. */
async function menuReachable(page: Page, viewport: Viewport) {
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  if (viewport.width < 600) {
    await page.getByRole('button', { name: 'Meny' }).click();
    await nav.waitFor();
    const links = await nav.getByRole('link').count();
    await page.getByRole('button', { name: 'Lukk menyen' }).click();
    await nav.waitFor({ state: 'hidden' });
    return links;
  }
  await nav.waitFor();
  return nav.getByRole('link').count();
}

async function open(page: Page, path: string) {
  if (path === 'agency') {
    await page.goto('/');
    await page.waitForURL(/\/(virksomhet|oversikt)/);
    if (!/\/virksomhet\//.test(page.url())) {
      // The ministry reaches an agency from the dashboard.
      await page.getByRole('link', { name: 'Digitaliseringsdirektoratet' }).first().click();
    }
    await page.waitForURL(/\/virksomhet\//);
  } else if (path.endsWith('/*')) {
    await page.goto(path.slice(0, -2));
    const first = page.locator(`main a[href^="${path.slice(0, -1)}"]`).first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(new RegExp(`${path.slice(0, -1)}.+`));
  } else {
    await page.goto(path);
  }
  await settled(page);
}

/** The page has its heading and nothing is loading any more (tables and charts are in place). */
async function settled(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ds-spinner, [aria-busy="true"]'));
  await page.waitForTimeout(150);
}

// Each role's test walks all of its pages with axe at one width: minutes, not seconds.
jest.setTimeout(300_000);

describe('every page on a phone and at a desk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => browser?.close());

  for (const viewport of [PHONE, DESK]) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`signs in at ${size}`, async () => {
      const page = await newPage(browser, 'nb-NO', viewport);
      await page.goto('/logg-inn');
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      expect(await layoutProblems(page, viewport)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `sign-in-${viewport.width}.png`), fullPage: true });
      await page.context().close();
    });

    for (const role of ROLES) {
      it(`fits every page of the ${role.who} at ${size}`, async () => {
        const page = await newPage(browser, 'nb-NO', viewport);
        await signIn(page, role.email);
        await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
        await settled(page);
        await page.screenshot({ path: join(SHOTS, `${role.who}-${viewport.width}.png`), fullPage: true });
        const found: Record<string, unknown> = {};
        for (const path of role.pages) {
          await open(page, path);
          const title = (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
          const problems = [
            ...(/tilgang/i.test(title) ? [`refused: ${title}`] : []),
            ...(await layoutProblems(page, viewport)),
            ...(await axeViolations(page)).map((v) => `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.join(', ')})`),
          ];
          if ((await menuReachable(page, viewport)) < 3) problems.push('the menu has fewer than three links');
          if (problems.length) found[path] = problems;
        }
        expect(found).toEqual({});
        await page.context().close();
      });
    }
  }
});
