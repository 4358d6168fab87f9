/**
 * Issue 10, the effects pipeline (docs/architecture.md "What happens after a change", docs/spec.md
 * §10): every change writes its domain events in its own transaction, numbered per organization;
 * a refused change writes none; reads write nothing; the event log lists them; Strapi's
 * eventHub hears them only once the change is committed; a deleted organization's events stay,
 * emptied of what they carried.
 */
import type { DomainEvent } from '../../src/plugins/offboarding/shared/contracts/events';
import { NOW, auditOf, cancelNow, createEntitlement, createOrg, createPolicy, expectStatus, monthly, plusDays, useHarness } from '../helpers/harness';

const h = useHarness('domain-events', { now: NOW });

const eventsOf = async (organization: string, query = ''): Promise<{ events: DomainEvent[]; total: number }> => {
  const res = await h.api.get(`/offboarding/events?organization=${organization}&pageSize=100${query}`);
  expectStatus(res, 200);
  return { events: res.body.data, total: res.body.meta.pagination.total };
};

const ENTS = '/offboarding/entitlements';

describe('every change emits its events in its transaction', () => {
  it('a cancellation with a refund: entitlement.cancelled then refund.recorded, numbered in order, with the entity as the API shows it', async () => {
    const policy = await createPolicy(h.api, { refundEligible: true });
    const org = await createOrg(h.api, { cancellationPolicy: policy.documentId });
    const ent = await createEntitlement(h.api, org.documentId, monthly({ price: 3000, name: 'Pro plan' }));
    const res = await h.api.post(`${ENTS}/${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'prorated', notes: 'asked by phone' });
    expectStatus(res, 200);

    const { events } = await eventsOf(org.documentId);
    // Newest first.
    expect(events.map((e) => e.type)).toEqual(['refund.recorded', 'entitlement.cancelled', 'entitlement.created', 'organization.created']);
    expect(events.map((e) => e.sequence)).toEqual([4, 3, 2, 1]);
    const cancelled = events[1];
    expect(cancelled.organization).toEqual({ documentId: org.documentId, name: org.name });
    expect(cancelled.target).toEqual({ type: 'entitlement', documentId: ent.documentId });
    expect(cancelled.actor).toEqual({ type: 'admin' });
    expect(cancelled.data?.status).toBe('cancelled');
    expect(cancelled.data?.cancellationNotes).toBe('asked by phone');
    expect(cancelled.data?.changed).toEqual(expect.arrayContaining(['status', 'cancelledAt', 'refundAmount']));
    // The event carries what the API answered (provisioning's mark included): no stale copy.
    expect(cancelled.data?.refundAmount).toBe(res.body.data.refundAmount);
    expect(events[0].data).toMatchObject({ amount: res.body.data.refundAmount, currency: 'EUR', mode: 'prorated' });
  });

  it('the audit trail is a consumer of the events: one row per event, the same actions in the same order', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    const steps: [string, unknown][] = [
      [`${ENTS}/${ent.documentId}/suspend`, { reason: 'manual' }],
      [`${ENTS}/${ent.documentId}/resume`, undefined],
      [`${ENTS}/${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'date', effectiveAt: plusDays(NOW, 5) }],
      [`${ENTS}/${ent.documentId}/undo-cancel`, undefined],
    ];
    for (const [path, body] of steps) expectStatus(await h.api.post(path, body), 200);
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`, {}), 200);

    const { events } = await eventsOf(org.documentId);
    const audit = await auditOf(h.api, org.documentId);
    expect(events.map((e) => e.type)).toEqual(audit.events.map((a) => a.action));
    expect(events.map((e) => e.type)).toEqual([
      'organization.archived',
      'entitlement.cancelled',
      'entitlement.cancellation_undone',
      'entitlement.cancellation_scheduled',
      'entitlement.resumed',
      'entitlement.suspended',
      'entitlement.created',
      'organization.created',
    ]);
    // Gapless and increasing per organization.
    expect(events.map((e) => e.sequence)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(events[0].data).toMatchObject({ documentId: org.documentId, status: 'cancelled' });
    // Retention already counts from the last cancellation: archiving changes only its own fields.
    expect(events[0].data?.changed).toEqual(['archivedAt', 'archivedBy']);
  });

  it('a refused change writes no event, and reads write none either', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    const before = await eventsOf(org.documentId);
    // Resume of an active entitlement: the state machine refuses it (409).
    expectStatus(await h.api.post(`${ENTS}/${ent.documentId}/resume`), 409);
    // Archive while an entitlement is open: refused.
    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`, {}), 409);
    expectStatus(await h.api.get(`/offboarding/organizations/${org.documentId}`), 200);
    expectStatus(await h.api.get(`/offboarding/organizations/${org.documentId}/checklist`), 200);
    expectStatus(await h.api.get(`${ENTS}/${ent.documentId}`), 200);
    expect(await eventsOf(org.documentId)).toEqual(before);
  });
});

describe('the event log', () => {
  it('filters by type and pages', async () => {
    const org = await createOrg(h.api);
    for (let i = 0; i < 3; i += 1) await createEntitlement(h.api, org.documentId);
    const created = await eventsOf(org.documentId, '&type=entitlement.created');
    expect(created.total).toBe(3);
    expect(created.events.every((e) => e.type === 'entitlement.created')).toBe(true);
    const page = await h.api.get(`/offboarding/events?organization=${org.documentId}&page=2&pageSize=3`);
    expectStatus(page, 200);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
    expect(page.body.data.map((e: DomainEvent) => e.type)).toEqual(['organization.created']);
  });

  it('refuses a bad filter with a 400 naming it', async () => {
    const res = await h.api.get('/offboarding/events?type=entitlement.exploded');
    expectStatus(res, 400);
    expect(JSON.stringify(res.body.error)).toContain('type');
    const unknown = await h.api.get('/offboarding/events?sort=id');
    expectStatus(unknown, 400);
    expect(JSON.stringify(unknown.body.error)).toContain('sort');
  });
});

describe("Strapi's eventHub", () => {
  it('hears offboarding.<type> after the commit, and nothing of a refused change', async () => {
    const heard: { name: string; payload: DomainEvent }[] = [];
    const listen = (name: string) => async (payload: DomainEvent) => {
      heard.push({ name, payload });
    };
    const onCancelled = listen('offboarding.entitlement.cancelled');
    const onResumed = listen('offboarding.entitlement.resumed');
    h.strapi.eventHub.on('offboarding.entitlement.cancelled', onCancelled);
    h.strapi.eventHub.on('offboarding.entitlement.resumed', onResumed);
    try {
      const org = await createOrg(h.api);
      const ent = await createEntitlement(h.api, org.documentId);
      expectStatus(await h.api.post(`${ENTS}/${ent.documentId}/resume`), 409);
      expectStatus(await cancelNow(h.api, ent.documentId), 200);
      // After-commit consumers run once the transaction is over: give them the next ticks.
      for (let i = 0; i < 20 && !heard.length; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(heard.map((e) => e.name)).toEqual(['offboarding.entitlement.cancelled']);
      expect(heard[0].payload).toMatchObject({
        type: 'entitlement.cancelled',
        organization: { documentId: org.documentId, name: org.name },
        target: { type: 'entitlement', documentId: ent.documentId },
        actor: { type: 'admin' },
      });
      expect(heard[0].payload.data?.status).toBe('cancelled');
    } finally {
      h.strapi.eventHub.off('offboarding.entitlement.cancelled', onCancelled);
      h.strapi.eventHub.off('offboarding.entitlement.resumed', onResumed);
    }
  });
});

describe('deletion', () => {
  it("keeps a deleted organization's events, in order, emptied of what they carried", async () => {
    const org = await createOrg(h.api, { email: 'billing@doomed.example', notes: 'VIP, call first' });
    const ent = await createEntitlement(h.api, org.documentId);
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    const res = await h.api.delete(`/offboarding/organizations/${org.documentId}?confirm=${encodeURIComponent(org.name)}`);
    expectStatus(res, 200);
    const { events } = await eventsOf(org.documentId);
    expect(events.map((e) => e.type)).toEqual(['organization.deleted', 'entitlement.cancelled', 'entitlement.created', 'organization.created']);
    expect(events.map((e) => e.sequence)).toEqual([4, 3, 2, 1]);
    expect(events.slice(1).every((e) => e.data === null)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('billing@doomed.example');
    expect(JSON.stringify(events)).not.toContain('VIP, call first');
  });
});
