/**
 * The app for the end-to-end tests, started as the README says (`npm run develop`), on a
 * database file and port of its own so a developer's running instance is left alone. The
 * exports sweep runs every few seconds instead of every minute so an export is ready quickly.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const port = Number(process.env.E2E_PORT || 1338);
const stateFile = path.join(root, '.tmp', 'e2e-server.json');
const logFile = path.join(root, '.tmp', 'e2e-server.log');
const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium: installed with apt-get when missing (the machine allows it; nothing else is downloaded). */
const ensureChromium = () => {
  if (fs.existsSync(CHROMIUM)) return;
  console.log('[e2e] installing Debian chromium with apt-get…');
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    if (install().status !== 0) throw new Error('could not install chromium with apt-get (run as root, or install Debian package "chromium")');
  }
};

const healthy = () =>
  new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/_health', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 204 || res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });

const start = async () => {
  ensureChromium();
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const database = path.join('.tmp', 'e2e.db');
  for (const file of [database, `${database}-wal`, `${database}-shm`]) fs.rmSync(path.join(root, file), { force: true });
  fs.rmSync(path.join(root, '.tmp', 'e2e-exports'), { recursive: true, force: true });
  if (await healthy()) throw new Error(`port ${port} is already in use; set E2E_PORT to a free port`);

  const log = fs.openSync(logFile, 'w');
  const child = spawn('npm', ['run', 'develop'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: database,
      BROWSER: 'none',
      STRAPI_TELEMETRY_DISABLED: 'true',
      // Every e2e file signs the demo admin in (API and login page): more than Strapi's 5 per 5 minutes.
      ADMIN_RATE_LIMIT_MAX: '1000',
      OFFBOARDING_CRON: 'true',
      OFFBOARDING_CRON_EXPORTS: '*/2 * * * * *',
      OFFBOARDING_CRON_PROVISIONING: '*/2 * * * * *',
      OFFBOARDING_CRON_TRANSITIONS: '*/2 * * * * *',
      OFFBOARDING_EXPORTS_DIR: path.join('.tmp', 'e2e-exports'),
    },
  });
  fs.writeFileSync(stateFile, JSON.stringify({ pid: child.pid, port, baseURL: `http://127.0.0.1:${port}` }));

  const deadline = Date.now() + 6 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await healthy()) {
      await warmUp();
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  stop();
  throw new Error(`the app did not start (see ${logFile}):\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
};

/**
 * In development Vite discovers a page's dependencies the first time the page is opened and
 * then reloads the browser once to use the optimized bundle. Opening every page once before
 * the tests keeps those reloads out of them.
 */
const warmUp = async () => {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
    page.setDefaultTimeout(300_000);
    await page.goto('/admin/auth/login');
    await page.getByLabel('Email').fill('admin@offboarding.local');
    await page.getByLabel('Password').fill('Offboarding-Demo-1');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    const paths = ['/admin/plugins/offboarding', '/admin/plugins/offboarding/retention', '/admin/plugins/offboarding/scheduled-changes', '/admin/settings/offboarding-policies', '/admin/settings/offboarding-provisioning', '/admin/settings/offboarding-reasons', '/admin/settings/offboarding-webhooks', '/admin/settings/offboarding-notices', '/admin/plugins/offboarding'];
    for (const target of paths) {
      await page.goto(target);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(2000);
    }
    // An organization's page (its components load on demand).
    await page.getByRole('link', { name: 'Borealis Foods Ltd' }).click();
    await page.getByRole('heading', { name: 'Borealis Foods Ltd', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(2000);
  } finally {
    await browser.close();
  }
};

const stop = () => {
  if (!fs.existsSync(stateFile)) return;
  const { pid } = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  try {
    // The whole process group: npm, strapi develop and its worker.
    process.kill(-pid, 'SIGTERM');
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
  fs.rmSync(stateFile, { force: true });
};

const server = () => JSON.parse(fs.readFileSync(stateFile, 'utf8'));

module.exports = { start, stop, server, CHROMIUM, ensureChromium };
