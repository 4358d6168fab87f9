/**
 * An admin whose role only reads the plugin sees every page but no button for what the role
 * does not allow (the API refuses those too: tests/integration/rbac.test.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN, adminApi, logIn, openBrowser, registerAdmin, screenshot } from './browser';

const READER = { email: 'reader@offboarding.local', password: 'Reader-Demo-1', firstname: 'Read', lastname: 'Only' };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  // A role holding only plugin::offboarding.read, and an admin with that role.
  const { data: session } = await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', DEMO_ADMIN);
  const { data: role } = await adminApi<{ data: { id: number } }>(session.token, 'POST', '/admin/roles', { name: 'Offboarding reader', description: 'reads the offboarding plugin' });
  await adminApi(session.token, 'PUT', `/admin/roles/${role.id}/permissions`, {
    permissions: [{ action: 'plugin::offboarding.read', subject: null, properties: {}, conditions: [] }],
  });
  await registerAdmin(session.token, READER, role.id);
  ({ browser, page } = await openBrowser());
  await logIn(page, READER);
});

afterAll(async () => {
  await browser?.close();
});

const buttonCount = (name: string) => page.getByRole('button', { name, exact: true }).count();

describe('a read-only admin', () => {
  test('sees an organization and its entitlements but no action buttons', async () => {
    await page.goto('/admin/plugins/offboarding');
    await page.getByRole('link', { name: 'Borealis Foods Ltd' }).click();
    await page.getByRole('heading', { name: 'Borealis Foods Ltd', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Entitlements' }).getByRole('row').filter({ hasText: 'Premium support contract' }).waitFor();
    await page.getByRole('heading', { name: 'Audit timeline' }).waitFor();
    await page.getByRole('region', { name: 'Access', exact: true }).getByText('Pending cancellation', { exact: true }).waitFor();
    await screenshot(page, '20-read-only-organization');
    // Borealis has a cancellation pending: an admin allowed to cancel would see "Undo cancellation".
    for (const name of ['Undo cancellation', 'Cancel entitlement', 'Suspend', 'Cancel all entitlements', 'Archive', 'Disable access', 'Generate data export', 'Delete', 'Start offboarding', 'Change policy', 'Invite collaborator', 'Resend', 'Revoke', 'Remove']) {
      expect([name, await buttonCount(name)]).toEqual([name, 0]);
    }
    // Nor the menus that hold the rarer actions (a row's, the header's "More actions").
    await expect(page.getByRole('button', { name: /^Actions for / }).count()).resolves.toBe(0);
    await expect(buttonCount('More actions')).resolves.toBe(0);
  });

  test('sees the retention queue without Extend or Legal hold', async () => {
    await page.goto('/admin/plugins/offboarding/retention');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('heading', { name: /purge queue/i }).first().waitFor();
    await screenshot(page, '21-read-only-retention');
    for (const name of ['Extend', 'Legal hold', 'Lift hold', 'Run now']) {
      expect([name, await buttonCount(name)]).toEqual([name, 0]);
    }
  });
});
