/**
 * Issue 15 in the admin panel (docs/spec.md §13), in Debian's Chromium against the app started
 * as the README says: a prospect activated, a pause with a resume date, a suspension on a date,
 * both listed on the Scheduled changes page, the dated suspension undone there, and the policy
 * page's dunning stages editor refusing an out-of-order list. Its own organization, created
 * through the admin API, so the other e2e files' demo organizations are untouched.
 * The steps share one browser page and run in order.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_ADMIN, adminApi, chooseAction, logIn, openBrowser, screenshot } from './browser';

const ORG = 'Halcyon Pause Works';
const PLUGIN = '/admin/plugins/offboarding';
const DAY = 86_400_000;

let browser: Browser;
let page: Page;
let organizationId = '';

beforeAll(async () => {
  const { data: session } = await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', DEMO_ADMIN);
  const token = session.token;
  const { data: organization } = await adminApi<{ data: { documentId: string } }>(token, 'POST', '/offboarding/organizations', {
    name: ORG,
    email: 'billing@halcyon.example',
  });
  organizationId = organization.documentId;
  const now = Date.now();
  const monthly = { price: 2500, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: new Date(now - 5 * DAY).toISOString(), currentPeriodEnd: new Date(now + 25 * DAY).toISOString() };
  const entitlements = `/offboarding/organizations/${organizationId}/entitlements`;
  await adminApi(token, 'POST', entitlements, { class: 'PLG', name: 'Seasonal plugin license', ...monthly });
  await adminApi(token, 'POST', entitlements, { class: 'ENV', name: 'Staging environment', ...monthly });
  await adminApi(token, 'POST', entitlements, { class: 'SVC', name: 'Trial support', price: 0, currency: 'EUR', billingPeriod: 'none', status: 'prospect' });
  ({ browser, page } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
});

const dialog = () => page.locator('[role="dialog"], [role="alertdialog"]');
const entitlementRow = (name: string) => page.getByRole('region', { name: 'Entitlements' }).getByRole('row').filter({ hasText: name });

const openOrganization = async () => {
  await page.goto(`${PLUGIN}/organizations/${organizationId}`);
  await page.getByRole('heading', { name: ORG, level: 1 }).waitFor();
};

/** Types a day into the design system's date field ("Day") of a date-and-time picker. */
const pickDay = async (scope: Locator, date: Date) => {
  const input = scope.getByRole('combobox', { name: 'Day' });
  await input.fill(date.toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' }));
  await input.press('Enter');
  // The calendar stays open after Enter: a click on the dialog's title closes it (the next click would only dismiss it).
  await scope.getByRole('heading').first().click();
};

describe('pause, prospects, dated changes and dunning stages in the admin panel', () => {
  test('an admin logs in', async () => {
    await logIn(page);
  });

  test('a prospect is shown as such and activated', async () => {
    await openOrganization();
    const row = entitlementRow('Trial support');
    await row.getByText('Prospect', { exact: true }).waitFor();
    await chooseAction(page, row, 'Activate');
    await dialog().getByText('It cannot return to prospect afterwards.').waitFor();
    await dialog().getByRole('button', { name: 'Activate' }).click();
    await dialog().waitFor({ state: 'detached' });
    await row.getByText('Active', { exact: true }).waitFor();
  });

  test('an entitlement is paused until a date with its portal closed', async () => {
    const row = entitlementRow('Seasonal plugin license');
    await chooseAction(page, row, 'Pause');
    await dialog().waitFor();
    // Sent without a reason: the field says what is missing.
    await dialog().getByRole('button', { name: 'Pause' }).click();
    await dialog().getByText('Choose the reason for the pause.').waitFor();
    await dialog().getByRole('combobox', { name: /reason/i }).click();
    await page.getByRole('option').first().click();
    await dialog().getByRole('radiogroup', { name: 'Resumes' }).getByRole('radio', { name: 'On a date' }).check();
    await pickDay(dialog(), new Date(Date.now() + 10 * DAY));
    await dialog().getByRole('radio', { name: 'Close it' }).check();
    await screenshot(page, 'lifecycle-01-pause-dialog');
    await dialog().getByRole('button', { name: 'Pause' }).click();
    await dialog().waitFor({ state: 'detached' });
    await row.getByText('Paused', { exact: true }).waitFor();
    await row.getByText(/^Resumes /).waitFor();
    await row.getByText('Portal closed').waitFor();
  });

  test('a suspension is scheduled for a date: nothing changes until then', async () => {
    const row = entitlementRow('Staging environment');
    await chooseAction(page, row, 'Suspend');
    await dialog().waitFor();
    await dialog().getByRole('radio', { name: 'Manual' }).check();
    await dialog().getByRole('radiogroup', { name: 'When' }).getByRole('radio', { name: 'On a date' }).check();
    await pickDay(dialog(), new Date(Date.now() + 5 * DAY));
    await dialog().getByRole('button', { name: 'Suspend' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText(/^Scheduled for /).first().waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    // The organization's own timeline lists both changes.
    const upcoming = page.getByRole('region', { name: 'Upcoming changes' });
    await upcoming.getByText('Suspension', { exact: true }).waitFor();
    await upcoming.getByText('End of pause', { exact: true }).waitFor();
    await screenshot(page, 'lifecycle-02-organization-upcoming');
  });

  test('the Scheduled changes page lists them and the dated suspension is undone there', async () => {
    await page.goto(PLUGIN);
    await page.getByRole('link', { name: 'Scheduled changes' }).click();
    await page.getByRole('heading', { name: 'Scheduled changes', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Organization' }).click();
    await page.getByRole('option', { name: ORG, exact: true }).click();
    const suspension = page.getByRole('row').filter({ hasText: 'Suspension' }).filter({ hasText: 'Staging environment' });
    await suspension.waitFor();
    await page.getByRole('row').filter({ hasText: 'End of pause' }).filter({ hasText: 'Seasonal plugin license' }).waitFor();
    await screenshot(page, 'lifecycle-03-scheduled-changes');
    await suspension.getByRole('button', { name: 'Undo' }).click();
    await dialog().getByText(/will not happen/).waitFor();
    await dialog().getByRole('button', { name: 'Undo' }).click();
    await dialog().waitFor({ state: 'detached' });
    await suspension.waitFor({ state: 'detached' });
    await openOrganization();
    await page.getByRole('region', { name: 'Upcoming changes' }).getByText('End of pause', { exact: true }).waitFor();
    await expect(page.getByRole('region', { name: 'Upcoming changes' }).getByText('Suspension', { exact: true }).count()).resolves.toBe(0);
  });

  test('the policy page refuses dunning stages out of order, at the stage', async () => {
    await page.goto('/admin/settings/offboarding-policies');
    await page.getByRole('button', { name: 'Edit Contract with refunds' }).click();
    await dialog().waitFor();
    await dialog().getByRole('radio', { name: 'Dunning stages' }).check();
    const days = dialog().getByRole('group', { name: 'Dunning stages' }).getByRole('textbox', { name: /After \(days\)/ });
    // Starts from what the grace period does: 0, 23, 29 and cancel at 30.
    await expect(days.count()).resolves.toBe(4);
    await days.nth(2).fill('5');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByText('Must be more days than the stage before: stages are in increasing days.').waitFor();
    await screenshot(page, 'lifecycle-04-dunning-refused');
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
  });
});
