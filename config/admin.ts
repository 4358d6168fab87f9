import { secret } from './lib/secrets';

// Development-only fallbacks so a fresh clone starts with no .env; production refuses them (lib/secrets).
export default ({ env }) => ({
  auth: {
    secret: secret(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: secret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: { salt: secret(env, 'TRANSFER_TOKEN_SALT') },
  },
  secrets: {
    encryptionKey: secret(env, 'ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // Strapi's login limit (5 tries per 5 minutes per e-mail and address) stays on; the end-to-end
  // tests sign the demo admin in once per file and raise it (tests/e2e/server.js).
  rateLimit: {
    max: env.int('ADMIN_RATE_LIMIT_MAX', 5),
  },
  // The admin panel talks to no outside service.
  autoOpen: false,
});
