/**
 * Issue 16's dialogs, at 1440 and at 800 px wide, in Debian's Chromium: an error shows once at
 * its field and goes when the field changes; a typed past date is kept and refused in words; a
 * date picker states its time zone; the refund preview stays in view and the confirm button
 * restates the amount (one entitlement, and all of them); policy days and a long reason label
 * are refused at their fields; Start offboarding, Run now and a policy that makes an
 * organization purgeable now ask first. Its own organizations, created through the admin API.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN, adminApi, chooseAction, eventually, logIn, openBrowser, screenshot } from './browser';

const PLUGIN = '/admin/plugins/offboarding';
const DAY = 86_400_000;
const WIDTHS = [1440, 800] as const;
const LONG_LABEL = `Customer moved every workload to an in-house platform ${'after a long evaluation '.repeat(9)}`.slice(0, 255);

let browser: Browser;
let page: Page;
let token = '';
const organizations: Record<number, string> = {};
const zeroPolicy = 'Zero retention (dialogs e2e)';
const PARIS = 'Europe/Paris';

const orgName = (width: number) => `Quillon Dialogs ${width}`;
const purgeName = (width: number) => `Quillon Closed ${width}`;
const archivedName = (width: number) => `Quillon Archived ${width}`;
const archived: Record<number, string> = {};
const closedOrgs: Record<number, string> = {};

beforeAll(async () => {
  ({ data: { token } } = await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', DEMO_ADMIN));
  const { data: policies } = await adminApi<{ data: { documentId: string; name: string }[] }>(token, 'GET', '/offboarding/policies');
  const refunds = policies.find((policy) => policy.name === 'Contract with refunds');
  if (!refunds) throw new Error('the demo policy "Contract with refunds" is missing');
  const { data: zero } = await adminApi<{ data: { documentId: string } }>(token, 'POST', '/offboarding/policies', { name: zeroPolicy, dataRetentionDays: 0 });
  await adminApi(token, 'POST', '/offboarding/reasons', { code: 'long_label_e2e', label: LONG_LABEL });
  const now = Date.now();
  const monthly = { price: 4900, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: new Date(now - 10 * DAY).toISOString(), currentPeriodEnd: new Date(now + 20 * DAY).toISOString() };
  for (const width of WIDTHS) {
    const { data: org } = await adminApi<{ data: { documentId: string } }>(token, 'POST', '/offboarding/organizations', {
      name: orgName(width),
      cancellationPolicy: refunds.documentId,
    });
    organizations[width] = org.documentId;
    const entitlements = `/offboarding/organizations/${org.documentId}/entitlements`;
    await adminApi(token, 'POST', entitlements, { class: 'PLG', name: 'Report builder license', ...monthly });
    await adminApi(token, 'POST', entitlements, { class: 'ENV', name: 'Hosted sandbox', ...monthly, price: 2500 });
    // An organization of its own in the purge queue, for Extend retention: cancelled, archived,
    // kept 0 days, flagged by the retention sweep (its review period keeps it from the purge).
    const { data: closed } = await adminApi<{ data: { documentId: string } }>(token, 'POST', '/offboarding/organizations', {
      name: purgeName(width),
      cancellationPolicy: zero.documentId,
    });
    const { data: license } = await adminApi<{ data: { documentId: string } }>(token, 'POST', `/offboarding/organizations/${closed.documentId}/entitlements`, {
      class: 'PLG',
      name: 'Old license',
      ...monthly,
    });
    await adminApi(token, 'POST', `/offboarding/entitlements/${license.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate' });
    await adminApi(token, 'POST', `/offboarding/organizations/${closed.documentId}/archive`, {});
    closedOrgs[width] = closed.documentId;
    // Cancelled and archived under the default policy (its data kept for months): a policy that
    // keeps nothing would make it purgeable at once.
    const { data: kept } = await adminApi<{ data: { documentId: string } }>(token, 'POST', '/offboarding/organizations', { name: archivedName(width) });
    const { data: seat } = await adminApi<{ data: { documentId: string } }>(token, 'POST', `/offboarding/organizations/${kept.documentId}/entitlements`, {
      class: 'PLG',
      name: 'Seat',
      ...monthly,
    });
    await adminApi(token, 'POST', `/offboarding/entitlements/${seat.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate' });
    await adminApi(token, 'POST', `/offboarding/organizations/${kept.documentId}/archive`, {});
    archived[width] = kept.documentId;
  }
  await adminApi(token, 'POST', '/offboarding/jobs/retention/run', {});
  // In Paris (UTC+1 in winter): a day-only picker once shifted the chosen day by the offset.
  ({ browser, page } = await openBrowser({ timeZone: PARIS }));
  await logIn(page);
});

afterAll(async () => {
  await browser?.close();
});

const dialog = () => page.locator('[role="dialog"], [role="alertdialog"]');
const entitlementRow = (name: string) => page.getByRole('region', { name: 'Entitlements' }).getByRole('row').filter({ hasText: name });
const dayText = (date: Date) => date.toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' });
const chooseFirstReason = async () => {
  await dialog().getByRole('combobox', { name: /reason/i }).click();
  await page.getByRole('option', { name: 'Customer request', exact: true }).click();
};
/** Whether the element lies wholly inside the window (not scrolled away). */
const inView = async (selector: ReturnType<Page['locator']>) => {
  const box = await selector.boundingBox();
  const size = page.viewportSize();
  return Boolean(box && size && box.y >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width);
};

describe.each(WIDTHS)('the dialogs at %i px', (width) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height: 900 });
  });

  const openOrganization = async () => {
    await page.goto(`${PLUGIN}/organizations/${organizations[width]}`);
    await page.getByRole('heading', { name: orgName(width), level: 1 }).waitFor();
  };

  test('an error shows once at its field and goes when the field changes', async () => {
    await openOrganization();
    await chooseAction(page, entitlementRow('Report builder license'), 'Cancel entitlement');
    await dialog().waitFor();
    await dialog().getByRole('textbox', { name: 'Notes' }).fill('n'.repeat(5001));
    await dialog().getByRole('button', { name: 'Cancel entitlement' }).click();
    await dialog().getByText('Choose the reason for the cancellation.').waitFor();
    await expect(page.getByText('Notes hold at most 5,000 characters.').count()).resolves.toBe(1);
    await chooseFirstReason();
    await dialog().getByRole('textbox', { name: 'Notes' }).fill('Moving to an in-house tool');
    await expect(dialog().getByText('Notes hold at most 5,000 characters.').count()).resolves.toBe(0);
    await expect(dialog().getByText('Choose the reason for the cancellation.').count()).resolves.toBe(0);
  });

  test('a typed past date is kept and refused in words at the field, once, with the time zone stated', async () => {
    await dialog().getByRole('radio', { name: 'On a date' }).check();
    const day = dialog().getByRole('combobox', { name: 'Day' });
    const yesterday = dayText(new Date(Date.now() - DAY));
    await day.fill(yesterday);
    await day.press('Enter');
    await dialog().getByRole('heading').first().click();
    await expect(day.inputValue()).resolves.toBe(yesterday);
    await dialog().getByText(/^Times are in .+ \(UTC/).waitFor();
    await dialog().getByRole('button', { name: 'Cancel entitlement' }).click();
    await dialog().getByText('Pick a date after now.').waitFor();
    // Once on the whole page: not in the preview, nor in a notification.
    await expect(page.getByText('Pick a date after now.').count()).resolves.toBe(1);
    await expect(page.getByText(/effectiveAt/).count()).resolves.toBe(0);
    await screenshot(page, `dialogs-${width}-01-past-date`);
    await day.fill(dayText(new Date(Date.now() + 3 * DAY)));
    await day.press('Enter');
    await dialog().getByRole('heading').first().click();
    await expect(dialog().getByText('Pick a date after now.').count()).resolves.toBe(0);
  });

  test('the refund preview stays in view and the confirm button restates the amount', async () => {
    await dialog().getByRole('radio', { name: 'Immediately' }).check();
    await dialog().getByRole('radio', { name: 'Prorated' }).check();
    const confirm = dialog().getByRole('button', { name: /^Cancel and refund / });
    await confirm.waitFor();
    const refund = ((await dialog().getByTestId('cancel-preview-refund').textContent()) ?? '').trim();
    expect(refund).toMatch(/^€\d+\.\d{2}$/);
    await expect(confirm.textContent()).resolves.toBe(`Cancel and refund ${refund}`);
    await expect(inView(dialog().getByTestId('cancel-preview'))).resolves.toBe(true);
    await expect(inView(confirm)).resolves.toBe(true);
    await screenshot(page, `dialogs-${width}-02-cancel-refund`);
    await confirm.click();
    await dialog().waitFor({ state: 'detached' });
    await entitlementRow('Report builder license').getByText(refund).first().waitFor();
    // Its notification lies wholly inside the window, its Close button too.
    const toast = page.locator('[data-sonner-toast]').first();
    await toast.waitFor();
    const rightmost = await toast.evaluate((element) => Math.max(...[element, ...element.querySelectorAll('*')].map((node) => node.getBoundingClientRect().right)));
    expect(rightmost).toBeLessThanOrEqual(width);
    await toast.getByRole('button', { name: 'Close' }).click();
  });

  test('cancel all previews each refund and its total, and its button restates it', async () => {
    await page.getByRole('button', { name: 'Cancel all entitlements' }).click();
    await dialog().waitFor();
    // The same default timing as the single cancel, and the same dismiss label.
    await expect(dialog().getByRole('radio', { name: 'At the end of each billing period' }).isChecked()).resolves.toBe(true);
    await dialog().getByRole('button', { name: 'Go back' }).waitFor();
    await chooseFirstReason();
    await dialog().getByRole('radio', { name: 'Immediately' }).check();
    await dialog().getByRole('radio', { name: 'Prorated' }).check();
    const total = dialog().getByTestId('cancel-all-preview-total');
    // The preview follows the refund mode once the server answered: a positive prorated total.
    const amount = await eventually(async () => ((await total.textContent()) ?? '').trim(), (text) => /[1-9]/.test(text));
    expect(amount).toMatch(/^€\d+\.\d{2}$/);
    const confirm = dialog().getByRole('button', { name: `Cancel all and refund ${amount}` });
    await confirm.waitFor();
    await expect(inView(total)).resolves.toBe(true);
    await screenshot(page, `dialogs-${width}-03-cancel-all`);
    await confirm.click();
    await dialog().waitFor({ state: 'detached' });
    await entitlementRow('Hosted sandbox').getByText('Cancelled').first().waitFor();
  });

  test('a policy that makes the organization purgeable now warns and asks for a yes; one that cannot, says its new retention date', async () => {
    const choose = async () => {
      await page.getByRole('button', { name: 'Change policy' }).click();
      await dialog().waitFor();
      await dialog().getByRole('combobox', { name: 'Policy' }).click();
      await page.getByRole('option', { name: zeroPolicy, exact: true }).click();
    };
    // Cancelled but not archived: nothing can be purged yet, whatever the policy (the server says so).
    await choose();
    await dialog().getByTestId('policy-retention').getByText(/^Its data would be kept until /).waitFor();
    await expect(dialog().getByTestId('purgeable-warning').count()).resolves.toBe(0);
    await dialog().getByRole('button', { name: 'Save policy' }).waitFor();
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });

    await page.goto(`${PLUGIN}/organizations/${archived[width]}`);
    await page.getByRole('heading', { name: archivedName(width), level: 1 }).waitFor();
    await choose();
    await dialog().getByTestId('purgeable-warning').getByText(/deleted for good on /).waitFor();
    await dialog().getByRole('button', { name: 'Save and queue for purge' }).click();
    await dialog().getByText('Confirm that the organization may be purged.').waitFor();
    await screenshot(page, `dialogs-${width}-04-purgeable-policy`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
    await openOrganization();
  });

  test('Start offboarding asks first', async () => {
    await page.getByRole('button', { name: 'Start offboarding' }).click();
    await dialog().getByText(/cannot be unstarted/).waitFor();
    await screenshot(page, `dialogs-${width}-05-start-offboarding`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Start offboarding' }).waitFor();
  });

  test('Run now on the purge sweep asks first, in words of what it deletes', async () => {
    await page.goto(`${PLUGIN}/retention`);
    const purge = page.getByRole('row').filter({ hasText: 'Purge' }).filter({ has: page.getByRole('button', { name: 'Run now' }) }).first();
    await purge.getByRole('button', { name: 'Run now' }).click();
    await dialog().getByText(/deleted now, for good/).waitFor();
    await screenshot(page, `dialogs-${width}-06-run-purge`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('Extend retention keeps a typed past date and refuses it at the field', async () => {
    await page.goto(`${PLUGIN}/retention`);
    await page.getByRole('row').filter({ hasText: purgeName(width) }).getByRole('button', { name: 'Extend' }).click();
    await dialog().waitFor();
    const until = dialog().getByRole('combobox', { name: /keep the data until/i });
    const lastWeek = dayText(new Date(Date.now() - 7 * DAY));
    await until.fill(lastWeek);
    await until.press('Enter');
    await dialog().getByRole('heading').first().click();
    await expect(until.inputValue()).resolves.toBe(lastWeek);
    await dialog().getByRole('textbox', { name: /reason/i }).fill('Audit');
    await dialog().getByRole('button', { name: 'Extend retention' }).click();
    await dialog().getByText('Pick a date after now.').waitFor();
    await expect(page.getByText('Pick a date after now.').count()).resolves.toBe(1);
    await dialog().getByText(/^Times are in /).waitFor();
    await screenshot(page, `dialogs-${width}-07-extend-past`);
    // A later day, typed, is kept as typed and saved as that day's start in the browser's zone.
    const later = new Date(Date.now() + 40 * DAY);
    const laterText = later.toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric', timeZone: PARIS });
    await until.fill(laterText);
    await until.press('Enter');
    await dialog().getByRole('heading').first().click();
    await expect(until.inputValue()).resolves.toBe(laterText);
    await dialog().getByRole('button', { name: 'Extend retention' }).click();
    await dialog().waitFor({ state: 'detached' });
    const { data: closed } = await adminApi<{ data: { retention: { retentionExtendedUntil: string } } }>(token, 'GET', `/offboarding/organizations/${closedOrgs[width]}`);
    const saved = new Date(closed.retention.retentionExtendedUntil);
    expect(saved.toLocaleString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: PARIS })).toBe(`${laterText}, 00:00`);
  });

  test('policy days out of bounds are refused at their fields', async () => {
    await page.goto('/admin/settings/offboarding-policies');
    await page.getByRole('button', { name: 'Edit Contract with refunds' }).click();
    await dialog().waitFor();
    await dialog().getByRole('textbox', { name: /Portal visibility \(days\)/ }).fill('-5');
    await dialog().getByRole('textbox', { name: /Data retention \(days\)/ }).fill('99999999999');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect(dialog().getByText('A whole number of days from 0 to 36,500.').count()).resolves.toBe(2);
    await expect(page.getByText(/errors occurred/).count()).resolves.toBe(0);
    await screenshot(page, `dialogs-${width}-08-policy-days`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('a reason label is counted and refused over 255; a long one is cut with an ellipsis in the table', async () => {
    await page.goto('/admin/settings/offboarding-reasons');
    const cell = page.locator(`[title="${LONG_LABEL}"]`);
    await cell.waitFor();
    const box = await cell.boundingBox();
    expect(box?.width ?? Infinity).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: 'Create reason' }).click();
    await dialog().waitFor();
    await dialog().getByRole('textbox', { name: /Code/ }).fill(`long_${width}`);
    await dialog().getByRole('textbox', { name: /Label/ }).fill('x'.repeat(600));
    await dialog().getByText('600 of 255 characters').waitFor();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByText('At most 255 characters: 600 now.').waitFor();
    await screenshot(page, `dialogs-${width}-09-reason-label`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
  });
});
