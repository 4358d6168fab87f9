import { SWEEP_NAMES, type SweepName } from '../../../shared/contracts/constants';

export interface OffboardingConfig {
  cron: { enabled: boolean } & Record<SweepName, string>;
  sweeps: {
    /** Tasks read per query. */
    batchSize: number;
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
  /** The app's content types that belong to an organization (docs/spec.md §3), checked against the schema at bootstrap. */
  ownedData: OwnedDataConfig[];
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
  /** Creating or re-assigning one for an archived organization is refused. */
  refuseWhileArchived: boolean;
  /**
   * The fields a customer export may hold (docs/spec.md §9: customer output is allow-listed). Without
   * it, the type is left out of customer exports; admin exports hold every non-private field.
   */
  customerFields?: string[];
}

export const DEFAULT_CONFIG: OffboardingConfig = {
  // node-schedule rule syntax (Strapi's cron). Every instance runs every job; leases pick one.
  cron: { enabled: true, transitions: '*/1 * * * *', retention: '0 3 * * *', purge: '30 * * * *', exports: '*/1 * * * *', provisioning: '*/1 * * * *' },
  sweeps: { batchSize: 100, maxTasksPerRun: 10_000, leaseTtlMs: 120_000, maxAttempts: 5 },
  purge: { batchSize: 1000 },
  exports: { dir: 'exports', expiresInDays: 7, pageSize: 1000, staleAfterMs: 30 * 60_000, customerDailyLimit: 5 },
  ownedData: [],
};

const positiveInteger = (value: unknown, path: string) => {
  if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`plugin offboarding: ${path} must be a positive integer`);
};

const OWNED_DATA_FLAGS = ['export', 'purge', 'refuseWhileArchived'] as const;

/** Shape only; that each uid and relation exist is checked at bootstrap (owned-data service). */
const validateOwnedData = (list: unknown) => {
  if (!Array.isArray(list)) throw new Error('plugin offboarding: ownedData must be a list of { uid, relation, export, purge, refuseWhileArchived }');
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof item.uid !== 'string' || !item.uid.trim()) throw new Error(`plugin offboarding: ownedData[${i}].uid must be a content type uid such as "api::order.order"`);
    if (seen.has(item.uid)) throw new Error(`plugin offboarding: ownedData lists "${item.uid}" twice`);
    seen.add(item.uid);
    if (typeof item.relation !== 'string' || !item.relation.trim()) throw new Error(`plugin offboarding: ownedData[${i}].relation must be the name of the relation to the organization`);
    for (const flag of OWNED_DATA_FLAGS) {
      if (typeof item[flag] !== 'boolean') throw new Error(`plugin offboarding: ownedData[${i}].${flag} must be a boolean`);
    }
    if (item.customerFields !== undefined && (!Array.isArray(item.customerFields) || item.customerFields.some((f) => typeof f !== 'string' || !f.trim()))) {
      throw new Error(`plugin offboarding: ownedData[${i}].customerFields must be a list of attribute names`);
    }
  });
};

export default {
  default: DEFAULT_CONFIG,
  validator: (config: OffboardingConfig) => {
    if (typeof config.cron?.enabled !== 'boolean') throw new Error('plugin offboarding: cron.enabled must be a boolean');
    for (const name of SWEEP_NAMES) {
      if (typeof config.cron[name] !== 'string' || !config.cron[name].trim()) {
        throw new Error(`plugin offboarding: cron.${name} must be a cron rule such as "0 3 * * *"`);
      }
    }
    positiveInteger(config.sweeps?.batchSize, 'sweeps.batchSize');
    positiveInteger(config.sweeps?.maxTasksPerRun, 'sweeps.maxTasksPerRun');
    positiveInteger(config.sweeps?.leaseTtlMs, 'sweeps.leaseTtlMs');
    positiveInteger(config.sweeps?.maxAttempts, 'sweeps.maxAttempts');
    positiveInteger(config.purge?.batchSize, 'purge.batchSize');
    if (typeof config.exports?.dir !== 'string' || !config.exports.dir.trim()) {
      throw new Error('plugin offboarding: exports.dir must be a folder path');
    }
    if (/^public([\\/]|$)/.test(config.exports.dir.replace(/^\.\//, ''))) {
      throw new Error('plugin offboarding: exports.dir must not be under public/ (exports are private)');
    }
    positiveInteger(config.exports.expiresInDays, 'exports.expiresInDays');
    positiveInteger(config.exports.pageSize, 'exports.pageSize');
    positiveInteger(config.exports.staleAfterMs, 'exports.staleAfterMs');
    positiveInteger(config.exports.customerDailyLimit, 'exports.customerDailyLimit');
    validateOwnedData(config.ownedData);
  },
};
