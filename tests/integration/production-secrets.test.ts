/**
 * docs/spec.md §9: no development secret in production. With NODE_ENV=production the app refuses to
 * start while a secret is unset or still its built-in development value, and names every such
 * variable. Each case boots the compiled app (dist/, as the global setup compiles it) in a child
 * process with an environment of its own and a SQLite file of its own.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';

const appDir = path.resolve(__dirname, '../..');
const dbFile = path.join(appDir, '.tmp', `test-production-secrets-${process.pid}.db`);

const SECRETS = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET'] as const;
type Secret = (typeof SECRETS)[number];

const REAL: Record<Secret, string> = {
  APP_KEYS: 'prod-key-a1b2c3,prod-key-d4e5f6',
  ADMIN_JWT_SECRET: 'prod-admin-jwt-9f8e7d',
  API_TOKEN_SALT: 'prod-api-token-salt-1a2b',
  TRANSFER_TOKEN_SALT: 'prod-transfer-salt-3c4d',
  ENCRYPTION_KEY: 'prod-encryption-key-5e6f',
  JWT_SECRET: 'prod-users-permissions-jwt-7a8b',
};

interface Outcome {
  code: number | null;
  output: string;
}

/** The compiled app in a child process: `config` only builds it, `load` runs load() too. */
const boot = (mode: 'config' | 'load', env: Record<string, string | undefined>): Promise<Outcome> => {
  const childEnv: Record<string, string | undefined> = { ...process.env };
  for (const name of SECRETS) delete childEnv[name];
  Object.assign(childEnv, {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbFile,
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    STRAPI_LOG_LEVEL: 'error',
    OFFBOARDING_CRON: 'false',
    ...env,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appDir, 'tests/helpers/boot-app.js'), mode], { cwd: appDir, env: childEnv });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
};

const removeDb = () => {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
};

beforeAll(removeDb);
afterAll(removeDb);

/** The one line that refuses the start, so "names X" cannot be satisfied by a stack trace. */
const refusal = (output: string) => output.split('\n').find((line) => line.includes('NODE_ENV=production')) ?? '';

it('production with no secret set refuses to start and names every variable', async () => {
  const { code, output } = await boot('config', { NODE_ENV: 'production' });
  expect(code).not.toBe(0);
  for (const name of SECRETS) expect(refusal(output)).toContain(name);
});

it.each(SECRETS)('production with only %s missing refuses to start and names it alone', async (missing) => {
  const env: Record<string, string> = { NODE_ENV: 'production', ...REAL };
  delete env[missing];
  const { code, output } = await boot('config', env);
  expect(code).not.toBe(0);
  const line = refusal(output);
  expect(line).toContain(missing);
  for (const other of SECRETS.filter((name) => name !== missing)) expect(line).not.toMatch(new RegExp(`\\b${other}\\b`));
});

it.each([
  ['ADMIN_JWT_SECRET', 'offboarding-dev-admin-jwt-secret'],
  ['JWT_SECRET', 'offboarding-dev-users-permissions-jwt-secret'],
  ['APP_KEYS', 'prod-key-a1b2c3,offboarding-dev-key-2'],
  ['ENCRYPTION_KEY', '   '],
] as const)('production with %s set to a development or blank value (%j) is refused too', async (name, value) => {
  const { code, output } = await boot('config', { NODE_ENV: 'production', ...REAL, [name]: value });
  expect(code).not.toBe(0);
  expect(refusal(output)).toContain(name);
});

it('outside production the development fallbacks still let a fresh clone start', async () => {
  const { code, output } = await boot('config', { NODE_ENV: 'development' });
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('configured for development') });
});

it('production with every secret set loads', async () => {
  const { code, output } = await boot('load', { NODE_ENV: 'production', ...REAL });
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('loaded in production') });
  expect(output).not.toContain('NODE_ENV=production but');
}, 120_000);
