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
  // The admin panel talks to no outside service.
  autoOpen: false,
});
