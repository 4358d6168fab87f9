/**
 * Every page of the plugin, at 1440 px and at 800 px wide (issue 16): it loads with its heading
 * and no error, nothing a user acts on lies beyond the window's right edge (a clipped Actions
 * column, a header button pushed off-screen), and the page does not scroll sideways. A
 * screenshot of each page at each width is kept under .tmp/e2e-screenshots/pages-*.
 */
import type { Browser, Page } from 'playwright-core';
import { logIn, openBrowser, screenshot } from './browser';

const PLUGIN = '/admin/plugins/offboarding';
const SETTINGS = '/admin/settings/offboarding';

let browser: Browser;
let page: Page;
let borealis = '';

beforeAll(async () => {
  ({ browser, page } = await openBrowser());
  await logIn(page);
  await page.goto(PLUGIN);
  await page.getByRole('link', { name: 'Borealis Foods Ltd' }).click();
  await page.getByRole('heading', { name: 'Borealis Foods Ltd', level: 1 }).waitFor();
  borealis = new URL(page.url()).pathname;
});

afterAll(async () => {
  await browser?.close();
});

/** What the page needs to have drawn before it is measured: its h1 and, where it has one, a table's first row or a section. */
const PAGES: { name: string; path: () => string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'organizations', path: () => PLUGIN, ready: (p) => p.getByRole('link', { name: 'Borealis Foods Ltd' }).waitFor() },
  {
    name: 'organization',
    path: () => borealis,
    ready: async (p) => {
      await p.getByRole('region', { name: 'Entitlements' }).getByRole('row').nth(1).waitFor();
      await p.getByRole('heading', { name: 'Audit timeline' }).waitFor();
    },
  },
  {
    name: 'retention',
    path: () => `${PLUGIN}/retention`,
    ready: async (p) => {
      await p.getByRole('heading', { name: /purge queue|awaiting deletion/i }).first().waitFor();
      await p.getByRole('link', { name: 'Upcoming purges' }).waitFor();
    },
  },
  { name: 'scheduled-changes', path: () => `${PLUGIN}/scheduled-changes` },
  {
    name: 'insights',
    path: () => `${PLUGIN}/insights`,
    ready: (p) => p.locator('.recharts-bar-rectangle path').first().waitFor(),
  },
  { name: 'audit-log', path: () => `${PLUGIN}/audit`, ready: (p) => p.getByRole('row').nth(1).waitFor() },
  { name: 'settings-policies', path: () => `${SETTINGS}-policies`, ready: (p) => p.getByRole('row').nth(1).waitFor() },
  { name: 'settings-provisioning', path: () => `${SETTINGS}-provisioning`, ready: (p) => p.getByRole('row').nth(1).waitFor() },
  { name: 'settings-reasons', path: () => `${SETTINGS}-reasons`, ready: (p) => p.getByRole('row').nth(1).waitFor() },
  { name: 'settings-webhooks', path: () => `${SETTINGS}-webhooks` },
  { name: 'settings-notices', path: () => `${SETTINGS}-notices`, ready: (p) => p.getByRole('row').nth(1).waitFor() },
];

/**
 * The controls inside the page's main area whose right edge is past the window's, named for the
 * failure message. A wide table scrolls sideways in its own box, so a column heading out there
 * is reached by scrolling it; a row's last cell (its actions) must stay in view all the same.
 */
const beyondTheWindow = (p: Page) =>
  p.evaluate(() => {
    const width = window.innerWidth;
    const scrolledInto = (element: HTMLElement) => {
      for (let box = element.parentElement; box; box = box.parentElement) {
        const overflow = getComputedStyle(box).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth) return true;
      }
      return false;
    };
    const inLastCell = (element: HTMLElement) => {
      const cell = element.closest('td');
      return Boolean(cell && !cell.nextElementSibling);
    };
    const controls = document.querySelectorAll<HTMLElement>('main button, main a[href], main input, main select, main textarea, main [role="combobox"]');
    return [...controls]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 1) return false;
        return inLastCell(element) || !scrolledInto(element);
      })
      .map((element) => (element.getAttribute('aria-label') ?? element.textContent ?? element.tagName).trim().slice(0, 60));
  });

const sidewaysScroll = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each([1440, 800])('every page at %i px wide', (width) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height: 900 });
  });

  test.each(PAGES.map((entry) => [entry.name, entry] as const))('%s', async (name, entry) => {
    await page.goto(entry.path());
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await entry.ready?.(page);
    await expect(page.locator('main').getByText(/something went wrong|an error occurred/i).count()).resolves.toBe(0);
    await screenshot(page, `pages-${name}-${width}`);
    expect(await beyondTheWindow(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);
  });
});

test('Upcoming purges opens the timeline on purges, 90 days ahead; its day headings name their time zone', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${PLUGIN}/retention`);
  await page.getByRole('link', { name: 'Upcoming purges' }).click();
  await page.getByRole('heading', { name: 'Scheduled changes', level: 1 }).waitFor();
  const url = new URL(page.url());
  expect([url.pathname, url.searchParams.get('kind'), url.searchParams.get('days')]).toEqual([`${PLUGIN}/scheduled-changes`, 'purge', '90']);
  await expect(page.getByRole('combobox', { name: 'Period' }).textContent()).resolves.toBe('Next 90 days');
  await expect(page.getByRole('combobox', { name: 'Kind of change' }).textContent()).resolves.toBe('Purge');
  // Every kind, a year ahead: the demo's pending cancellation (Borealis, at its period end) is there, under a day that names its zone.
  await page.getByRole('combobox', { name: 'Kind of change' }).click();
  await page.getByRole('option', { name: 'All' }).click();
  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Next 365 days' }).click();
  await page.getByRole('link', { name: 'Borealis Foods Ltd' }).first().waitFor();
  const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
  expect(headings.length).toBeGreaterThan(0);
  for (const heading of headings) expect(heading).toMatch(/^\w+, \w+ \d{1,2}, \d{4} \((UTC|GMT[+-]?\d*|[A-Z]{2,5})\)$/);
  expect(new URL(page.url()).searchParams.get('days')).toBe('365');
});
