import path from 'path';
import { mailToDisk } from './lib/mail-to-disk';
import { secret } from './lib/secrets';

/**
 * Mail (customer notices, docs/spec.md §11): SMTP through @strapi/provider-email-nodemailer when
 * SMTP_HOST is set; otherwise every mail goes to the log and to .tmp/mail/ (MAIL_DIR), so the
 * README's commands need no mail server. Production without SMTP_HOST starts, with a warning
 * at start and on every mail: nothing is delivered.
 */
const email = (env) => {
  const settings = { defaultFrom: env('EMAIL_FROM', 'Offboarding <no-reply@localhost>'), defaultReplyTo: env('EMAIL_REPLY_TO') };
  const host = env('SMTP_HOST');
  if (host) {
    const user = env('SMTP_USER');
    return {
      provider: 'nodemailer',
      providerOptions: {
        host,
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ...(user ? { auth: { user, pass: env('SMTP_PASS') } } : {}),
      },
      settings,
    };
  }
  const production = env('NODE_ENV') === 'production';
  if (production) console.warn('[email] SMTP_HOST is not set: customer notices are written to .tmp/mail and the log, NOT delivered. Set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASS, EMAIL_FROM).');
  return {
    provider: 'nodemailer',
    providerOptions: mailToDisk(path.resolve(env('MAIL_DIR', '.tmp/mail')), { warn: production }),
    settings,
  };
};

export default ({ env }) => ({
  email: { config: email(env) },
  'users-permissions': {
    config: {
      // A fallback keeps users-permissions from writing a secret into .env on a fresh clone;
      // production refuses it.
      jwtSecret: secret(env, 'JWT_SECRET'),
    },
  },
  offboarding: {
    enabled: true,
    resolve: './src/plugins/offboarding',
    config: {
      // Sweeps run on Strapi's cron; tests switch it off and run them on demand.
      cron: {
        enabled: env.bool('OFFBOARDING_CRON', true),
        transitions: env('OFFBOARDING_CRON_TRANSITIONS', '*/1 * * * *'),
        retention: env('OFFBOARDING_CRON_RETENTION', '0 3 * * *'),
        purge: env('OFFBOARDING_CRON_PURGE', '30 * * * *'),
        exports: env('OFFBOARDING_CRON_EXPORTS', '*/1 * * * *'),
        provisioning: env('OFFBOARDING_CRON_PROVISIONING', '*/1 * * * *'),
        notices: env('OFFBOARDING_CRON_NOTICES', '*/1 * * * *'),
        webhooks: env('OFFBOARDING_CRON_WEBHOOKS', '*/1 * * * *'),
      },
      // The plugin's webhook endpoints (docs/spec.md §10). Unset, http: URLs and private,
      // loopback or link-local addresses are allowed in development and refused in production.
      webhooks: {
        allowInsecure: env('OFFBOARDING_WEBHOOKS_ALLOW_INSECURE') === undefined ? null : env.bool('OFFBOARDING_WEBHOOKS_ALLOW_INSECURE'),
        allowPrivateNetworks: env('OFFBOARDING_WEBHOOKS_ALLOW_PRIVATE_NETWORKS') === undefined ? null : env.bool('OFFBOARDING_WEBHOOKS_ALLOW_PRIVATE_NETWORKS'),
        timeoutMs: env.int('OFFBOARDING_WEBHOOKS_TIMEOUT_MS', 10000),
      },
      sweeps: {
        batchSize: env.int('OFFBOARDING_SWEEP_BATCH', 100),
        transitionBatchSize: env.int('OFFBOARDING_SWEEP_TRANSITION_BATCH', 250),
        maxTasksPerRun: env.int('OFFBOARDING_SWEEP_MAX_TASKS', 10000),
        leaseTtlMs: env.int('OFFBOARDING_LEASE_TTL_MS', 120000),
        maxAttempts: env.int('OFFBOARDING_TASK_MAX_ATTEMPTS', 5),
      },
      purge: { batchSize: env.int('OFFBOARDING_PURGE_BATCH', 1000) },
      exports: {
        dir: env('OFFBOARDING_EXPORTS_DIR', 'exports'),
        expiresInDays: env.int('OFFBOARDING_EXPORT_EXPIRY_DAYS', 7),
        pageSize: env.int('OFFBOARDING_EXPORT_PAGE_SIZE', 1000),
        staleAfterMs: env.int('OFFBOARDING_EXPORT_STALE_MS', 1800000),
        customerDailyLimit: env.int('OFFBOARDING_EXPORT_CUSTOMER_DAILY_LIMIT', 5),
      },
      // Export files: the local folder above (the default, nothing to run), or an S3-compatible
      // bucket with OFFBOARDING_STORAGE=s3, so that every instance can serve every export.
      storage:
        env('OFFBOARDING_STORAGE', 'local') === 's3'
          ? {
              provider: 's3',
              s3: {
                bucket: env('S3_BUCKET'),
                region: env('S3_REGION', 'us-east-1'),
                endpoint: env('S3_ENDPOINT'),
                forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
                accessKeyId: env('S3_ACCESS_KEY_ID'),
                secretAccessKey: env('S3_SECRET_ACCESS_KEY'),
                prefix: env('S3_PREFIX', ''),
                presignedUrlTtlSeconds: env.int('S3_PRESIGNED_URL_TTL_SECONDS'),
              },
            }
          : { provider: env('OFFBOARDING_STORAGE', 'local') },
      // The app's content types that belong to an organization (src/api): exported, purged with
      // it, and — orders and quotes — refused while it is archived. `customerFields` is what a
      // customer export may hold of each (an allow-list; an unlisted field stays internal).
      ownedData: [
        { uid: 'api::order.order', relation: 'organization', export: true, purge: true, refuseWhileArchived: true, customerFields: ['number', 'total', 'currency', 'orderedAt'] },
        { uid: 'api::quote.quote', relation: 'organization', export: true, purge: true, refuseWhileArchived: true, customerFields: ['number', 'total', 'currency', 'validUntil'] },
        { uid: 'api::invoice.invoice', relation: 'organization', export: true, purge: true, refuseWhileArchived: false, customerFields: ['number', 'total', 'currency', 'issuedAt', 'dueAt', 'paidAt'] },
        { uid: 'api::contract.contract', relation: 'organization', export: true, purge: true, refuseWhileArchived: false, customerFields: ['title', 'startsAt', 'endsAt'] },
        { uid: 'api::document.document', relation: 'organization', export: true, purge: true, refuseWhileArchived: false, customerFields: ['title', 'file'] },
      ],
    },
  },
});
