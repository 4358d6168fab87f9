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
}

export const DEFAULT_CONFIG: OffboardingConfig = {
  // node-schedule rule syntax (Strapi's cron). Every instance runs every job; leases pick one.
  cron: { enabled: true, transitions: '*/1 * * * *', retention: '0 3 * * *', purge: '30 * * * *' },
  sweeps: { batchSize: 100, maxTasksPerRun: 10_000, leaseTtlMs: 120_000, maxAttempts: 5 },
  purge: { batchSize: 1000 },
};

const positiveInteger = (value: unknown, path: string) => {
  if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`plugin offboarding: ${path} must be a positive integer`);
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
  },
};
