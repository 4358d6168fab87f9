import type { EntitlementInput } from '../../src/plugins/offboarding/shared/contracts/api';
import { monthly, useHarness } from '../helpers/harness';

const T0 = '2027-01-11T00:00:00.000Z';

interface Resource {
  documentId: string;
  kind: string;
  name: string | null;
  status: string;
  data: Record<string, unknown> | null;
}

describe('downstream deprovisioning from a durable outbox', () => {
  const h = useHarness('provisioning', { now: T0, refreeze: 'once' });
  const { api } = h;
  let org: string;

  beforeAll(async () => {
    org = (await h.organization({ name: 'Downstream' })).documentId;
  });

  const entitlement = async (cls: EntitlementInput['class'], resources: { kind: string; name?: string; status?: string; data?: Record<string, unknown> }[]) => {
    const ent = await h.entitlement(org, monthly({ class: cls, price: 1000 }));
    for (const resource of resources) {
      expect((await api.post(`/offboarding/entitlements/${ent.documentId}/resources`, resource)).status).toBe(201);
    }
    return ent.documentId;
  };
  const resources = async (ent: string) => (await api.get(`/offboarding/entitlements/${ent}/resources`)).body.data as Resource[];
  const byKind = (list: Resource[], kind: string) => list.filter((r) => r.kind === kind);
  const cancel = (ent: string) => api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'immediate' });
  const read = async (ent: string) => (await api.get(`/offboarding/entitlements/${ent}`)).body.data;

  it('PLG: license cancelled, sites keep their version without updates, downloads revoked — and back on reactivation', async () => {
    const ent = await entitlement('PLG', [
      { kind: 'license', name: 'LIC-1' },
      { kind: 'site_activation', name: 'shop.example', data: { installedVersion: '4.2.0' } },
      { kind: 'site_activation', name: 'blog.example', data: { installedVersion: '4.1.3' } },
      { kind: 'download_access' },
    ]);
    expect((await cancel(ent)).body.data).toMatchObject({ status: 'cancelled', provisioningState: 'pending', provisioningOperation: 'deprovision' });
    // Nothing happens downstream before the outbox is worked.
    expect(byKind(await resources(ent), 'license')[0].status).toBe('active');

    expect(await h.sweep('provisioning')).toMatchObject({ performed: 1, failed: 0 });
    const after = await resources(ent);
    expect(byKind(after, 'license')[0].status).toBe('cancelled');
    expect(byKind(after, 'download_access')[0].status).toBe('revoked');
    for (const site of byKind(after, 'site_activation')) {
      expect(site.status).toBe('active');
      expect(site.data).toMatchObject({ receivesUpdates: false, updatesStoppedAt: T0 });
    }
    expect(byKind(after, 'site_activation').map((s) => s.data?.installedVersion).sort()).toEqual(['4.1.3', '4.2.0']);
    expect(await read(ent)).toMatchObject({ provisioningState: 'done', provisionedAt: T0 });
    expect((await h.sweep('provisioning')).performed).toBe(0);

    expect((await api.post(`/offboarding/entitlements/${ent}/reactivate`)).body.data).toMatchObject({ status: 'active', provisioningOperation: 'reprovision' });
    expect((await h.sweep('provisioning')).performed).toBe(1);
    const back = await resources(ent);
    expect(byKind(back, 'license')[0].status).toBe('active');
    expect(byKind(back, 'download_access')[0].status).toBe('active');
    expect(byKind(back, 'site_activation').every((s) => s.data?.receivesUpdates === true)).toBe(true);
    const events = (await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as { action: string; targetId: string }[];
    expect(events.filter((e) => e.targetId === ent && e.action === 'entitlement.deprovisioned')).toHaveLength(1);
    expect(events.filter((e) => e.targetId === ent && e.action === 'entitlement.reprovisioned')).toHaveLength(1);
  });

  it('ENV: the environment is deprovisioned with an export reminder and a teardown date', async () => {
    const ent = await entitlement('ENV', [{ kind: 'environment', name: 'prod-eu-1' }]);
    await cancel(ent);
    await h.sweep('provisioning');
    const [env] = await resources(ent);
    expect(env.status).toBe('deprovisioned');
    // Torn down when the default policy's 365 days of data retention after the cancellation end.
    expect(env.data).toMatchObject({ exportReminderAt: T0, teardownAt: new Date(Date.parse(T0) + 365 * 86_400_000).toISOString() });
  });

  it('SVC: service and contract cancelled, open requests flagged for review, credit frozen', async () => {
    const ent = await entitlement('SVC', [
      { kind: 'service', name: 'Premium support' },
      { kind: 'service_request', name: 'REQ-1', status: 'open' },
      { kind: 'service_request', name: 'REQ-2', status: 'closed' },
      { kind: 'contract', name: 'C-2027-01' },
      { kind: 'credit_balance', data: { hours: 12 } },
    ]);
    await cancel(ent);
    await h.sweep('provisioning');
    const list = await resources(ent);
    expect(byKind(list, 'service')[0].status).toBe('cancelled');
    expect(byKind(list, 'contract')[0].status).toBe('cancelled');
    expect(byKind(list, 'service_request').map((r) => `${r.name}:${r.status}`).sort()).toEqual(['REQ-1:needs_review', 'REQ-2:closed']);
    expect(byKind(list, 'credit_balance')[0]).toMatchObject({ status: 'frozen', data: { hours: 12, frozenAt: T0 } });
  });

  it('a scheduled cancellation deprovisions too when the sweep makes it effective', async () => {
    const ent = await entitlement('PLG', [{ kind: 'license' }]);
    await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expect((await read(ent)).provisioningState).toBe('none');
    h.clock.freeze('2027-01-31T00:00:00Z');
    await api.post('/offboarding/jobs/transitions/run');
    expect((await read(ent)).provisioningState).toBe('pending');
    await h.sweep('provisioning');
    expect(byKind(await resources(ent), 'license')[0].status).toBe('cancelled');
    h.clock.freeze(T0);
  });

  it('honours deprovisionOnCancel: false for a class', async () => {
    const policies = (await api.get('/offboarding/provisioning-policies')).body.data as { documentId: string; entitlementClass: string }[];
    const edu = policies.find((p) => p.entitlementClass === 'EDU')!;
    expect((await api.put(`/offboarding/provisioning-policies/${edu.documentId}`, { deprovisionOnCancel: false })).status).toBe(200);
    const ent = await entitlement('EDU', [{ kind: 'course_seat' }]);
    expect((await cancel(ent)).body.data.provisioningState).toBe('none');
    expect((await h.sweep('provisioning')).performed).toBe(0);
    expect((await resources(ent))[0].status).toBe('active');
  });

  it("an app handler that throws leaves the cancellation whole, nothing half done, and a visible failure an admin can retry", async () => {
    const provisioning = h.strapi.plugin('offboarding').service('provisioning');
    let healthy = false;
    provisioning.register('AFL', {
      deprovision: async ({ resources: list }: { resources: { id: number }[] }) => {
        await h.strapi.db.query('plugin::offboarding.resource').update({ where: { id: list[0].id }, data: { status: 'half-done' } });
        if (!healthy) throw new Error('affiliate network unreachable');
        await h.strapi.db.query('plugin::offboarding.resource').update({ where: { id: list[0].id }, data: { status: 'closed' } });
      },
    });
    const ent = await entitlement('AFL', [{ kind: 'affiliate_account' }]);
    await cancel(ent);
    expect(await h.sweep('provisioning')).toMatchObject({ failed: 1, performed: 0 });
    expect(await read(ent)).toMatchObject({ status: 'cancelled', provisioningState: 'failed', provisioningError: 'affiliate network unreachable' });
    // The handler's partial write was rolled back with it.
    expect((await resources(ent))[0].status).toBe('active');
    const failedTask = (await api.get(`/offboarding/tasks?targetId=${ent}`)).body.data as { kind: string; lastError: string; state: string }[];
    expect(failedTask.find((t) => t.kind === 'deprovision')).toMatchObject({ lastError: 'affiliate network unreachable', state: 'pending' });

    healthy = true;
    const retried = await api.post(`/offboarding/entitlements/${ent}/provisioning/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.data.provisioningState).toBe('pending');
    expect((await h.sweep('provisioning')).performed).toBe(1);
    expect((await resources(ent))[0].status).toBe('closed');
    expect((await read(ent)).provisioningState).toBe('done');
    const again = await api.post(`/offboarding/entitlements/${ent}/provisioning/retry`);
    expect(again.status).toBe(409);
  });

  it('refuses bad resource input with 400 and unknown entitlements with 404', async () => {
    const ent = await entitlement('PLG', []);
    const bad = await api.post(`/offboarding/entitlements/${ent}/resources`, { kind: 'Has Spaces' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['kind']);
    expect((await api.post(`/offboarding/entitlements/${ent}/resources`, { kind: 'license', extra: 1 })).status).toBe(400);
    expect((await api.get('/offboarding/entitlements/nope/resources')).status).toBe(404);
    expect((await api.post('/offboarding/entitlements/nope/provisioning/retry')).status).toBe(404);
    expect(await resources(ent)).toEqual([]);
  });

  it("deleting the organization removes its entitlements' resources, leaving no orphan link rows", async () => {
    const before = await h.strapi.db.query('plugin::offboarding.resource').count();
    expect(before).toBeGreaterThan(0);
    const removed = await api.delete(`/offboarding/organizations/${org}?confirm=Downstream`);
    expect(removed.status).toBe(200);
    expect(await h.strapi.db.query('plugin::offboarding.resource').count()).toBe(0);
    const knex = h.strapi.db.connection;
    const [links] = await knex('offboarding_resources_entitlement_lnk').count({ n: '*' });
    expect(Number(links.n)).toBe(0);
  });
});
