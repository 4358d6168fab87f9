/**
 * docs/spec.md §12, end to end: one organization walked through every row of the stage table.
 * At each row the admin API, the portal, the owned-data guard (Document Service, REST, Content
 * Manager), resources, customer exports and the host app's `service('access')` must all agree
 * with the table, which is written out below as the spec states it.
 */
import request from 'supertest';
import type { AccessCapability, AccessStage, AccessView } from '../../src/plugins/offboarding/shared/contracts/access';
import { DAY, NOW, expectStatus, plusDays, unique, useHarness, type PortalUser } from '../helpers/harness';

const CAPABILITIES: AccessCapability[] = ['portalLogin', 'portalWrite', 'invite', 'acceptInvite', 'newOrders', 'assignResources', 'customerExport'];
const Y = true;
const N = false;
const TABLE: Record<AccessStage, boolean[]> = {
  active: [Y, Y, Y, Y, Y, Y, Y],
  pending_cancellation: [Y, Y, N, N, Y, N, Y],
  suspended: [Y, Y, N, N, N, N, Y],
  suspended_restricted: [Y, N, N, N, N, N, Y],
  suspended_blocked: [N, N, N, N, N, N, N],
  paused: [N, N, N, N, N, N, N],
  cancelled: [Y, N, N, N, N, N, Y],
  cancelled_closed: [N, N, N, N, N, N, N],
  access_disabled: [N, N, N, N, N, N, N],
  archived: [N, N, N, N, N, N, N],
  purged: [N, N, N, N, N, N, N],
};
const PHRASE: Record<AccessStage, RegExp> = {
  active: /active/,
  pending_cancellation: /is pending cancellation/,
  suspended: /is suspended/,
  suspended_restricted: /read-only portal/,
  suspended_blocked: /portal closed/,
  paused: /is paused/,
  cancelled: /is cancelled/,
  cancelled_closed: /past its portal access period/,
  access_disabled: /is disabled/,
  archived: /is archived/,
  purged: /purged/,
};

interface AccessService {
  can: (organization: string, capability: AccessCapability) => Promise<boolean>;
  assert: (organization: string, capability: AccessCapability) => Promise<void>;
}

describe('access stages, one organization through every row (docs/spec.md §12)', () => {
  const h = useHarness('access-stages', { now: NOW, refreeze: 'once' });
  const { api } = h;
  let org: { documentId: string; id: number; name: string };
  let first: string;
  let second: string;
  let user: PortalUser;
  let apiToken: string;
  let orders = 0;

  const access = () => h.strapi.plugin('offboarding').service('access') as unknown as AccessService;
  const order = () => ({ number: unique('ORD'), total: 1000, currency: 'EUR', orderedAt: NOW });
  const orderCount = () => h.strapi.db.query('api::order.order').count({ where: { organization: { id: org.id } } });
  const resourceCount = () => h.strapi.db.query('plugin::offboarding.resource').count({ where: { entitlement: { documentId: first } } });
  const portal = (path: string) => request(h.server).get(`/api/offboarding/portal/organizations/${org.documentId}${path}`).set(user.auth);

  beforeAll(async () => {
    const created = await h.organization({ name: unique('Stages') });
    const row = await h.strapi.db.query('plugin::offboarding.organization').findOne({ where: { documentId: created.documentId } });
    org = { documentId: created.documentId, id: row.id, name: created.name };
    first = (await h.entitlement(org.documentId)).documentId;
    user = await h.portalUser('stages');
    await h.collaborator(org.documentId, user.email, 'owner');
    const token = await h.strapi.service('admin::api-token').create({ name: 'access stages', type: 'full-access', lifespan: null });
    apiToken = token.accessKey as string;
  });

  /** Every path that reads or writes through the rule answers as the table's row says. */
  const expectRow = async (stage: AccessStage, orderPath: 'document' | 'rest' | 'content-manager' = 'document') => {
    const row = Object.fromEntries(CAPABILITIES.map((capability, i) => [capability, TABLE[stage][i]])) as Record<AccessCapability, boolean>;

    // The admin API.
    const admin = await api.get(`/offboarding/organizations/${org.documentId}/access`);
    expectStatus(admin, 200);
    const view = admin.body.data as AccessView;
    expect(view.stage).toBe(stage);
    expect(Object.fromEntries(CAPABILITIES.map((c) => [c, view[c]]))).toEqual(row);
    for (const capability of CAPABILITIES) {
      if (row[capability]) expect(view.reasons[capability]).toBeUndefined();
      else expect(view.reasons[capability]).toMatch(PHRASE[stage]);
    }

    // The portal: the same answer to the collaborator (a purged organization no longer exists for them).
    const mine = await portal('/access');
    if (stage === 'purged') {
      expect(mine.status).toBe(404);
    } else {
      expectStatus(mine, 200);
      expect(mine.body.data).toEqual(view);
    }
    const detail = await portal('');
    expect(detail.status).toBe(row.portalLogin ? 200 : stage === 'purged' ? 404 : 403);
    const listed = await request(h.server).get('/api/offboarding/portal/organizations').set(user.auth);
    expect((listed.body.data as { documentId: string }[]).some((o) => o.documentId === org.documentId)).toBe(row.portalLogin);

    // The host app's service.
    for (const capability of CAPABILITIES) {
      expect(await access().can(org.documentId, capability)).toBe(row[capability]);
      if (row[capability]) await expect(access().assert(org.documentId, capability)).resolves.toBeUndefined();
      else {
        await expect(access().assert(org.documentId, capability)).rejects.toMatchObject({
          status: 409,
          message: expect.stringMatching(PHRASE[stage]),
          details: { organization: org.documentId, stage, capability },
        });
      }
    }

    // New orders, through the path chosen for this row: created exactly when newOrders allows it.
    const before = await orderCount();
    let status: number;
    let message = '';
    if (orderPath === 'document') {
      try {
        await h.strapi.documents('api::order.order').create({ data: { ...order(), organization: org.documentId } as never });
        status = 201;
      } catch (error) {
        status = (error as { status?: number }).status ?? 500;
        message = (error as Error).message;
      }
    } else {
      const res =
        orderPath === 'rest'
          ? await request(h.server).post('/api/orders').set('Authorization', `Bearer ${apiToken}`).send({ data: { ...order(), organization: org.documentId } })
          : await request(h.server)
              .post('/content-manager/collection-types/api::order.order')
              .set('Authorization', `Bearer ${h.session.token}`)
              .send({ ...order(), organization: { connect: [{ id: org.id, documentId: org.documentId, locale: null, position: { end: true } }], disconnect: [] } });
      status = res.status === 200 ? 201 : res.status;
      message = res.body?.error?.message ?? '';
      if (status === 409) expect(res.body.error.details).toMatchObject({ organization: org.documentId, stage, capability: 'newOrders' });
    }
    if (row.newOrders) {
      expect(status).toBe(201);
      orders += 1;
    } else {
      expect(status).toBe(409);
      expect(message).toContain(`"${org.name}"`);
      expect(message).toMatch(PHRASE[stage]);
    }
    expect(await orderCount()).toBe(row.newOrders ? before + 1 : before);

    // A new resource for the entitlement.
    const resources = await resourceCount();
    const resource = await api.post(`/offboarding/entitlements/${first}/resources`, { kind: 'phone_agent', name: unique('agent') });
    if (row.assignResources) expectStatus(resource, 201);
    // The purge removed the entitlements: nothing left to assign to.
    else if (stage === 'purged') expectStatus(resource, 404);
    else {
      expectStatus(resource, 409);
      expect(resource.body.error.details).toMatchObject({ stage, capability: 'assignResources' });
      expect(resource.body.error.message).toMatch(PHRASE[stage]);
    }
    expect(await resourceCount()).toBe(resources + (row.assignResources ? 1 : 0));

    // A customer export, as the collaborator asks for one.
    const exportRequest = await request(h.server).post(`/api/offboarding/portal/organizations/${org.documentId}/exports`).set(user.auth).send({});
    if (row.customerExport) expect([200, 202]).toContain(exportRequest.status);
    else expect(exportRequest.status).toBe(stage === 'purged' ? 404 : 403);
  };

  it('active: every entitlement active', async () => {
    await expectRow('active');
  });

  it('pending cancellation: users log in, nobody is invited, nothing new is assigned, orders go on', async () => {
    expectStatus(await api.post(`/offboarding/entitlements/${first}/cancel`, { reason: 'customer_request', timing: 'period_end' }), 200);
    await expectRow('pending_cancellation', 'rest');
  });

  it('suspended (none pending): no new orders either', async () => {
    expectStatus(await api.post(`/offboarding/entitlements/${first}/undo-cancel`, {}), 200);
    expectStatus(await api.post(`/offboarding/entitlements/${first}/suspend`, { reason: 'non_payment' }), 200);
    await expectRow('suspended', 'content-manager');
  });

  it('a mix of pending and suspended entitlements is the pending-cancellation row', async () => {
    second = (await h.entitlement(org.documentId)).documentId;
    expectStatus(await api.post(`/offboarding/entitlements/${second}/cancel`, { reason: 'customer_request', timing: 'period_end' }), 200);
    await expectRow('pending_cancellation');
    // The pending one cancelled now instead: only the suspension is left.
    expectStatus(await api.post(`/offboarding/entitlements/${second}/undo-cancel`, {}), 200);
    expectStatus(await api.post(`/offboarding/entitlements/${second}/cancel`, { reason: 'customer_request', timing: 'immediate' }), 200);
    await expectRow('suspended', 'rest');
  });

  it('access disabled: closed, billing goes on', async () => {
    expectStatus(await api.post(`/offboarding/entitlements/${first}/resume`, {}), 200);
    await expectRow('active', 'content-manager');
    expectStatus(await api.post(`/offboarding/organizations/${org.documentId}/disable`, { reason: 'unpaid invoices' }), 200);
    await expectRow('access_disabled', 'rest');
    expectStatus(await api.post(`/offboarding/organizations/${org.documentId}/enable`, {}), 200);
    await expectRow('active');
  });

  it('paused with access blocked: closed while nothing else runs; a pause keeping access stays active (docs/spec.md §13)', async () => {
    expectStatus(await api.post(`/offboarding/entitlements/${first}/pause`, { reason: 'other', access: 'block' }), 200);
    await expectRow('paused', 'rest');
    expectStatus(await api.post(`/offboarding/entitlements/${first}/resume`, {}), 200);
    expectStatus(await api.post(`/offboarding/entitlements/${first}/pause`, { reason: 'other', access: 'keep' }), 200);
    await expectRow('active', 'content-manager');
    expectStatus(await api.post(`/offboarding/entitlements/${first}/resume`, {}), 200);
  });

  it('dunning: restricted, then blocked, only while no entitlement is in good standing (docs/spec.md §13)', async () => {
    expectStatus(await api.post(`/offboarding/entitlements/${first}/suspend`, { reason: 'non_payment' }), 200);
    // The dunning sweep (its own issue part) writes the level reached; the rule only reads it.
    const setLevel = (dunningLevel: 'none' | 'restrict' | 'block' | null) =>
      h.strapi.db.query('plugin::offboarding.entitlement').update({ where: { documentId: first }, data: { dunningLevel } });
    await setLevel('restrict');
    await expectRow('suspended_restricted');
    await setLevel('block');
    await expectRow('suspended_blocked', 'rest');
    // Another entitlement, paid up: the overdue one no longer closes the organization (killbill#1997).
    const paid = (await h.entitlement(org.documentId)).documentId;
    await expectRow('suspended', 'content-manager');
    expectStatus(await api.post(`/offboarding/entitlements/${paid}/cancel`, { reason: 'customer_request', timing: 'immediate' }), 200);
    await expectRow('suspended_blocked');
    await setLevel(null);
    expectStatus(await api.post(`/offboarding/entitlements/${first}/resume`, {}), 200);
    await expectRow('active');
  });

  it('cancelled: a read-only portal through the last instant of portalVisibilityDays, then nothing', async () => {
    expectStatus(await api.post(`/offboarding/entitlements/${first}/cancel`, { reason: 'customer_request', timing: 'immediate' }), 200);
    await expectRow('cancelled');
    const lastInstant = new Date(Date.parse(NOW) + 90 * DAY);
    h.clock.freeze(lastInstant);
    await expectRow('cancelled', 'content-manager');
    h.clock.freeze(new Date(lastInstant.getTime() + 1));
    await expectRow('cancelled_closed', 'rest');
  });

  it('archived, then purged', async () => {
    expectStatus(await api.post(`/offboarding/organizations/${org.documentId}/archive`, {}), 200);
    await expectRow('archived', 'content-manager');
    h.clock.freeze(plusDays(NOW, 366));
    expectStatus(await api.post('/offboarding/jobs/retention/run', {}), 200);
    h.clock.freeze(plusDays(NOW, 366 + 8));
    expectStatus(await api.post('/offboarding/jobs/purge/run', {}), 200);
    expect((await api.get(`/offboarding/organizations/${org.documentId}`)).body.data.purgeState).toBe('purged');
    await expectRow('purged');
    // Orders made while the stages allowed them were purged with the organization.
    expect(orders).toBeGreaterThan(0);
    expect(await orderCount()).toBe(0);
  });

  it('an unknown organization: 404 for the admin, the collaborator and assert; can() is false', async () => {
    expectStatus(await api.get('/offboarding/organizations/zzzzzzzzzzzzzzzzzzzzzzzz/access'), 404);
    expect((await request(h.server).get('/api/offboarding/portal/organizations/zzzzzzzzzzzzzzzzzzzzzzzz/access').set(user.auth)).status).toBe(404);
    expect(await access().can('zzzzzzzzzzzzzzzzzzzzzzzz', 'portalLogin')).toBe(false);
    await expect(access().assert('zzzzzzzzzzzzzzzzzzzzzzzz', 'portalLogin')).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(access().can(org.documentId, 'fly' as AccessCapability)).rejects.toThrow(/Unknown access capability "fly"/);
  });

  it("another tenant's organization is an unknown one in the portal; the access route needs a login", async () => {
    const other = await h.organization({ name: unique('Other') });
    expect((await request(h.server).get(`/api/offboarding/portal/organizations/${other.documentId}/access`).set(user.auth)).status).toBe(404);
    expect((await request(h.server).get(`/api/offboarding/portal/organizations/${other.documentId}/access`)).status).toBe(403);
    expectStatus(await api.get(`/offboarding/organizations/${other.documentId}/access?x=1`), 400);
  });
});
