/**
 * Panel features no other browser test covers, at 1440 px and at 800 px: the list's CSV export
 * of a search, the status cards following "Show archived", the bulk "Generate export" and
 * "Cancel at period end" with their per-organization result, a checklist step reopened with its
 * reason, Unarchive (its words about the portal follow the access switch; the checklist's Archive
 * step opens again), the audit timeline naming policies, and the header's "More actions" menu
 * placing a legal hold. Then, at 1440 px, a refusal of the API shown in French. Its own
 * organizations and policies, created through the admin API and named after the width.
 */
import fs from 'fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_ADMIN, adminApi, apiBase, chooseAction, eventually, logIn, openBrowser, registerAdmin, screenshot } from './browser';

const LIST = '/admin/plugins/offboarding';
const DAY = 86_400_000;
const WIDTHS = [1440, 800] as const;
const POLICY_A = 'Kestrel policy Aster';
const POLICY_B = 'Kestrel policy Birch';
/** A document's id as Strapi makes them: what the timeline must never show instead of a name. */
const DOCUMENT_ID = /\b[a-z0-9]{24}\b/;
/** A code such as `cancel_entitlements` or `customer_request`: the timeline says it in words. */
const SNAKE_CODE = /\b[a-z]+(?:_[a-z]+)+\b/;

let browser: Browser;
let page: Page;
let token = '';

type Id = { data: { documentId: string } };
const ids: Record<string, string> = {};

const monthly = () => {
  const now = Date.now();
  return { price: 3900, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: new Date(now - 10 * DAY).toISOString(), currentPeriodEnd: new Date(now + 20 * DAY).toISOString() };
};
const createOrg = async (name: string, extra: Record<string, unknown> = {}) => {
  const { data } = await adminApi<Id>(token, 'POST', '/offboarding/organizations', { name, ...extra });
  ids[name] = data.documentId;
  return data.documentId;
};
const addSeat = async (organization: string) =>
  (await adminApi<Id>(token, 'POST', `/offboarding/organizations/${organization}/entitlements`, { class: 'PLG', name: 'Seat', ...monthly() })).data.documentId;
const cancelNow = (entitlement: string) =>
  adminApi(token, 'POST', `/offboarding/entitlements/${entitlement}/cancel`, { reason: 'customer_request', timing: 'immediate' });
const checklistStep = (organization: string, step: string, verb: 'complete' | 'skip', body: Record<string, unknown>) =>
  adminApi(token, 'POST', `/offboarding/organizations/${organization}/checklist/steps/${step}/${verb}`, body);
/** Waits for the checklist's automatic steps to tick (deprovisioning runs in the background). */
const waitForCurrentStep = (organization: string, step: string) =>
  eventually(
    async () => (await adminApi<{ data: { current: string | null } }>(token, 'GET', `/offboarding/organizations/${organization}/checklist`)).data.current,
    (current) => current === step,
  );

const names = (width: number) => {
  const tag = `Kestrel ${width}`;
  return {
    csv: [`${tag} Csv Alpha`, `${tag} Csv Bravo`],
    csvArchived: `${tag} Csv Charlie`,
    statsClosed: `${tag} Stats Closed`,
    bulk: [`${tag} Bulk Alpha`, `${tag} Bulk Bravo`],
    bulkEmpty: `${tag} Bulk Charlie`,
    checklist: `${tag} Checklist`,
    unarchive: `${tag} Unarchive`,
    policy: `${tag} Policy`,
    link: `${tag} Link`,
  };
};

/** Every width's organizations, in the states its tests start from. */
const makeData = async (width: number) => {
  const n = names(width);
  for (const name of n.csv) await createOrg(name, { email: `billing@${name.toLowerCase().replace(/\s+/g, '-')}.example` });
  await adminApi(token, 'POST', `/offboarding/organizations/${await createOrg(n.csvArchived)}/archive`, {});

  const closed = await createOrg(n.statsClosed);
  await cancelNow(await addSeat(closed));
  await adminApi(token, 'POST', `/offboarding/organizations/${closed}/archive`, {});

  for (const name of n.bulk) await addSeat(await createOrg(name));
  await createOrg(n.bulkEmpty);

  // Started, its first step done by hand, the cancellation and clean-up ticked themselves.
  const checklist = await createOrg(n.checklist);
  const seat = await addSeat(checklist);
  await adminApi(token, 'POST', `/offboarding/organizations/${checklist}/checklist/start`, {});
  await checklistStep(checklist, 'review_entitlements', 'complete', { note: 'One seat' });
  await cancelNow(seat);
  await waitForCurrentStep(checklist, 'data_export');

  // Offboarded to the end: archived, checklist complete, portal access switched off.
  const unarchive = await createOrg(n.unarchive);
  const license = await addSeat(unarchive);
  await adminApi(token, 'POST', `/offboarding/organizations/${unarchive}/checklist/start`, {});
  await checklistStep(unarchive, 'review_entitlements', 'complete', {});
  await cancelNow(license);
  await waitForCurrentStep(unarchive, 'data_export');
  await checklistStep(unarchive, 'data_export', 'skip', { reason: 'Nothing to hand over' });
  await checklistStep(unarchive, 'notify_customer', 'complete', {});
  await adminApi(token, 'POST', `/offboarding/organizations/${unarchive}/archive`, {});
  await adminApi(token, 'POST', `/offboarding/organizations/${unarchive}/disable`, { reason: 'Closed account' });

  await createOrg(n.policy, { cancellationPolicy: ids[POLICY_A] });

  // Closed, with a customer export whose link the customer may still use.
  const link = await createOrg(n.link);
  await cancelNow(await addSeat(link));
  await adminApi(token, 'POST', `/offboarding/organizations/${link}/exports`, { profile: 'customer' });
};

beforeAll(async () => {
  ({ data: { token } } = await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', DEMO_ADMIN));
  for (const [name, days] of [[POLICY_A, 400], [POLICY_B, 200]] as const) {
    ids[name] = (await adminApi<Id>(token, 'POST', '/offboarding/policies', { name, dataRetentionDays: days })).data.documentId;
  }
  await Promise.all(WIDTHS.map(makeData));
  ({ browser, page } = await openBrowser());
  await logIn(page);
});

afterAll(async () => {
  await browser?.close();
});

const dialog = () => page.locator('[role="dialog"], [role="alertdialog"]');
const region = (name: string) => page.getByRole('region', { name, exact: true });
const checklistStepItem = (title: string) => region('Offboarding checklist').getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
/** The number on a status card of the list page, and the words under it. */
const statCard = (label: string) => {
  const value = page.locator(`xpath=//span[normalize-space(.)="${label}"]/following-sibling::p[1]`);
  return { value, hint: value.locator('xpath=following-sibling::span[1]') };
};
const numberIn = async (locator: Locator) => Number(((await locator.textContent()) ?? '').replace(/[^0-9]/g, ''));
/** The organizations listed (rows with a link to an organization; an empty list has none). */
const listedNames = () => page.locator('tbody tr').getByRole('link').allInnerTexts();
const openOrganization = async (name: string) => {
  await page.goto(`${LIST}/organizations/${ids[name]}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
};
const moreActions = async () => {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menu').waitFor();
};

describe.each(WIDTHS)('at %i px', (width) => {
  const n = names(width);

  beforeAll(async () => {
    await page.setViewportSize({ width, height: 900 });
  });

  test('"Export CSV" downloads the list as searched: a header line, then the organizations found', async () => {
    const search = `Kestrel ${width} Csv`;
    await page.goto(`${LIST}?q=${encodeURIComponent(search)}`);
    await page.getByRole('link', { name: n.csv[1] }).waitFor();
    // Charlie is archived: neither listed nor exported while archived organizations are hidden.
    await expect(listedNames()).resolves.toEqual(n.csv);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs.readFileSync(await download.path(), 'utf8').split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe('id,name,tax_id,email,status,portal_access,archived_at,last_cancelled_at,retained_until,purge_state,legal_hold,created_at');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((row) => row[1])).toEqual(n.csv);
    expect(rows.map((row) => row[0])).toEqual(n.csv.map((name) => ids[name]));
    expect(rows[0][3]).toBe(`billing@kestrel-${width}-csv-alpha.example`);
    await screenshot(page, `gaps-${width}-01-csv`);
  });

  test('the status cards follow "Show archived" and count what the list shows', async () => {
    const cancelled = statCard('Cancelled');
    /**
     * The Cancelled card and the rows of the list filtered on Cancelled, once both are loaded;
     * read again after a reload until they agree (other files change organizations meanwhile).
     */
    const cardAndList = async (archived: boolean) => {
      let reload = false;
      return eventually(
        async () => {
          if (reload) await page.reload();
          reload = true;
          await page.locator('tbody tr').or(page.getByText('No organization matches this search and filter.')).first().waitFor();
          await cancelled.value.filter({ hasText: /\d/ }).waitFor();
          await expect(cancelled.hint.textContent()).resolves.toBe(archived ? 'Archived included' : 'Archived not included');
          return { card: await numberIn(cancelled.value), listed: (await listedNames()).length };
        },
        ({ card, listed }) => card === listed,
      );
    };
    await page.goto(`${LIST}?status=cancelled&pageSize=100`);
    const hidden = await cardAndList(false);
    await expect(listedNames()).resolves.not.toContain(n.statsClosed);

    // Ticked on the page: the card changes with the list, archived organizations now counted.
    await page.getByRole('checkbox', { name: 'Show archived' }).click();
    await page.waitForURL((url) => url.searchParams.get('archived') === 'include');
    await page.getByRole('link', { name: n.statsClosed }).waitFor();
    const shown = await cardAndList(true);
    expect(shown.card).toBeGreaterThan(hidden.card);
    await screenshot(page, `gaps-${width}-02-stats-archived`);
  });

  test('bulk "Generate export" and "Cancel at period end" say how each organization fared, and change them', async () => {
    const selection = [...n.bulk, n.bulkEmpty];
    const select = async () => {
      for (const name of selection) await page.getByRole('checkbox', { name: `Select ${name}` }).click();
      await page.getByText('3 organizations selected').waitFor();
    };
    await page.goto(`${LIST}?q=${encodeURIComponent(`Kestrel ${width} Bulk`)}`);
    await page.getByRole('link', { name: n.bulkEmpty }).waitFor();
    await select();

    await page.getByRole('button', { name: 'Generate export', exact: true }).click();
    await dialog().getByText('Generate a data export of these 3 organizations?').waitFor();
    await dialog().getByText(selection.join(', ')).waitFor();
    await dialog().getByRole('button', { name: 'Generate export', exact: true }).click();
    await dialog().getByText('3 done, 0 refused.').waitFor();
    await expect(dialog().getByRole('listitem').count()).resolves.toBe(0);
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });

    // The selection went with the summary: tick them again.
    await expect(page.getByText(/organizations? selected/).count()).resolves.toBe(0);
    await select();
    await page.getByRole('button', { name: 'Cancel at period end', exact: true }).click();
    await dialog().getByText(/Cancel every open entitlement of these 3 organizations at the end of its billing period\?/).waitFor();
    // The reason is required, said at its field.
    await dialog().getByRole('button', { name: 'Cancel at period end', exact: true }).click();
    await dialog().getByText('This field is required.').waitFor();
    await dialog().getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Customer request', exact: true }).click();
    await dialog().getByRole('button', { name: 'Cancel at period end', exact: true }).click();
    await dialog().getByText('2 done, 1 refused.').waitFor();
    // The refused one by name, with the reason in words.
    const refused = dialog().getByRole('listitem');
    await expect(refused.allInnerTexts()).resolves.toEqual([`${n.bulkEmpty}: The organization has no entitlement left to cancel.`]);
    await screenshot(page, `gaps-${width}-03-bulk-summary`);
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });

    for (const name of n.bulk) {
      await page.getByRole('row').filter({ has: page.getByRole('link', { name }) }).getByText('Pending cancellation', { exact: true }).waitFor();
    }
    await openOrganization(n.bulk[0]);
    await region('Entitlements').getByRole('row').filter({ hasText: 'Seat' }).getByText('Pending cancellation', { exact: true }).first().waitFor();
    await region('Data exports').getByText('Admin export (everything)').waitFor();
    await screenshot(page, `gaps-${width}-04-bulk-organization`);
  });

  test('a done checklist step is reopened with a required reason, and the timeline says so in words', async () => {
    await openOrganization(n.checklist);
    const review = checklistStepItem('Review entitlements');
    await review.getByText('Done', { exact: true }).waitFor();
    await checklistStepItem('Cancel entitlements').getByText('Done', { exact: true }).waitFor();
    // An automatic step whose condition holds would tick itself again: it offers no Reopen.
    await expect(checklistStepItem('Cancel entitlements').getByRole('button', { name: 'Reopen' }).count()).resolves.toBe(0);

    await review.getByRole('button', { name: 'Reopen' }).click();
    await dialog().getByRole('heading', { name: 'Reopen "Review entitlements"' }).waitFor();
    await dialog().getByRole('button', { name: 'Reopen step' }).click();
    const reason = dialog().getByRole('textbox', { name: 'Reason' });
    await dialog().getByText('Say why this step is reopened.').waitFor();
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, `gaps-${width}-05-reopen-required`);
    await reason.fill(`A second seat was found (${width})`);
    await dialog().getByRole('button', { name: 'Reopen step' }).click();
    await dialog().waitFor({ state: 'detached' });

    await review.getByText('Current', { exact: true }).waitFor();
    await review.getByRole('button', { name: 'Mark as done' }).waitFor();
    await checklistStepItem('Cancel entitlements').getByText('Waiting', { exact: true }).waitFor();

    const timeline = region('Audit timeline');
    const newest = timeline.getByRole('listitem').first();
    await newest.getByText('Checklist step reopened', { exact: true }).waitFor();
    await newest.getByText(`Why: A second seat was found (${width})`).waitFor();
    await newest.getByText(/Reopened:\s*Review entitlements, Cancel entitlements, Downstream cleanup/).waitFor();
    // The step's state in the panel's words, and the step, unchanged, not listed as a change.
    await newest.getByText(/State:\s*Done → Open/).waitFor();
    await expect(newest.getByText(/Step:/).count()).resolves.toBe(0);
    expect((await timeline.innerText()).match(SNAKE_CODE)).toBeNull();
    await newest.scrollIntoViewIfNeeded();
    await screenshot(page, `gaps-${width}-06-reopened`);
  });

  test('Unarchive speaks of the portal as the access switch stands, and reopens the Archive step', async () => {
    await openOrganization(n.unarchive);
    const checklist = region('Offboarding checklist');
    await checklist.getByText('Offboarding complete').waitFor();
    await checklistStepItem('Archive').getByText('Done', { exact: true }).waitFor();

    // Access switched off: the portal stays closed, whatever unarchiving does.
    await page.getByRole('button', { name: 'Unarchive', exact: true }).click();
    await dialog().getByText(/Its portal stays closed: portal access is switched off\./).waitFor();
    await expect(dialog().getByText(/opens again/).count()).resolves.toBe(0);
    await screenshot(page, `gaps-${width}-07-unarchive-access-off`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });

    await chooseAction(page, page, 'Enable access', 'More actions');
    await dialog().getByRole('button', { name: 'Enable access' }).click();
    await dialog().waitFor({ state: 'detached' });
    // The page reloads the organization: its "Access disabled" badge goes.
    await eventually(() => page.getByText('Access disabled', { exact: true }).count(), (count) => count === 0);

    await page.getByRole('button', { name: 'Unarchive', exact: true }).click();
    await dialog().getByText(/Its portal opens again as far as its entitlements allow/).waitFor();
    await expect(dialog().getByText(/stays closed/).count()).resolves.toBe(0);
    await dialog().getByRole('button', { name: 'Unarchive', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
    await checklistStepItem('Archive').getByText('Current', { exact: true }).waitFor();
    await expect(checklist.getByText('Offboarding complete').count()).resolves.toBe(0);
    const newest = region('Audit timeline').getByRole('listitem').first();
    await newest.getByText('Checklist step reopened', { exact: true }).waitFor();
    await newest.getByText('Why: the organization was unarchived', { exact: true }).waitFor();
    await screenshot(page, `gaps-${width}-08-unarchived`);
  });

  test('Archive warns that a ready customer export’s link stops working', async () => {
    await eventually(
      async () => (await adminApi<{ data: { state: string }[] }>(token, 'GET', `/offboarding/organizations/${ids[n.link]}/exports`)).data.map((e) => e.state),
      (states) => states.includes('ready'),
    );
    await openOrganization(n.link);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await dialog().getByTestId('archive-customer-link-warning').getByText(/^The customer’s download link \(ready until .+\) will stop working/).waitFor();
    await screenshot(page, `gaps-${width}-08b-archive-link-warning`);
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('the audit timeline names the policies of a policy change, never their ids', async () => {
    await openOrganization(n.policy);
    await page.getByRole('button', { name: 'Change policy' }).click();
    await dialog().getByRole('combobox', { name: 'Policy' }).click();
    await page.getByRole('option', { name: POLICY_B, exact: true }).click();
    // Saved once the server said what the policy changes.
    await dialog().getByTestId('policy-retention').waitFor();
    await dialog().getByRole('button', { name: 'Save policy' }).click();
    await dialog().waitFor({ state: 'detached' });

    const timeline = region('Audit timeline');
    const newest = timeline.getByRole('listitem').filter({ hasText: 'Organization updated' }).first();
    await newest.getByText(`${POLICY_A} → ${POLICY_B}`).waitFor();
    const text = await timeline.innerText();
    expect(text.match(DOCUMENT_ID)).toBeNull();
    expect(text).not.toContain(ids[POLICY_A]);
    await newest.scrollIntoViewIfNeeded();
    await screenshot(page, `gaps-${width}-09-policy-timeline`);
  });

  test('"More actions" holds access, legal hold and Delete; Legal hold places a hold', async () => {
    await moreActions();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem').allInnerTexts()).resolves.toEqual(['Disable access', 'Legal hold', 'Delete']);
    await screenshot(page, `gaps-${width}-10-more-actions`);
    await menu.getByRole('menuitem', { name: 'Legal hold' }).click();
    await dialog().getByRole('heading', { name: `Place ${n.policy} under legal hold` }).waitFor();
    await dialog().getByRole('button', { name: 'Place legal hold' }).click();
    await dialog().getByText('This field is required.').waitFor();
    await dialog().getByRole('textbox', { name: /reason/i }).fill(`Litigation KES-${width}`);
    await dialog().getByRole('button', { name: 'Place legal hold' }).click();
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('main').getByText('Legal hold', { exact: true }).first().waitFor();
    const retention = region('Retention');
    await retention.getByText('On hold', { exact: true }).waitFor();
    await retention.getByText(new RegExp(`Litigation KES-${width}`)).waitFor();
    // Under hold, the menu offers to lift it, and Delete says why it is refused.
    await moreActions();
    await menu.getByRole('menuitem', { name: 'Lift hold' }).waitFor();
    const remove = menu.getByRole('menuitem', { name: /^Delete/ });
    await expect(remove.getAttribute('aria-disabled')).resolves.toBe('true');
    await remove.getByText('The organization is under legal hold: lift the hold before deleting it.').waitFor();
    await screenshot(page, `gaps-${width}-11-legal-hold`);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });
});

describe('a refusal of the API in French (1440 px)', () => {
  const FRANCOPHONE = { email: 'francophone.kestrel@offboarding.local', password: 'Francophone-Demo-1', firstname: 'Fanny', lastname: 'Kestrel' };
  const ORGS = ['Kestrel Français Alpha', 'Kestrel Français Bravo'];
  let context: BrowserContext;
  let french: Page;
  let ownToken = '';
  const setLanguage = (language: 'fr' | 'en') => adminApi(ownToken, 'PUT', '/admin/users/me', { preferedLanguage: language });

  beforeAll(async () => {
    ownToken = await registerAdmin(token, FRANCOPHONE);
    // Alpha has a seat to cancel; Bravo has nothing: the server refuses it (409 organization.nothing_to_cancel).
    await addSeat(await createOrg(ORGS[0]));
    await createOrg(ORGS[1]);
    context = await browser.newContext({ baseURL: apiBase(), viewport: { width: 1440, height: 960 } });
    context.setDefaultNavigationTimeout(300_000);
    context.setDefaultTimeout(30_000);
    french = await context.newPage();
    await logIn(french, FRANCOPHONE);
    await setLanguage('fr');
  });

  afterAll(async () => {
    // Back to English, whatever happened above.
    if (ownToken) await setLanguage('en');
    await context?.close();
  });

  test('a bulk cancel refused for one organization says why in French, not in the server’s English', async () => {
    await french.goto(`${LIST}?q=${encodeURIComponent('Kestrel Français')}`);
    await french.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    for (const name of ORGS) await french.getByRole('checkbox', { name: `Sélectionner ${name}` }).click();
    await french.getByText('2 organisations sélectionnées').waitFor();
    await french.getByRole('button', { name: 'Résilier en fin de période', exact: true }).click();
    const frenchDialog = french.getByRole('dialog');
    await frenchDialog.getByRole('combobox', { name: 'Motif' }).click();
    await french.getByRole('option').first().click();
    await frenchDialog.getByRole('button', { name: 'Résilier en fin de période', exact: true }).click();
    await frenchDialog.getByText('1 traitée, 1 refusée.').waitFor();
    // French sets a no-break space before the colon.
    const refused = (await frenchDialog.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(refused).toEqual([`${ORGS[1]} : L’organisation n’a plus aucun droit d’accès à résilier.`]);
    await expect(french.getByText(/no active or suspended entitlement|has no entitlement/).count()).resolves.toBe(0);
    await screenshot(french, 'gaps-1440-12-refusal-fr');
  });
});
