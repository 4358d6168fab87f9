import config, { configProblems, DEFAULT_CONFIG, type OffboardingConfig } from '../../src/plugins/offboarding/server/src/config';

/** The defaults with `change` applied (a deep copy: the defaults stay as they are). */
const withChange = (change: (c: Record<string, any>) => void) => {
  const copy = JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as Record<string, any>;
  change(copy);
  return copy as OffboardingConfig;
};

describe('the plugin configuration (config/plugins: offboarding.config)', () => {
  it('accepts the defaults and a complete owned-data entry', () => {
    expect(configProblems(DEFAULT_CONFIG)).toEqual([]);
    const owned = withChange((c) => {
      c.ownedData = [{ uid: 'api::order.order', relation: 'organization', export: true, purge: true, refuseWhileArchived: true, customerFields: ['number'] }];
      c.cron.transitions = '*/5 * * * *';
      c.cron.purge = '0 30 2 * * 1-5';
    });
    expect(configProblems(owned)).toEqual([]);
  });

  it('refuses a misspelled setting instead of using its default in silence', () => {
    const typo = withChange((c) => {
      c.exportz = { dir: 'x' };
      c.sweeps.batchsize = 10;
      c.ownedData = [{ uid: 'api::order.order', relation: 'organization', export: true, purge: true, refuseWhileArchived: true, customerfields: ['number'] }];
    });
    expect(configProblems(typo)).toEqual([
      'exportz is not a setting of the plugin (known: cron, sweeps, purge, exports, ownedData)',
      'sweeps.batchsize is not a setting of the plugin (known: batchSize, maxTasksPerRun, leaseTtlMs, maxAttempts)',
      'ownedData[0].customerfields is not a setting of the plugin (known: uid, relation, export, purge, refuseWhileArchived, customerFields)',
    ]);
  });

  it('refuses a cron rule Strapi could not schedule, which it would only log', () => {
    const bad = withChange((c) => {
      c.cron.transitions = 'every minute';
      c.cron.retention = '* * * *';
      c.cron.purge = '0 3 * * * * *';
      c.cron.exports = '0 3 * * $(reboot)';
    });
    expect(configProblems(bad).map((p) => p.split(' must ')[0])).toEqual(['cron.transitions', 'cron.retention', 'cron.purge', 'cron.exports']);
  });

  it('names every wrong setting at once, and the start stops on them', () => {
    const bad = withChange((c) => {
      c.sweeps.batchSize = 0;
      c.exports.dir = 'public/exports';
      c.cron.enabled = 'yes';
    });
    expect(configProblems(bad)).toEqual([
      'cron.enabled must be a boolean',
      'sweeps.batchSize must be a positive integer',
      'exports.dir must not be under public/ (exports are private)',
    ]);
    expect(() => config.validator(bad)).toThrow(
      'plugin offboarding: cron.enabled must be a boolean; sweeps.batchSize must be a positive integer; exports.dir must not be under public/ (exports are private)'
    );
  });
});
