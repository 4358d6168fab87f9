// Test environment, set before any module loads: no .env, no network, fixed secrets.
process.env.NODE_ENV = 'test';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.STRAPI_STARTUP_BANNER = 'false';
process.env.JWT_SECRET = process.env.JWT_SECRET || 'test-users-permissions-jwt-secret';
process.env.ADMIN_JWT_SECRET = process.env.ADMIN_JWT_SECRET || 'test-admin-jwt-secret';
process.env.APP_KEYS = process.env.APP_KEYS || 'test-key-1,test-key-2';
process.env.API_TOKEN_SALT = process.env.API_TOKEN_SALT || 'test-api-token-salt';
process.env.TRANSFER_TOKEN_SALT = process.env.TRANSFER_TOKEN_SALT || 'test-transfer-token-salt';
process.env.ENCRYPTION_KEY = process.env.ENCRYPTION_KEY || 'test-encryption-key';
process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'error';
process.env.OFFBOARDING_CRON = 'false';
process.env.OFFBOARDING_EXPORTS_DIR = '.tmp/test-exports';
