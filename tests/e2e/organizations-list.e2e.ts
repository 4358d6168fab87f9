/**
 * The organizations list a newcomer expected (issue 16), at 1440 px and at 800 px: create an
 * organization and edit it, sort by a column, tick two organizations and archive them in bulk,
 * the hint of a search that only matches archived organizations, and the way back from a page
 * past the last one. Each width makes its own organizations, named after it.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN, adminApi, logIn, openBrowser, screenshot } from './browser';

let browser: Browser;
let page: Page;
let token: string;

const LIST = '/admin/plugins/offboarding';

beforeAll(async () => {
  ({ data: { token } } = await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', DEMO_ADMIN));
  ({ browser, page } = await openBrowser());
  await logIn(page);
});

afterAll(async () => {
  await browser?.close();
});

const createOrg = async (name: string) =>
  (await adminApi<{ data: { documentId: string } }>(token, 'POST', '/offboarding/organizations', { name })).data.documentId;

/** The names in the list's rows, top to bottom. */
const rowNames = async () => page.locator('tbody tr').locator('a').allInnerTexts();

describe.each([1440, 800])('at %i px', (width) => {
  const tag = `List${width}`;

  beforeAll(async () => {
    await page.setViewportSize({ width, height: 900 });
  });

  test('creates an organization from the list, then edits its name', async () => {
    await page.goto(LIST);
    await page.getByRole('button', { name: 'Create organization' }).click();
    const dialog = page.getByRole('dialog');
    // Sent empty: the name is required, said next to the field.
    await dialog.getByRole('button', { name: 'Create organization' }).click();
    await dialog.getByText('This field is required.').waitFor();
    await dialog.getByLabel('Name').fill(`${tag} Created`);
    await dialog.getByLabel('Tax ID').fill('FR-42');
    await screenshot(page, `60-create-organization-${width}`);
    await dialog.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: `${tag} Created`, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Name').fill(`${tag} Renamed`);
    await screenshot(page, `61-edit-organization-${width}`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: `${tag} Renamed`, level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: `${tag} Created`, level: 1 }).count()).toBe(0);
  });

  test('sorts by name both ways, the order kept in the URL', async () => {
    for (const name of ['Alpha', 'Bravo', 'Charlie']) await createOrg(`${tag} Sort ${name}`);
    await page.goto(`${LIST}?q=${encodeURIComponent(`${tag} Sort`)}`);
    await page.getByRole('link', { name: `${tag} Sort Charlie` }).waitFor();
    expect(await rowNames()).toEqual([`${tag} Sort Alpha`, `${tag} Sort Bravo`, `${tag} Sort Charlie`]);
    const nameHeader = page.getByRole('columnheader').filter({ hasText: 'Name' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');

    await page.getByRole('button', { name: 'Sort by Name, descending' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name:desc');
    await page.locator('tbody tr').first().getByRole('link', { name: `${tag} Sort Charlie` }).waitFor();
    expect(await rowNames()).toEqual([`${tag} Sort Charlie`, `${tag} Sort Bravo`, `${tag} Sort Alpha`]);
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, `62-list-sorted-${width}`);
  });

  test('archives two selected organizations in bulk, then a search for them offers to show archived ones', async () => {
    await createOrg(`${tag} Bulk One`);
    await createOrg(`${tag} Bulk Two`);
    const query = encodeURIComponent(`${tag} Bulk`);
    await page.goto(`${LIST}?q=${query}`);
    await page.getByRole('checkbox', { name: `Select ${tag} Bulk One` }).click();
    await page.getByRole('checkbox', { name: `Select ${tag} Bulk Two` }).click();
    await page.getByText('2 organizations selected').waitFor();
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Archive these 2 organizations\?/).waitFor();
    await screenshot(page, `63-bulk-archive-confirm-${width}`);
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await dialog.getByText('2 done, 0 refused.').waitFor();
    await screenshot(page, `64-bulk-archive-summary-${width}`);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // Archived ones are hidden: the search says they exist, and shows them on request.
    await page.getByText('2 archived organizations match this search. Archived organizations are hidden.').waitFor();
    await screenshot(page, `65-archived-only-search-${width}`);
    await page.getByRole('button', { name: 'Show archived organizations' }).click();
    await page.waitForURL((url) => url.searchParams.get('archived') === 'include');
    await page.getByRole('link', { name: `${tag} Bulk One` }).waitFor();
    await page.getByRole('link', { name: `${tag} Bulk Two` }).waitFor();
  });

  test('a page past the last one links back to the first page', async () => {
    await page.goto(`${LIST}?page=99`);
    await page.getByText(/There is no page 99/).waitFor();
    await screenshot(page, `66-past-last-page-${width}`);
    await page.getByRole('link', { name: 'Go to the first page' }).click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  });
});
