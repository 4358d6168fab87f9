export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    // Development-only fallbacks so a fresh clone starts with no .env; set APP_KEYS in production.
    keys: env.array('APP_KEYS', ['offboarding-dev-key-1', 'offboarding-dev-key-2']),
  },
  // Keep Strapi off the network: no update check.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
    config: { level: env('STRAPI_LOG_LEVEL', 'http') },
  },
});
