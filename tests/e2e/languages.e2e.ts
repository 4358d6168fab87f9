/**
 * The panel in the admin's own language: an admin picks French, then German, as interface
 * language (the `preferedLanguage` of their profile, as the profile page saves it) and the
 * plugin's pages speak it, dates included — in that language's format, with the time zone.
 * Its own admin and organization, and back to English at the end: the other e2e files share
 * the server and its demo admin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ADMIN, adminApi, apiBase, logIn, openBrowser, registerAdmin, screenshot } from './browser';

const POLYGLOT = { email: 'polyglot@offboarding.local', password: 'Polyglot-Demo-1', firstname: 'Poly', lastname: 'Glot' };
const ORG = 'Lindqvist Übersetzungen';
const PLUGIN = '/admin/plugins/offboarding';
// Winter in Paris and Berlin (UTC+1): the dates below are written in this zone, and say so.
const ZONE = 'Europe/Paris';
const PERIOD = { start: '2026-11-15T10:00:00.000Z', end: '2027-03-15T10:00:00.000Z' };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let token = '';
let organizationPath = '';

const setLanguage = async (language: 'fr' | 'de' | 'en') => {
  await adminApi(token, 'PUT', '/admin/users/me', { preferedLanguage: language });
};

beforeAll(async () => {
  const { data: session } = await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', DEMO_ADMIN);
  token = await registerAdmin(session.token, POLYGLOT);

  const { data: organization } = await adminApi<{ data: { documentId: string } }>(session.token, 'POST', '/offboarding/organizations', {
    name: ORG,
    email: 'billing@lindqvist.example',
  });
  organizationPath = `${PLUGIN}/organizations/${organization.documentId}`;
  await adminApi(session.token, 'POST', `/offboarding/organizations/${organization.documentId}/entitlements`, {
    class: 'PLG',
    name: 'Glossary plugin license',
    price: 4900,
    currency: 'EUR',
    billingPeriod: 'month',
    currentPeriodStart: PERIOD.start,
    currentPeriodEnd: PERIOD.end,
  });

  // The browser's zone is the one dates are shown in: fixed here so the test reads the same anywhere.
  ({ browser } = await openBrowser());
  context = await browser.newContext({ baseURL: apiBase(), viewport: { width: 1440, height: 960 }, timezoneId: ZONE });
  context.setDefaultNavigationTimeout(300_000);
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  await logIn(page, POLYGLOT);
});

afterAll(async () => {
  // Back to English, whatever happened above.
  if (token) await setLanguage('en');
  await browser?.close();
});

/** The organization page at 1440 px and 800 px, pictured at both widths. */
const organizationPage = async (name: string, heading: string) => {
  await page.goto(organizationPath);
  await page.getByRole('heading', { name: ORG, level: 1 }).waitFor();
  await page.getByRole('heading', { name: heading }).first().waitFor();
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.getByRole('heading', { name: heading }).first().waitFor();
  await screenshot(page, `${name}-800`);
  await page.setViewportSize({ width: 1440, height: 960 });
};

describe('the panel in the admin’s language', () => {
  test('the profile page offers French and German', async () => {
    await page.goto('/admin/me');
    await page.getByRole('combobox', { name: /interface language/i }).click();
    await page.getByRole('option', { name: 'Français' }).waitFor();
    await page.getByRole('option', { name: 'Deutsch' }).waitFor();
    await page.keyboard.press('Escape');
  });

  test('in French: the list and an organization in French, dates in French with their zone', async () => {
    await setLanguage('fr');
    await page.goto(PLUGIN);
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Conservation des données' }).first().waitFor();
    await page.getByRole('link', { name: ORG }).waitFor();
    await screenshot(page, '70-languages-fr-organizations');

    await organizationPage('71-languages-fr-organization', 'Historique d’audit');
    await page.getByRole('heading', { name: 'Droits d’accès' }).first().waitFor();
    // Day, month, year in French, and the zone: never 11/15/2026.
    await page.getByText('15 nov. 2026, UTC+1', { exact: true }).waitFor();
    await page.getByText('au 15 mars 2027, UTC+1', { exact: true }).waitFor();
    // The creation date carries its hour on the 24-hour clock, and its zone.
    await page.getByText(/^\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}, \d{2}:\d{2} UTC\+[12]$/).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Audit timeline' }).count()).toBe(0);

    // What the access rule withholds, said in French (the API's reasons are English).
    const id = organizationPath.split('/').at(-1);
    await adminApi(token, 'POST', `/offboarding/organizations/${id}/disable`, { reason: 'Vérification' });
    await page.reload();
    await page.getByText('Accès désactivé : son portail est fermé').first().waitFor();
    await expect(page.getByText(/its portal is closed/).count()).resolves.toBe(0);
    await adminApi(token, 'POST', `/offboarding/organizations/${id}/enable`, {});
  });

  test('in German: the same pages in German, dates in German with their zone', async () => {
    await setLanguage('de');
    await page.goto(PLUGIN);
    await page.getByRole('heading', { name: 'Organisationen', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Datenaufbewahrung' }).first().waitFor();
    await screenshot(page, '72-languages-de-organizations');

    await organizationPage('73-languages-de-organization', 'Audit-Verlauf');
    await page.getByRole('heading', { name: 'Berechtigungen' }).first().waitFor();
    await page.getByText('15. Nov. 2026, MEZ', { exact: true }).waitFor();
    await page.getByText('bis 15. März 2027, MEZ', { exact: true }).waitFor();
    await page.getByText(/^\d{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}, \d{2}:\d{2} (MEZ|MESZ)$/).first().waitFor();

    await page.goto('/admin/settings/offboarding-policies');
    await page.getByRole('heading', { name: 'Kündigungsrichtlinien' }).first().waitFor();
    await screenshot(page, '74-languages-de-policies');
  });

  test('back in English: English text and English dates', async () => {
    await setLanguage('en');
    await page.goto(organizationPath);
    await page.getByRole('heading', { name: 'Audit timeline' }).first().waitFor();
    await page.getByText('Nov 15, 2026, GMT+1', { exact: true }).waitFor();
    await page.getByText('to Mar 15, 2027, GMT+1', { exact: true }).waitFor();
    await screenshot(page, '75-languages-en-organization');
  });
});
