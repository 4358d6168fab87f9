/**
 * The whole offboarding of a demo organization, clicked through the admin panel in Debian's
 * Chromium against the app started with `npm run develop` (fresh demo data): log in, find Acme,
 * cancel an entitlement with a prorated refund, cancel the rest, archive, find it again with
 * "Show archived", export and download its data, extend its retention, finish the checklist;
 * on the way, its Access panel follows its stage and an invitation is sent and listed.
 * The steps share one browser page and run in order.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { readZip } from '../helpers/zip';
import { DEMO_ADMIN, chooseAction, eventually, openBrowser, screenshot } from './browser';

const ORG = 'Acme Analytics GmbH';
const PLUGIN = '/admin/plugins/offboarding';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openBrowser());
});

afterAll(async () => {
  await browser?.close();
});

/** The open dialog: the design system's Modal is a `dialog`, its confirmation Dialog an `alertdialog`. */
const dialog = () => page.locator('[role="dialog"], [role="alertdialog"]');
/** A row of the Entitlements section (the Refunds section lists entitlements by name too). */
const entitlementRow = (name: string) => page.getByRole('region', { name: 'Entitlements' }).getByRole('row').filter({ hasText: name });

/** Picks an option of a design-system select (a combobox, not a native <select>). */
const choose = async (combobox: Locator, option: string) => {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** The amount shown in the preview, in major units ("€22.87" → 22.87). */
const amountOf = (text: string) => Number(text.replace(/[^0-9.,-]/g, '').replace(/,(?=\d{2}$)/, '.').replace(/,/g, ''));

const openOrganization = async () => {
  await page.goto(PLUGIN);
  await page.getByRole('link', { name: ORG }).click();
  await page.getByRole('heading', { name: ORG, level: 1 }).waitFor();
};

/** Ticks the checklist's current manual step through its dialog. */
const markCurrentStepDone = async (note: string) => {
  await page.getByRole('button', { name: 'Mark as done' }).first().click();
  await dialog().waitFor();
  await dialog().getByLabel(/note/i).fill(note);
  await dialog().getByRole('button', { name: 'Mark as done' }).click();
  await dialog().waitFor({ state: 'detached' });
};

describe('offboarding a demo organization from the admin panel', () => {
  test('an admin logs in', async () => {
    await page.goto('/admin/auth/login');
    await page.getByLabel('Email').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await screenshot(page, '01-login');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.getByRole('link', { name: 'Offboarding' }).first().waitFor();
  });

  test('the organizations list shows the counts and hides archived organizations', async () => {
    await page.goto(PLUGIN);
    await page.getByRole('link', { name: ORG }).waitFor();
    await expect(page.getByRole('link', { name: 'Borealis Foods Ltd' }).isVisible()).resolves.toBe(true);
    // Driftwood is archived: not listed until "Show archived" is on.
    await expect(page.getByRole('link', { name: 'Driftwood Studio' }).count()).resolves.toBe(0);
    await screenshot(page, '02-organizations');
  });

  test('the organization page shows its entitlements, retention facts, exports and audit trail', async () => {
    await openOrganization();
    for (const section of ['Entitlements', 'Retention', 'Data exports', 'Audit timeline', 'Offboarding checklist']) {
      await page.getByRole('heading', { name: section }).first().waitFor();
    }
    await entitlementRow('Analytics plugin license').waitFor();
    await entitlementRow('Hosted production environment').waitFor();
    await screenshot(page, '03-organization');
  });

  test('the Access panel shows the stage, and an invitation is sent and listed', async () => {
    // docs/spec.md §12: Acme's entitlements all run, so every capability is granted.
    const access = page.getByRole('region', { name: 'Access', exact: true });
    await access.getByText('Active', { exact: true }).waitFor();
    for (const capability of ['Portal login', 'Portal write', 'Invite', 'Accept invitation', 'New orders', 'Assign resources', 'Customer export']) {
      await access.getByText(capability, { exact: true }).waitFor();
    }
    await expect(access.getByText('No', { exact: true }).count()).resolves.toBe(0);

    const collaborators = page.getByRole('region', { name: 'Collaborators' });
    await collaborators.getByRole('button', { name: 'Invite collaborator' }).click();
    await dialog().waitFor();
    await dialog().getByRole('textbox', { name: /email/i }).fill('new.analyst@acme.example');
    await choose(dialog().getByRole('combobox', { name: /role/i }), 'Owner');
    await screenshot(page, '03a-invite-dialog');
    await dialog().getByRole('button', { name: 'Send invitation' }).click();
    await dialog().waitFor({ state: 'detached' });
    const invitation = collaborators.getByRole('row').filter({ hasText: 'new.analyst@acme.example' });
    await invitation.getByText('Pending', { exact: true }).waitFor();
    await expect(invitation.textContent()).resolves.toContain('Owner');
    await invitation.getByRole('button', { name: 'Resend' }).waitFor();
    await invitation.scrollIntoViewIfNeeded();
    await screenshot(page, '03b-invitation-listed');
  });


  test('the checklist is started before anything changes', async () => {
    // Starting cannot be undone: the dialog asks first.
    await page.getByRole('button', { name: 'Start offboarding' }).click();
    await dialog().getByText(/cannot be unstarted/).waitFor();
    await dialog().getByRole('button', { name: 'Start offboarding' }).click();
    await dialog().waitFor({ state: 'detached' });
    await markCurrentStepDone('Two entitlements: the plugin licence and the hosted environment');
    // The note is shown with the step it completed (the audit timeline repeats it as the event's notes).
    await page
      .getByRole('region', { name: 'Offboarding checklist' })
      .getByText('Two entitlements: the plugin licence and the hosted environment')
      .waitFor();
  });

  test('an entitlement is cancelled through the dialog with a prorated refund preview', async () => {
    await chooseAction(page, entitlementRow('Analytics plugin license'), 'Cancel entitlement');
    await dialog().waitFor();
    await choose(dialog().getByRole('combobox', { name: /reason/i }), 'Customer request');
    await dialog().getByRole('radio', { name: 'Immediately' }).check();
    await dialog().getByRole('radio', { name: 'Prorated' }).check();
    const refund = dialog().getByTestId('cancel-preview-refund');
    // The preview comes from the server: a positive part of the €49.00 monthly price.
    const previewed = await eventually(async () => amountOf((await refund.textContent()) ?? ''), (amount) => amount > 0);
    expect(previewed).toBeLessThan(49);
    const refundText = ((await refund.textContent()) ?? '').trim();
    await screenshot(page, '04-cancel-dialog');
    // The confirm button restates the amount the preview shows.
    await dialog().getByRole('button', { name: `Cancel and refund ${refundText}` }).click();
    await dialog().waitFor({ state: 'detached' });
    await entitlementRow('Analytics plugin license').getByText('Cancelled').first().waitFor();
    // The refund recorded is the one previewed, and the ledger shows it.
    await expect(entitlementRow('Analytics plugin license').textContent()).resolves.toContain(refundText);
    const ledgerRow = page.getByRole('region', { name: 'Refunds' }).getByRole('row').filter({ hasText: 'Analytics plugin license' });
    await ledgerRow.waitFor();
    await expect(ledgerRow.textContent()).resolves.toContain(refundText);
  });

  test('the other entitlement is cancelled and the organization archived', async () => {
    await page.getByRole('button', { name: 'Cancel all entitlements' }).click();
    await dialog().waitFor();
    await choose(dialog().getByRole('combobox', { name: /reason/i }), 'Business closure');
    await dialog().getByRole('radio', { name: 'Immediately' }).check();
    await dialog().getByRole('button', { name: 'Cancel all entitlements' }).click();
    await dialog().waitFor({ state: 'detached' });
    await entitlementRow('Hosted production environment').getByText('Cancelled').first().waitFor();

    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await dialog().getByRole('button', { name: 'Archive', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();
    // The Access panel follows the page's actions: an archived organization may do nothing.
    await page.getByRole('region', { name: 'Access', exact: true }).getByText('Archived', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Invite collaborator' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, '05-archived');
  });

  test('an archived organization is found again with "Show archived"', async () => {
    await page.goto(PLUGIN);
    await page.getByRole('link', { name: 'Borealis Foods Ltd' }).waitFor();
    await expect(page.getByRole('link', { name: ORG }).count()).resolves.toBe(0);
    await page.getByLabel('Show archived').click();
    await page.getByRole('link', { name: ORG }).waitFor();
    await page.getByRole('link', { name: 'Driftwood Studio' }).waitFor();
    await screenshot(page, '06-show-archived');
  });

  test('a data export is generated and downloaded', async () => {
    await page.getByRole('link', { name: ORG }).click();
    await page.getByRole('heading', { name: ORG, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Generate data export' }).first().click();
    // The export the customer may be handed: only the allow-listed fields.
    await dialog().getByRole('radio', { name: 'What the customer may see' }).click();
    await dialog().getByRole('button', { name: 'Generate data export' }).click();
    await dialog().waitFor({ state: 'detached' });
    // Its notification rises at the bottom right, clear of the header's buttons.
    const toast = page.locator('[data-sonner-toast]').first();
    await toast.waitFor();
    const [toastBox, headerButton] = await Promise.all([
      toast.boundingBox(),
      page.getByRole('button', { name: 'Generate data export' }).first().boundingBox(),
    ]);
    expect(toastBox && headerButton && toastBox.y > headerButton.y + headerButton.height).toBe(true);
    await page.getByText('Customer export (allow-listed)').first().waitFor();
    // The exports sweep (on cron) builds the ZIP; the page follows its progress.
    const download = page.getByRole('button', { name: 'Download' }).first();
    await download.waitFor({ timeout: 120_000 });
    await screenshot(page, '07-export-ready');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    // The signed link to hand to the customer, copyable. The organization is archived: the panel
    // says the customer cannot use it now, and the link is indeed refused without signing in.
    await page.getByRole('button', { name: 'Customer link' }).first().click();
    const link = dialog().getByRole('textbox', { name: 'Customer download link' });
    await link.waitFor();
    await dialog().getByText('The customer cannot use this link now').waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/api\/offboarding\/exports\/download\?token=/);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
    await screenshot(page, '07a-customer-link');
    await dialog().getByRole('button', { name: 'Go back' }).click();
    await dialog().waitFor({ state: 'detached' });
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const entries = await readZip(Buffer.concat(chunks));
    const names = entries.map((entry) => entry.name);
    expect(names).toContain('manifest.json');
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')!.content.toString('utf8'));
    expect(JSON.stringify(manifest)).toContain(ORG);
    expect(manifest.profile).toBe('customer');
  });

  test('the checklist ticks its automatic steps and ends "offboarding complete"', async () => {
    // Cancellation, downstream clean-up and the export ticked themselves; notifying is manual.
    await page.getByRole('button', { name: 'Mark as done' }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, '08-checklist');
    await markCurrentStepDone('Confirmation e-mail sent to billing@acme.example');
    // Archive was done already: it ticks itself and the run is complete.
    await page.getByText('Offboarding complete').first().waitFor({ timeout: 60_000 });
    await screenshot(page, '09-checklist-complete');
  });

  test('retention is extended from the Data Retention queue', async () => {
    // Driftwood (demo) keeps no data after closure: it waits in the purge queue.
    const queued = 'Driftwood Studio';
    await page.goto(`${PLUGIN}/retention`);
    const row = page.getByRole('row').filter({ hasText: queued });
    await row.waitFor();
    await screenshot(page, '10-retention');
    await row.getByRole('button', { name: 'Extend' }).click();
    await dialog().waitFor();
    const until = new Date(Date.now() + 400 * 86_400_000);
    const typed = until.toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' });
    const dateInput = dialog().getByRole('combobox', { name: /keep the data until/i });
    await dateInput.fill(typed);
    await dateInput.press('Enter');
    await dialog().getByRole('textbox', { name: /reason/i }).fill('Tax audit requested by the customer');
    await screenshot(page, '11-extend-dialog');
    await dialog().getByRole('button', { name: 'Extend retention' }).click();
    await dialog().waitFor({ state: 'detached' });
    // Kept longer, it leaves the queue; its page shows the new date and the reason.
    await eventually(() => row.count(), (count) => count === 0);
    await page.goto(PLUGIN + '?archived=include');
    await page.getByLabel('Show archived').check();
    await page.getByRole('link', { name: queued }).click();
    await page.getByText('Tax audit requested by the customer').first().waitFor();
  });

  test('the settings pages list policies, provisioning policies and reasons', async () => {
    await page.goto('/admin/settings/offboarding-policies');
    await page.getByText('Contract with refunds').first().waitFor();
    await screenshot(page, '12-settings-policies');
    await page.goto('/admin/settings/offboarding-provisioning');
    await page.getByText('PLG').first().waitFor();
    await screenshot(page, '13-settings-provisioning');
    await page.goto('/admin/settings/offboarding-reasons');
    await page.getByText('Switching provider').first().waitFor();
    await screenshot(page, '14-settings-reasons');
  });
});
