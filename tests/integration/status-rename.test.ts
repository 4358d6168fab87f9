import type { Core } from '@strapi/strapi';
import { adminClient, createAdmin } from '../helpers/admin';
import { startStrapi } from '../helpers/strapi';

/**
 * The entitlement's and the organization's status is stored as `lifecycleStatus`: Strapi reads
 * an attribute named `status` as the draft & publish state (the Content Manager showed
 * "Published" for every entitlement). The API keeps `status`; a database from before the rename
 * keeps its values through the migration that runs before Strapi's schema sync.
 */
const NAME = 'status_rename';
const MIGRATION = 'offboarding::0.2.0-status-to-lifecycle-status';
const TABLES = ['offboarding_entitlements', 'offboarding_organizations'];

const table = (strapi: Core.Strapi, name: string) => {
  const schema = strapi.db.getSchemaName();
  return schema ? strapi.db.connection(name).withSchema(schema) : strapi.db.connection(name);
};

describe('status stored as lifecycleStatus', () => {
  let instance: Awaited<ReturnType<typeof startStrapi>>;

  afterAll(async () => {
    await instance.cleanup();
  });

  it('no plugin type Strapi can show has an attribute named `status`; the API still says `status`', async () => {
    instance = await startStrapi(NAME);
    const { strapi } = instance;
    for (const uid of ['plugin::offboarding.entitlement', 'plugin::offboarding.organization'] as const) {
      const attributes = strapi.contentType(uid).attributes as Record<string, unknown>;
      expect(attributes.status).toBeUndefined();
      expect(attributes.lifecycleStatus).toBeDefined();
    }
    const api = adminClient(strapi, await createAdmin(strapi));
    const org = (await api.post('/offboarding/organizations', { name: 'Renamed Co' })).body.data.documentId as string;
    const body = { price: 100, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: '2027-01-01T00:00:00Z', currentPeriodEnd: '2027-02-01T00:00:00Z' };
    const plg = (await api.post(`/offboarding/organizations/${org}/entitlements`, { ...body, class: 'PLG' })).body.data.documentId as string;
    await api.post(`/offboarding/organizations/${org}/entitlements`, { ...body, class: 'ENV' });
    expect((await api.post(`/offboarding/entitlements/${plg}/suspend`, { reason: 'manual' })).body.data.status).toBe('suspended');
    const detail = (await api.get(`/offboarding/organizations/${org}`)).body.data;
    expect(detail.status).toBe('suspended');
    expect(detail.lifecycleStatus).toBeUndefined();
    expect(detail.entitlements.map((e: { status: string }) => e.status).sort()).toEqual(['active', 'suspended']);
    expect((await api.get('/offboarding/organizations?status=suspended')).body.data.map((o: { name: string }) => o.name)).toEqual(['Renamed Co']);

    // The database as 0.1.0 left it: the values in `status`, no `lifecycle_status` values, and
    // the migration not yet run.
    for (const name of TABLES) {
      await strapi.db.getSchemaConnection().alterTable(name, (t) => {
        t.string('status');
      });
      await table(strapi, name).update({ status: strapi.db.connection.ref('lifecycle_status') });
      await table(strapi, name).update({ lifecycle_status: null });
    }
    await strapi.store.set({ type: 'plugin', name: 'offboarding', key: 'schema', value: { version: '0.1.0', applied: [] } });
    expect(await table(strapi, 'offboarding_entitlements').whereNotNull('lifecycle_status').select('id')).toHaveLength(0);
    await instance.stop();

    // Upgraded: the app boots on that database and every status is where it was.
    instance = await startStrapi(NAME, { reuse: true });
    const again = adminClient(instance.strapi, await createAdmin(instance.strapi));
    const upgraded = (await again.get(`/offboarding/organizations/${org}`)).body.data;
    expect(upgraded.status).toBe('suspended');
    expect(upgraded.entitlements.map((e: { status: string }) => e.status).sort()).toEqual(['active', 'suspended']);
    const record = await instance.strapi.store.get({ type: 'plugin', name: 'offboarding', key: 'schema' });
    expect(record).toEqual({ version: '0.2.0', applied: [MIGRATION, 'offboarding::0.2.0-refund-ledger-from-entitlements'] });
  });
});
