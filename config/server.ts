import { secretArray } from './lib/secrets';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    // A development-only fallback so a fresh clone starts with no .env; production refuses it.
    keys: secretArray(env, 'APP_KEYS'),
  },
  // Keep Strapi off the network: no update check.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
    config: { level: env('STRAPI_LOG_LEVEL', 'http') },
  },
});
