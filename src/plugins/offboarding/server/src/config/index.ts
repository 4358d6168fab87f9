import { SWEEP_NAMES, type SweepName } from '../../../shared/contracts/constants';

export interface OffboardingConfig {
  cron: { enabled: boolean } & Record<SweepName, string>;
  sweeps: {
    /** Tasks read (or, on PostgreSQL and MySQL, claimed) per query. */
    batchSize: number;
    /**
     * The same for the transitions sweep, whose batches are worked set-wise in one transaction
     * each: larger batches cost fewer statements per item but hold their organizations' locks
     * longer (docs/architecture.md "Scheduled work").
     */
    transitionBatchSize: number;
    /** A run stops after this many tasks; the rest waits for the next run. */
    maxTasksPerRun: number;
    /** How long a sweep's lease lasts without renewal (an instance that dies loses it then). */
    leaseTtlMs: number;
    /** A task failing this many times is marked failed and left for an admin. */
    maxAttempts: number;
  };
  purge: { batchSize: number };
  exports: {
    /** Where ZIPs are written, relative to the app root; never under public/. */
    dir: string;
    /** A ready export is deleted this many days after it was generated. */
    expiresInDays: number;
    /** Rows read per query while streaming. */
    pageSize: number;
    /** A "running" export untouched this long belonged to an instance that died: it restarts. */
    staleAfterMs: number;
    /** Exports one organization's collaborators may request in any 24 hours (429 past it). */
    customerDailyLimit: number;
  };
  /** Where export files are kept: the local folder `exports.dir` (default) or an S3-compatible bucket. */
  storage: StorageConfig;
  /** The app's content types that belong to an organization (docs/spec.md §3), checked against the schema at bootstrap. */
  ownedData: OwnedDataConfig[];
  /** The plugin's own webhook endpoints (docs/spec.md §10). */
  webhooks: WebhooksConfig;
  /** Customer notices by mail (docs/spec.md §11). */
  notices: NoticesConfig;
  /** Invitations of collaborators (docs/spec.md §12). */
  invitations: InvitationsConfig;
}

export interface InvitationsConfig {
  /** An invitation not accepted within this many days has expired (a resend starts them again). */
  expiresInDays: number;
  /**
   * The accept link the mail carries: a page of the host app with `{token}` where the token goes,
   * e.g. `https://app.example.com/join?token={token}`. null: the portal's own
   * `<server.absoluteUrl>/api/offboarding/portal/invitations/<token>` (which shows the invitation).
   */
  acceptUrl: string | null;
}

export interface WebhooksConfig {
  /**
   * `http:` URLs as well as `https:`. null: allowed unless NODE_ENV is production (the README's
   * start command is development, so a local receiver works).
   */
  allowInsecure: boolean | null;
  /**
   * URLs whose host resolves to a private, loopback or link-local address (SSRF). null: allowed
   * unless NODE_ENV is production.
   */
  allowPrivateNetworks: boolean | null;
  /** A delivery not answered with a 2xx within this time failed. */
  timeoutMs: number;
}

export interface NoticesConfig {
  /** Days before a scheduled cancellation takes effect that its reminder is sent. */
  cancellationReminderDays: number;
  /** Days before a suspension's grace period ends that a reminder is sent (one notice each). */
  graceReminderDays: number[];
  /** Days before an organization is purged that a warning is sent (one notice each). */
  purgeWarningDays: number[];
}

export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, R2, …); left out for AWS itself. */
  endpoint?: string;
  /** `bucket` in the path rather than the host name, as most S3-compatible servers need. */
  forcePathStyle?: boolean;
  /** Both or neither: without them the SDK's own chain (environment, instance role, …) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key as a folder, e.g. `offboarding/exports/` (a missing final `/` is added). */
  prefix?: string;
  /**
   * With it, an authorised download answers a redirect to a presigned URL valid this many
   * seconds; without it, the file is streamed through Strapi.
   */
  presignedUrlTtlSeconds?: number;
}

export interface StorageConfig {
  provider: 'local' | 's3';
  s3?: S3StorageConfig;
}

export interface OwnedDataConfig {
  /** Content type uid, e.g. `api::order.order`. */
  uid: string;
  /** Its manyToOne (or oneToOne) relation to `plugin::offboarding.organization`. */
  relation: string;
  /** Included in data exports. */
  export: boolean;
  /** Deleted when the organization is purged or deleted. */
  purge: boolean;
  /**
   * Creating one for an organization, or moving one to it, is refused while the organization's
   * access stage withholds `newOrders` (docs/spec.md §12: suspended, cancelled, access disabled,
   * archived or purged). The name dates from when only archiving refused them.
   */
  refuseWhileArchived: boolean;
  /**
   * The fields a customer export may hold (docs/spec.md §9: customer output is allow-listed). Without
   * it, the type is left out of customer exports; admin exports hold every non-private field.
   */
  customerFields?: string[];
}

export const DEFAULT_CONFIG: OffboardingConfig = {
  // node-schedule rule syntax (Strapi's cron). Every instance runs every job; leases pick one.
  cron: { enabled: true, transitions: '*/1 * * * *', retention: '0 3 * * *', purge: '30 * * * *', exports: '*/1 * * * *', provisioning: '*/1 * * * *', webhooks: '*/1 * * * *', notices: '*/1 * * * *' },
  sweeps: { batchSize: 100, transitionBatchSize: 250, maxTasksPerRun: 10_000, leaseTtlMs: 120_000, maxAttempts: 5 },
  purge: { batchSize: 1000 },
  exports: { dir: 'exports', expiresInDays: 7, pageSize: 1000, staleAfterMs: 30 * 60_000, customerDailyLimit: 5 },
  storage: { provider: 'local' },
  ownedData: [],
  webhooks: { allowInsecure: null, allowPrivateNetworks: null, timeoutMs: 10_000 },
  notices: { cancellationReminderDays: 7, graceReminderDays: [7, 1], purgeWarningDays: [30, 7] },
  invitations: { expiresInDays: 7, acceptUrl: null },
};

/** Every problem of a configuration, each naming its setting; the start stops on any of them. */
type Problems = string[];

const positiveInteger = (problems: Problems, value: unknown, path: string) => {
  if (!Number.isInteger(value) || (value as number) < 1) problems.push(`${path} must be a positive integer`);
};

/** A misspelled setting would otherwise be ignored in silence and its default used. */
const unknownKeys = (problems: Problems, value: unknown, known: readonly string[], path: string) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path || 'the configuration'} must be an object`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.push(`${path ? `${path}.` : ''}${key} is not a setting of the plugin (known: ${known.join(', ')})`);
  }
};

/**
 * A cron rule as Strapi's cron (croner) reads it: 5 fields (minute first) or 6 (seconds first)
 * of digits, names, `*`, `?`, ranges, steps, lists and croner's `L`, `W`, `#`. "every minute"
 * would be refused by croner at start-up and only logged, leaving the sweep unscheduled.
 */
const CRON_FIELD = /^[\dA-Za-z*?,\/#-]+$/;
const cronRule = (problems: Problems, value: unknown, path: string) => {
  const fields = typeof value === 'string' ? value.trim().split(/\s+/) : [];
  if (typeof value !== 'string' || !value.trim() || fields.length < 5 || fields.length > 6 || !fields.every((field) => CRON_FIELD.test(field))) {
    problems.push(`${path} must be a cron rule of 5 or 6 fields such as "0 3 * * *" (got ${JSON.stringify(value)})`);
  }
};

const OWNED_DATA_FLAGS = ['export', 'purge', 'refuseWhileArchived'] as const;
const OWNED_DATA_KEYS = ['uid', 'relation', ...OWNED_DATA_FLAGS, 'customerFields'] as const;

/** Shape only; that each uid and relation exist is checked at bootstrap (owned-data service). */
const validateOwnedData = (problems: Problems, list: unknown) => {
  if (!Array.isArray(list)) {
    problems.push('ownedData must be a list of { uid, relation, export, purge, refuseWhileArchived }');
    return;
  }
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    unknownKeys(problems, entry, OWNED_DATA_KEYS, `ownedData[${i}]`);
    if (typeof item.uid !== 'string' || !item.uid.trim()) problems.push(`ownedData[${i}].uid must be a content type uid such as "api::order.order"`);
    else if (seen.has(item.uid)) problems.push(`ownedData lists "${item.uid}" twice`);
    else seen.add(item.uid);
    if (typeof item.relation !== 'string' || !item.relation.trim()) problems.push(`ownedData[${i}].relation must be the name of the relation to the organization`);
    for (const flag of OWNED_DATA_FLAGS) {
      if (typeof item[flag] !== 'boolean') problems.push(`ownedData[${i}].${flag} must be a boolean`);
    }
    if (item.customerFields !== undefined && (!Array.isArray(item.customerFields) || item.customerFields.some((f) => typeof f !== 'string' || !f.trim()))) {
      problems.push(`ownedData[${i}].customerFields must be a list of attribute names`);
    }
  });
};

const STORAGE_KEYS = ['provider', 's3'] as const;
const S3_KEYS = ['bucket', 'region', 'endpoint', 'forcePathStyle', 'accessKeyId', 'secretAccessKey', 'prefix', 'presignedUrlTtlSeconds'] as const;
/** SigV4 presigned URLs live at most 7 days. */
const MAX_PRESIGNED_TTL = 7 * 24 * 3600;

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * The storage section. `s3` is only read (and so only checked) with `provider: 's3'`, so that
 * an app can keep its S3 settings while it switches back to the local folder.
 */
const validateStorage = (problems: Problems, storage: unknown) => {
  unknownKeys(problems, storage, STORAGE_KEYS, 'storage');
  const { provider, s3 } = (typeof storage === 'object' && storage !== null ? storage : {}) as Record<string, unknown>;
  if (provider !== 'local' && provider !== 's3') {
    problems.push(`storage.provider must be "local" or "s3" (got ${JSON.stringify(provider)})`);
    return;
  }
  if (provider === 'local') return;
  if (s3 === undefined) {
    problems.push('storage.s3 must hold the bucket\'s settings ({ bucket, region, … }) when storage.provider is "s3"');
    return;
  }
  unknownKeys(problems, s3, S3_KEYS, 'storage.s3');
  const settings = (typeof s3 === 'object' && s3 !== null ? s3 : {}) as Record<string, unknown>;
  if (!nonEmpty(settings.bucket)) problems.push('storage.s3.bucket must name the bucket (S3_BUCKET in the demo app)');
  if (!nonEmpty(settings.region)) problems.push('storage.s3.region must be a region such as "eu-central-1" (S3_REGION in the demo app; any value an S3-compatible server accepts)');
  if (settings.endpoint !== undefined && (typeof settings.endpoint !== 'string' || !/^https?:\/\/[^\s/]+/.test(settings.endpoint))) {
    problems.push(`storage.s3.endpoint must be an http(s) URL such as "http://127.0.0.1:9000" (got ${JSON.stringify(settings.endpoint)})`);
  }
  if (settings.forcePathStyle !== undefined && typeof settings.forcePathStyle !== 'boolean') problems.push('storage.s3.forcePathStyle must be a boolean');
  const keyId = settings.accessKeyId;
  const secretKey = settings.secretAccessKey;
  if ((keyId !== undefined && !nonEmpty(keyId)) || (secretKey !== undefined && !nonEmpty(secretKey))) {
    problems.push('storage.s3.accessKeyId and storage.s3.secretAccessKey must be non-empty strings when set');
  } else if ((keyId === undefined) !== (secretKey === undefined)) {
    problems.push('storage.s3.accessKeyId and storage.s3.secretAccessKey go together: set both, or neither to use the SDK\'s default credentials');
  }
  if (settings.prefix !== undefined && (typeof settings.prefix !== 'string' || settings.prefix.startsWith('/') || settings.prefix.split('/').includes('..'))) {
    problems.push('storage.s3.prefix must be a key prefix such as "offboarding/" (no leading "/", no "..")');
  }
  const ttl = settings.presignedUrlTtlSeconds;
  if (ttl !== undefined && (!Number.isInteger(ttl) || (ttl as number) < 1 || (ttl as number) > MAX_PRESIGNED_TTL)) {
    problems.push(`storage.s3.presignedUrlTtlSeconds must be a whole number of seconds from 1 to ${MAX_PRESIGNED_TTL} (presigned URLs live at most 7 days)`);
  }
};

/** An absolute http(s) URL holding `{token}` exactly once: the mail's link must carry the token. */
const validAcceptUrl = (value: unknown) => {
  if (typeof value !== 'string' || value.split('{token}').length !== 2) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value.replace('{token}', 'token')).protocol);
  } catch {
    // Not a URL at all.
    return false;
  }
};

/** Every problem of `config`, each naming its setting (empty when it is valid). */
/** The largest set-wise batch: its widest INSERT (audit rows) stays well under 65,535 parameters. */
const MAX_TRANSITION_BATCH = 1000;

export const configProblems = (config: OffboardingConfig): string[] => {
  const problems: Problems = [];
  unknownKeys(problems, config, Object.keys(DEFAULT_CONFIG), '');
  for (const section of ['cron', 'sweeps', 'purge', 'exports', 'webhooks', 'notices', 'invitations'] as const) {
    unknownKeys(problems, config[section], Object.keys(DEFAULT_CONFIG[section]), section);
  }
  if (typeof config.cron?.enabled !== 'boolean') problems.push('cron.enabled must be a boolean');
  for (const name of SWEEP_NAMES) cronRule(problems, config.cron?.[name], `cron.${name}`);
  positiveInteger(problems, config.sweeps?.batchSize, 'sweeps.batchSize');
  positiveInteger(problems, config.sweeps?.transitionBatchSize, 'sweeps.transitionBatchSize');
  // A batch's events, audit rows and tasks are each one multi-row INSERT: past this, PostgreSQL's
  // 65,535 bind parameters would refuse every batch.
  if (Number.isInteger(config.sweeps?.transitionBatchSize) && config.sweeps.transitionBatchSize > MAX_TRANSITION_BATCH) {
    problems.push(`sweeps.transitionBatchSize must be at most ${MAX_TRANSITION_BATCH} (each batch is written in single multi-row statements)`);
  }
  positiveInteger(problems, config.sweeps?.maxTasksPerRun, 'sweeps.maxTasksPerRun');
  positiveInteger(problems, config.sweeps?.leaseTtlMs, 'sweeps.leaseTtlMs');
  positiveInteger(problems, config.sweeps?.maxAttempts, 'sweeps.maxAttempts');
  positiveInteger(problems, config.purge?.batchSize, 'purge.batchSize');
  const dir = config.exports?.dir;
  if (typeof dir !== 'string' || !dir.trim()) problems.push('exports.dir must be a folder path');
  else if (/^public([\\/]|$)/.test(dir.replace(/^\.\//, ''))) problems.push('exports.dir must not be under public/ (exports are private)');
  positiveInteger(problems, config.exports?.expiresInDays, 'exports.expiresInDays');
  positiveInteger(problems, config.exports?.pageSize, 'exports.pageSize');
  positiveInteger(problems, config.exports?.staleAfterMs, 'exports.staleAfterMs');
  positiveInteger(problems, config.exports?.customerDailyLimit, 'exports.customerDailyLimit');
  validateStorage(problems, config.storage);
  validateOwnedData(problems, config.ownedData);
  for (const flag of ['allowInsecure', 'allowPrivateNetworks'] as const) {
    const value = config.webhooks?.[flag];
    if (value !== null && typeof value !== 'boolean') problems.push(`webhooks.${flag} must be a boolean, or null for "allowed unless NODE_ENV is production"`);
  }
  positiveInteger(problems, config.webhooks?.timeoutMs, 'webhooks.timeoutMs');
  positiveInteger(problems, config.notices?.cancellationReminderDays, 'notices.cancellationReminderDays');
  for (const key of ['graceReminderDays', 'purgeWarningDays'] as const) {
    const days = config.notices?.[key];
    if (!Array.isArray(days) || days.some((d) => !Number.isInteger(d) || d < 1)) problems.push(`notices.${key} must be a list of positive whole numbers of days`);
  }
  positiveInteger(problems, config.invitations?.expiresInDays, 'invitations.expiresInDays');
  const acceptUrl = config.invitations?.acceptUrl;
  if (acceptUrl !== null && !validAcceptUrl(acceptUrl)) {
    problems.push(`invitations.acceptUrl must be null or an http(s) URL with {token} where the token goes, such as "https://app.example.com/join?token={token}" (got ${JSON.stringify(acceptUrl)})`);
  }
  return problems;
};

export default {
  default: DEFAULT_CONFIG,
  validator: (config: OffboardingConfig) => {
    const problems = configProblems(config);
    if (problems.length) throw new Error(`plugin offboarding: ${problems.join('; ')}`);
  },
};
