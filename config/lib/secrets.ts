/**
 * Secrets with development fallbacks, so a fresh clone starts with no .env. In production
 * (NODE_ENV=production) a fallback is a shared, published value: the app refuses to start while
 * any secret is unset, blank or still the development value, and names every such variable at
 * once. Kept in a sub-folder so Strapi's config loader does not read it as a config file.
 */
const DEVELOPMENT_VALUES = {
  APP_KEYS: 'offboarding-dev-key-1,offboarding-dev-key-2',
  ADMIN_JWT_SECRET: 'offboarding-dev-admin-jwt-secret',
  API_TOKEN_SALT: 'offboarding-dev-api-token-salt',
  TRANSFER_TOKEN_SALT: 'offboarding-dev-transfer-token-salt',
  ENCRYPTION_KEY: 'offboarding-dev-encryption-key',
  JWT_SECRET: 'offboarding-dev-users-permissions-jwt-secret',
} as const;

export type SecretName = keyof typeof DEVELOPMENT_VALUES;

/** Strapi's `env` as config files receive it. */
interface Env {
  (name: string): string | undefined;
  array(name: string, fallback?: string[]): string[];
}

const parts = (value: string) => value.split(',').map((part) => part.trim());

/** Unset, blank, or (any part of) the value published here. */
const fallsBack = (name: SecretName, value: string | undefined) => {
  if (value === undefined || value.trim() === '') return true;
  const published = parts(DEVELOPMENT_VALUES[name]);
  return parts(value).some((part) => part === '' || published.includes(part));
};

const refuseInProduction = (env: Env) => {
  if (env('NODE_ENV') !== 'production') return;
  const missing = (Object.keys(DEVELOPMENT_VALUES) as SecretName[]).filter((name) => fallsBack(name, env(name)));
  if (!missing.length) return;
  throw new Error(
    `NODE_ENV=production but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} unset or still the built-in ` +
      'development value: set real secrets in the environment (see README, Configuration)'
  );
};

export const secret = (env: Env, name: Exclude<SecretName, 'APP_KEYS'>): string => {
  refuseInProduction(env);
  const value = env(name);
  return value === undefined || value.trim() === '' ? DEVELOPMENT_VALUES[name] : value;
};

export const secretArray = (env: Env, name: 'APP_KEYS'): string[] => {
  refuseInProduction(env);
  const value = env(name);
  return value === undefined || value.trim() === '' ? parts(DEVELOPMENT_VALUES[name]) : env.array(name);
};
