// Development-only fallbacks so a fresh clone starts with no .env; set real secrets in production.
export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'offboarding-dev-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'offboarding-dev-api-token-salt'),
  },
  transfer: {
    token: { salt: env('TRANSFER_TOKEN_SALT', 'offboarding-dev-transfer-token-salt') },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', 'offboarding-dev-encryption-key'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // The admin panel talks to no outside service.
  autoOpen: false,
});
