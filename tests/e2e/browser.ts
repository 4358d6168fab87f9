import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

interface ServerState {
  baseURL: string;
}
// The server module is plain JavaScript: Jest's global setup loads it before any transform.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { server, CHROMIUM } = require('./server') as { server: () => ServerState; CHROMIUM: string };

export const DEMO_ADMIN = { email: 'admin@offboarding.local', password: 'Offboarding-Demo-1' };
/**
 * One picture of every page the suite visits, in the git-ignored .tmp/. Not under tests/:
 * `strapi develop` restarts the server on any new file outside the folders it ignores.
 */
export const SCREENSHOTS = path.resolve(__dirname, '../../.tmp/e2e-screenshots');

/** Debian's Chromium, headless, kept off the network (this machine refuses outside connections). */
export const openBrowser = async ({ timeZone }: { timeZone?: string } = {}): Promise<{ browser: Browser; page: Page }> => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  // `timeZone`: the browser's zone (the machine's, UTC on CI, by default), to catch a day shifted by an offset.
  const context = await browser.newContext({ baseURL: server().baseURL, viewport: { width: 1440, height: 960 }, acceptDownloads: true, timezoneId: timeZone });
  // The first visit compiles the admin panel (Vite in development): be patient with navigations.
  context.setDefaultNavigationTimeout(300_000);
  context.setDefaultTimeout(30_000);
  return { browser, page: await context.newPage() };
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

export const apiBase = () => server().baseURL;

/** Reads `read()` until `accept` holds (the page updates after the server answers). */
export const eventually = async <T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
};

/** A call of the app's API as it answers the browser (`/admin/…`, the plugin's `/offboarding/…`), with an admin's token or none. */
export const adminApi = async <T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${apiBase()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

/** Signs in through the admin panel's login page. */
export const logIn = async (page: Page, admin: { email: string; password: string } = DEMO_ADMIN) => {
  await page.goto('/admin/auth/login');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
};

/**
 * Picks an action from a "…" menu: a table row's ("Actions for …") or the page header's
 * ("More actions"). `scope` is where the menu's button is; the menu itself is portalled.
 */
export const chooseAction = async (page: Page, scope: Locator | Page, item: string, menu: string | RegExp = /^Actions for /) => {
  await scope.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
};

export interface AdminUser {
  firstname: string;
  lastname: string;
  email: string;
  password: string;
}

/**
 * Creates an admin as an inviting admin would (POST /admin/users, then the invitee registers)
 * and answers their token. `roleId`: a role's id; the Super Admin role by default.
 */
export const registerAdmin = async (token: string, admin: AdminUser, roleId?: number): Promise<string> => {
  let role = roleId;
  if (role === undefined) {
    const { data: roles } = await adminApi<{ data: Array<{ id: number; code: string }> }>(token, 'GET', '/admin/roles');
    role = roles.find((candidate) => candidate.code === 'strapi-super-admin')?.id;
    if (role === undefined) throw new Error('no Super Admin role');
  }
  const { data: user } = await adminApi<{ data: { registrationToken: string } }>(token, 'POST', '/admin/users', {
    firstname: admin.firstname,
    lastname: admin.lastname,
    email: admin.email,
    roles: [role],
  });
  await adminApi(null, 'POST', '/admin/register', {
    registrationToken: user.registrationToken,
    userInfo: { firstname: admin.firstname, lastname: admin.lastname, password: admin.password },
  });
  return (await adminApi<{ data: { token: string } }>(null, 'POST', '/admin/login', { email: admin.email, password: admin.password })).data.token;
};
