import config, { configProblems, DEFAULT_CONFIG, type OffboardingConfig } from '../../src/plugins/offboarding/server/src/config';
import { keyPrefix } from '../../src/plugins/offboarding/server/src/services/storage';

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
      'exportz is not a setting of the plugin (known: cron, sweeps, purge, exports, storage, ownedData, webhooks, notices, invitations)',
      'sweeps.batchsize is not a setting of the plugin (known: batchSize, transitionBatchSize, maxTasksPerRun, leaseTtlMs, maxAttempts)',
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

  describe('invitations', () => {
    it('defaults to 7 days and the portal\'s own accept link', () => {
      expect(DEFAULT_CONFIG.invitations).toEqual({ expiresInDays: 7, acceptUrl: null });
    });

    it('accepts a host-app page with {token} in it', () => {
      const ok = withChange((c) => {
        c.invitations = { expiresInDays: 14, acceptUrl: 'https://app.example.com/join?token={token}' };
      });
      expect(configProblems(ok)).toEqual([]);
    });

    it('names every wrong invitation setting', () => {
      const bad = (invitations: Record<string, unknown>) => configProblems(withChange((c) => (c.invitations = { ...c.invitations, ...invitations })));
      expect(bad({ expiresInDays: 0 })).toEqual(['invitations.expiresInDays must be a positive integer']);
      expect(bad({ expiresInDays: 1.5 })).toEqual(['invitations.expiresInDays must be a positive integer']);
      for (const acceptUrl of ['https://app.example.com/join', 'ftp://x.test/{token}', 'not a url {token}', 'https://x.test/{token}/{token}', 42, '']) {
        expect(bad({ acceptUrl })).toEqual([expect.stringMatching(/^invitations\.acceptUrl must be null or an http\(s\) URL with \{token\}/)]);
      }
      expect(bad({ acceptURL: 'x' })).toEqual([expect.stringMatching(/^invitations\.acceptURL is not a setting of the plugin/)]);
    });
  });

  it('bounds the set-wise transition batch (each is written in single multi-row statements)', () => {
    expect(configProblems(withChange((c) => (c.sweeps.transitionBatchSize = 1000)))).toEqual([]);
    expect(configProblems(withChange((c) => (c.sweeps.transitionBatchSize = 1001)))).toEqual([
      'sweeps.transitionBatchSize must be at most 1000 (each batch is written in single multi-row statements)',
    ]);
    expect(configProblems(withChange((c) => (c.sweeps.transitionBatchSize = 0)))).toEqual(['sweeps.transitionBatchSize must be a positive integer']);
  });

  describe('storage', () => {
    const s3 = { bucket: 'exports', region: 'eu-central-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, accessKeyId: 'key', secretAccessKey: 'secret', prefix: 'offboarding/', presignedUrlTtlSeconds: 300 };

    it('accepts the local folder (the default) and a complete S3 bucket', () => {
      expect(DEFAULT_CONFIG.storage).toEqual({ provider: 'local' });
      expect(configProblems(withChange((c) => (c.storage = { provider: 's3', s3 })))).toEqual([]);
      // AWS itself: no endpoint, the SDK's own credentials.
      expect(configProblems(withChange((c) => (c.storage = { provider: 's3', s3: { bucket: 'exports', region: 'eu-west-1' } })))).toEqual([]);
      // Settings kept for later are not read while the local folder is used.
      expect(configProblems(withChange((c) => (c.storage = { provider: 'local', s3: { bucket: '' } })))).toEqual([]);
    });

    it('takes a prefix without its final "/" as the same folder, not as the start of every key', () => {
      expect(configProblems(withChange((c) => (c.storage = { provider: 's3', s3: { ...s3, prefix: 'offboarding/exports' } })))).toEqual([]);
      expect(keyPrefix('offboarding/exports')).toBe('offboarding/exports/');
      expect(keyPrefix('offboarding/exports/')).toBe('offboarding/exports/');
      expect(keyPrefix('')).toBe('');
      expect(keyPrefix(undefined)).toBe('');
    });

    it('names every wrong storage setting', () => {
      expect(configProblems(withChange((c) => (c.storage = { provider: 'S3' })))).toEqual(['storage.provider must be "local" or "s3" (got "S3")']);
      expect(configProblems(withChange((c) => (c.storage = { provider: 's3' })))).toEqual([
        'storage.s3 must hold the bucket\'s settings ({ bucket, region, … }) when storage.provider is "s3"',
      ]);
      const bad = withChange((c) => {
        c.storage = { provider: 's3', s3: { bucket: ' ', endpoint: '127.0.0.1:9000', forcePathStyle: 'true', accessKeyId: 'key', prefix: '/x', presignedUrlTtlSeconds: 8 * 24 * 3600, bucketName: 'x' } };
      });
      expect(configProblems(bad)).toEqual([
        'storage.s3.bucketName is not a setting of the plugin (known: bucket, region, endpoint, forcePathStyle, accessKeyId, secretAccessKey, prefix, presignedUrlTtlSeconds)',
        'storage.s3.bucket must name the bucket (S3_BUCKET in the demo app)',
        'storage.s3.region must be a region such as "eu-central-1" (S3_REGION in the demo app; any value an S3-compatible server accepts)',
        'storage.s3.endpoint must be an http(s) URL such as "http://127.0.0.1:9000" (got "127.0.0.1:9000")',
        'storage.s3.forcePathStyle must be a boolean',
        "storage.s3.accessKeyId and storage.s3.secretAccessKey go together: set both, or neither to use the SDK's default credentials",
        'storage.s3.prefix must be a key prefix such as "offboarding/" (no leading "/", no "..")',
        'storage.s3.presignedUrlTtlSeconds must be a whole number of seconds from 1 to 604800 (presigned URLs live at most 7 days)',
      ]);
    });
  });
});
