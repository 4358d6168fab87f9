/**
 * The Insights page and the global audit log, on the demo data, at 1440 and 800 px wide: every
 * chart has its heading, the charts draw the demo's figures (aggregated by the API), and the
 * audit log filters through the URL, each row naming its organization and its actor.
 */
import type { Browser, Page } from 'playwright-core';
import { logIn, openBrowser, screenshot } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openBrowser());
  await logIn(page);
});

afterAll(async () => {
  await browser?.close();
});

const HEADINGS = ['Cancellations per month', 'Refunds per month', 'Revenue lost to churn', 'Entitlements by status', 'Upcoming changes and purges'];
const region = (name: string) => page.getByRole('region', { name, exact: true });

describe.each([1440, 800])('at %i px wide', (width) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height: 960 });
  });

  test('Insights: a heading per chart, and the demo data drawn and tabulated', async () => {
    await page.goto('/admin/plugins/offboarding');
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    for (const heading of HEADINGS) await page.getByRole('heading', { name: heading, level: 2 }).waitFor();

    // Driftwood's training was cancelled for business closure when the demo was seeded.
    const cancellations = region('Cancellations per month');
    await cancellations.getByRole('row').filter({ hasText: 'Business closure' }).first().waitFor();
    await cancellations.locator('.recharts-bar-rectangle path').first().waitFor();
    // The status bars: Borealis's support contract is pending cancellation, Cobalt's suspended.
    const statuses = region('Entitlements by status');
    await statuses.getByRole('row').filter({ hasText: 'Pending cancellation' }).waitFor();
    expect(await statuses.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    // Driftwood waits in the purge queue: its purge is among the next 90 days.
    // The demo's pending cancellations at least (its purges may have been extended by another file).
    await region('Upcoming changes and purges').getByRole('row').filter({ hasText: /Cancellation|Purge/ }).first().waitFor();

    // Nothing overflows the page sideways at this width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `60-insights-${width}`);
  });

  test('Audit log: filtered by organization and action through the URL, rows with names', async () => {
    await page.goto('/admin/plugins/offboarding');
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    // The newest events first: whatever the other files did lately (Driftwood's may be pages away).
    await page.locator('tbody tr').first().waitFor();

    await page.getByRole('combobox', { name: 'Organization' }).click();
    await page.getByRole('option', { name: 'Driftwood Studio', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('organization'));
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Entitlement cancelled', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'entitlement.cancelled');

    const rows = page.getByRole('row').filter({ hasText: 'Entitlement cancelled' });
    await rows.first().waitFor();
    const texts = await page.locator('tbody tr').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toContain('Driftwood Studio');
      expect(text).toContain('Entitlement cancelled');
    }
    await screenshot(page, `61-audit-log-${width}`);

    // The filters are in the URL: a reload shows the same rows.
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Entitlement cancelled' }).first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(texts.length);
  });
});
