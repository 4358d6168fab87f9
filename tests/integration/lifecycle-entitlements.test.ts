/**
 * An entitlement's life over the admin API, as an admin walks it: create, cancel (now, at
 * period end, on a date) with refunds and their preview, undo, suspend and resume, reactivate,
 * the transitions the state machine refuses, and what it all does to the organization's
 * derived status and retention facts. The clock is frozen at NOW so every date is exact.
 */
import type { Entitlement } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { CancelPreview } from '../../src/plugins/offboarding/shared/contracts/api';
import {
  DAY,
  NOW,
  PERIOD,
  auditOf,
  boot,
  cancelNow,
  createEntitlement,
  createOrg,
  createPolicy,
  expectStatus,
  getEntitlement,
  getOrg,
  monthly,
  plusDays,
  type Harness,
} from './lifecycle-fixtures';

let h: Harness;
/** documentId of a refund-eligible policy, used as an organization override. */
let refundPolicy: string;

beforeAll(async () => {
  h = await boot('lifecycle-entitlements');
  refundPolicy = (await createPolicy(h.api, { refundEligible: true })).documentId;
}, 60_000);

afterAll(async () => {
  await h.cleanup();
});

beforeEach(() => {
  h.clock.freeze(NOW);
});

const post = (path: string, body?: unknown) => h.api.post(`/offboarding/entitlements/${path}`, body);

/** An organization holding one monthly entitlement (30-day period, 10 days used, price 3000). */
const fresh = async (opts: { refundEligible?: boolean } = {}) => {
  const org = await createOrg(h.api, opts.refundEligible ? { cancellationPolicy: refundPolicy } : {});
  const ent = await createEntitlement(h.api, org.documentId);
  return { org, ent };
};

/** Asserts a refused request left the entitlement and the audit trail exactly as they were. */
const expectUnchanged = async (org: string, before: Entitlement, auditTotal: number) => {
  expect(await getEntitlement(h.api, before.documentId)).toEqual(before);
  expect((await auditOf(h.api, org)).total).toBe(auditTotal);
};

describe('create', () => {
  it('stores price, currency and period and answers 201 with an active entitlement of the organization', async () => {
    const org = await createOrg(h.api);
    const res = await h.api.post(`/offboarding/organizations/${org.documentId}/entitlements`, {
      class: 'SVC',
      name: 'Support plan',
      price: 12000,
      currency: 'USD',
      billingPeriod: 'year',
      currentPeriodStart: '2027-01-01T00:00:00Z',
      currentPeriodEnd: '2028-01-01T00:00:00Z',
      creditBalance: 500,
    });
    expectStatus(res, 201);
    const ent: Entitlement = res.body.data;
    expect(ent).toMatchObject({
      class: 'SVC',
      name: 'Support plan',
      status: 'active',
      price: 12000,
      currency: 'USD',
      billingPeriod: 'year',
      currentPeriodStart: '2027-01-01T00:00:00.000Z',
      currentPeriodEnd: '2028-01-01T00:00:00.000Z',
      creditBalance: 500,
      cancelledAt: null,
      refundAmount: null,
      organization: { documentId: org.documentId, name: org.name },
    });
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.entitlements.map((e) => [e.documentId, e.status])).toEqual([[ent.documentId, 'active']]);
  });

  it('refuses a period that ends before it starts with a 400 naming currentPeriodEnd, creating nothing', async () => {
    const org = await createOrg(h.api);
    const res = await h.api.post(
      `/offboarding/organizations/${org.documentId}/entitlements`,
      monthly({ currentPeriodStart: PERIOD.end, currentPeriodEnd: PERIOD.start })
    );
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['currentPeriodEnd']);
    expect((await getOrg(h.api, org.documentId)).entitlements).toEqual([]);
  });

  it('answers 404 for an unknown organization or entitlement', async () => {
    const created = await h.api.post('/offboarding/organizations/no-such-org/entitlements', monthly());
    expectStatus(created, 404);
    expect(created.body.error.name).toBe('NotFoundError');
    const read = await h.api.get('/offboarding/entitlements/no-such-entitlement');
    expectStatus(read, 404);
    const cancel = await cancelNow(h.api, 'no-such-entitlement');
    expectStatus(cancel, 404);
  });
});

describe('cancel', () => {
  it('immediate: cancelled now, reason and notes recorded, no refund', async () => {
    const { org, ent } = await fresh();
    const res = await post(`${ent.documentId}/cancel`, {
      reason: 'too_expensive',
      notes: 'Found a cheaper plan',
      timing: 'immediate',
    });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      documentId: ent.documentId,
      status: 'cancelled',
      previousStatus: null,
      cancelledAt: NOW,
      cancelEffectiveAt: NOW,
      cancelRequestedAt: NOW,
      cancelRequestedBy: h.admin.email,
      cancelTiming: 'immediate',
      cancellationReason: 'too_expensive',
      cancellationNotes: 'Found a cheaper plan',
      refundMode: 'none',
      refundAmount: 0,
    });
    expect(await getEntitlement(h.api, ent.documentId)).toEqual(res.body.data);
    expect((await getOrg(h.api, org.documentId)).status).toBe('cancelled');
  });

  it('period_end: pending_cancellation effective at currentPeriodEnd, not yet cancelled', async () => {
    const { org, ent } = await fresh();
    const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'pending_cancellation',
      previousStatus: 'active',
      cancelTiming: 'period_end',
      cancelEffectiveAt: PERIOD.end,
      cancelRequestedAt: NOW,
      cancelledAt: null,
      cancellationReason: 'customer_request',
      refundMode: 'none',
      refundAmount: 0,
    });
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.status).toBe('pending_cancellation');
    expect(detail.lastCancelledAt).toBeNull();
  });

  it('on a date: pending_cancellation effective on that date', async () => {
    const { ent } = await fresh();
    const res = await post(`${ent.documentId}/cancel`, {
      reason: 'switching_provider',
      timing: 'date',
      effectiveAt: '2027-01-20T12:00:00Z',
    });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'pending_cancellation',
      cancelTiming: 'date',
      cancelEffectiveAt: '2027-01-20T12:00:00.000Z',
      cancelledAt: null,
    });
  });

  it('on a date that is not in the future: 400 naming effectiveAt, nothing changed', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    for (const effectiveAt of [NOW, '2027-01-05T00:00:00Z']) {
      const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'date', effectiveAt });
      expectStatus(res, 400);
      expect(res.body.error.details.errors[0].path).toEqual(['effectiveAt']);
      expect(res.body.error.message).toMatch(/future/);
    }
    await expectUnchanged(org.documentId, ent, total);
  });

  it('prorated under a refund-eligible policy: floor(price × unused ÷ period) = 2000 for 20 of 30 days left', async () => {
    const { ent } = await fresh({ refundEligible: true });
    const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'prorated' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'cancelled', refundMode: 'prorated', refundAmount: 2000, prorateAsOf: null });
  });

  it('prorated with an odd remainder rounds down (price 1000, 20 of 30 days left → 666)', async () => {
    const org = await createOrg(h.api, { cancellationPolicy: refundPolicy });
    const ent = await createEntitlement(h.api, org.documentId, monthly({ price: 1000 }));
    const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'prorated' });
    expectStatus(res, 200);
    expect(res.body.data.refundAmount).toBe(666);
  });

  it('prorated as of a date: unused counted from prorateAsOf (15 of 30 days → 1500)', async () => {
    const { ent } = await fresh({ refundEligible: true });
    const res = await post(`${ent.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'immediate',
      refund: 'prorated',
      prorateAsOf: '2027-01-16T00:00:00Z',
    });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'cancelled',
      cancelledAt: NOW,
      refundMode: 'prorated',
      refundAmount: 1500,
      prorateAsOf: '2027-01-16T00:00:00.000Z',
    });
  });

  it('prorated at period end leaves nothing unused: refund 0', async () => {
    const { ent } = await fresh({ refundEligible: true });
    const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end', refund: 'prorated' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'pending_cancellation', refundMode: 'prorated', refundAmount: 0 });
  });

  it('full: the price of the current period', async () => {
    const { ent } = await fresh({ refundEligible: true });
    const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'cancelled', refundMode: 'full', refundAmount: 3000 });
  });

  it('refund on a policy that is not refund-eligible: 400 naming refund, nothing changed', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    for (const refund of ['prorated', 'full']) {
      const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', refund });
      expectStatus(res, 400);
      expect(res.body.error.details.errors[0].path).toEqual(['refund']);
      expect(res.body.error.message).toContain('refund');
    }
    await expectUnchanged(org.documentId, ent, total);
  });

  it('an inactive reason is refused with a 400 naming reason', async () => {
    const code = `paused_${process.pid}`;
    const created = await h.api.post('/offboarding/reasons', { code, label: 'Paused', active: false });
    expectStatus(created, 201);
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    const res = await post(`${ent.documentId}/cancel`, { reason: code, timing: 'immediate' });
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['reason']);
    expect(res.body.error.message).toContain(code);
    await expectUnchanged(org.documentId, ent, total);
  });
});

describe('cancel preview', () => {
  it('returns the refund the cancellation would make and changes nothing', async () => {
    const { org, ent } = await fresh({ refundEligible: true });
    const { total } = await auditOf(h.api, org.documentId);
    const body = { reason: 'customer_request', timing: 'immediate', refund: 'prorated' };
    const res = await post(`${ent.documentId}/cancel/preview`, body);
    expectStatus(res, 200);
    const preview: CancelPreview = res.body.data;
    expect(preview).toEqual({
      entitlement: ent.documentId,
      timing: 'immediate',
      effectiveAt: NOW,
      resultingStatus: 'cancelled',
      refund: {
        mode: 'prorated',
        amount: 2000,
        currency: 'EUR',
        asOf: NOW,
        unusedSeconds: 20 * 86_400,
        periodSeconds: 30 * 86_400,
      },
      refundEligible: true,
      policy: { source: 'organization', documentId: refundPolicy, name: expect.any(String) },
    });
    await expectUnchanged(org.documentId, ent, total);

    const cancelled = await post(`${ent.documentId}/cancel`, body);
    expectStatus(cancelled, 200);
    expect(cancelled.body.data.refundAmount).toBe(preview.refund.amount);
  });

  it('previews a period-end cancellation as pending at currentPeriodEnd', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    const res = await post(`${ent.documentId}/cancel/preview`, { reason: 'customer_request', timing: 'period_end' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      effectiveAt: PERIOD.end,
      resultingStatus: 'pending_cancellation',
      refund: { mode: 'none', amount: 0 },
      refundEligible: false,
    });
    await expectUnchanged(org.documentId, ent, total);
  });

  it('refuses what the cancellation would refuse: refund on a non-eligible policy → 400 naming refund', async () => {
    const { ent } = await fresh();
    const res = await post(`${ent.documentId}/cancel/preview`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['refund']);
  });
});

describe('undo cancellation', () => {
  it('returns a pending cancellation to active and clears the cancellation record', async () => {
    const { org, ent } = await fresh();
    expectStatus(await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end' }), 200);
    const res = await post(`${ent.documentId}/undo-cancel`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'active',
      previousStatus: null,
      cancellationReason: null,
      cancelRequestedAt: null,
      cancelTiming: null,
      cancelEffectiveAt: null,
      refundMode: null,
      refundAmount: null,
    });
    expect((await getOrg(h.api, org.documentId)).status).toBe('active');
  });

  it('returns a suspended entitlement whose cancellation was scheduled to suspended', async () => {
    const { org, ent } = await fresh();
    expectStatus(await post(`${ent.documentId}/suspend`, { reason: 'non_payment' }), 200);
    const pending = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expectStatus(pending, 200);
    expect(pending.body.data).toMatchObject({ status: 'pending_cancellation', previousStatus: 'suspended' });
    const res = await post(`${ent.documentId}/undo-cancel`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'suspended', previousStatus: null, cancelEffectiveAt: null });
    expect((await getOrg(h.api, org.documentId)).status).toBe('suspended');
  });
});

describe('suspend and resume', () => {
  it('non_payment: graceEndsAt = now + 30 days (default policy), reason code payment_failure', async () => {
    const { org, ent } = await fresh();
    const res = await post(`${ent.documentId}/suspend`, { reason: 'non_payment', notes: 'Card declined twice' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'suspended',
      suspendedAt: NOW,
      suspensionReason: 'non_payment',
      suspensionReasonCode: 'payment_failure',
      suspensionNotes: 'Card declined twice',
      graceEndsAt: '2027-02-10T00:00:00.000Z',
    });
    expect((await getOrg(h.api, org.documentId)).status).toBe('suspended');
  });

  it('manual: no grace period, the given reason code recorded', async () => {
    const { ent } = await fresh();
    const res = await post(`${ent.documentId}/suspend`, { reason: 'manual', reasonCode: 'other' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'suspended',
      suspendedAt: NOW,
      suspensionReason: 'manual',
      suspensionReasonCode: 'other',
      graceEndsAt: null,
    });
  });

  it('a reason code that does not apply to suspensions: 400 naming reasonCode', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    const res = await post(`${ent.documentId}/suspend`, { reason: 'manual', reasonCode: 'too_expensive' });
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['reasonCode']);
    await expectUnchanged(org.documentId, ent, total);
  });

  it('resume: back to active with the suspension cleared', async () => {
    const { org, ent } = await fresh();
    expectStatus(await post(`${ent.documentId}/suspend`, { reason: 'non_payment' }), 200);
    const res = await post(`${ent.documentId}/resume`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'active',
      suspendedAt: null,
      suspensionReason: null,
      suspensionReasonCode: null,
      suspensionNotes: null,
      graceEndsAt: null,
    });
    expect((await getOrg(h.api, org.documentId)).status).toBe('active');
  });
});

describe('reactivate', () => {
  it('within the window: active again with reactivatedAt; an ended period restarts now', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    h.clock.advance(89 * DAY);
    const at = plusDays(NOW, 89);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'active',
      reactivatedAt: at,
      cancelledAt: null,
      cancellationReason: null,
      refundMode: null,
      currentPeriodStart: at,
      currentPeriodEnd: '2027-05-10T00:00:00.000Z',
    });
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.status).toBe('active');
    expect(detail.lastCancelledAt).toBeNull();
    expect(detail.retentionUntil).toBeNull();
  });

  it('on the last day of the window (cancelledAt + 90 days exactly) it is still allowed', async () => {
    const { ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    h.clock.advance(90 * DAY);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 200);
    expect(res.body.data.status).toBe('active');
  });

  it('after the window: 409 naming the closing date, nothing changed', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    const cancelled = await getEntitlement(h.api, ent.documentId);
    const { total } = await auditOf(h.api, org.documentId);
    h.clock.advance(90 * DAY + 1000);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 409);
    expect(res.body.error.message).toContain('2027-04-11T00:00:00.000Z');
    expect(res.body.error.details).toMatchObject({ windowClosedAt: '2027-04-11T00:00:00.000Z' });
    await expectUnchanged(org.documentId, cancelled, total);
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.entitlements[0].reactivation).toEqual({
      allowed: false,
      until: '2027-04-11T00:00:00.000Z',
      refusal: res.body.error.message,
    });
  });

  it('is refused with a 409 while the organization is archived, and allowed once unarchived', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`), 200);
    const cancelled = await getEntitlement(h.api, ent.documentId);
    const { total } = await auditOf(h.api, org.documentId);
    const refused = await post(`${ent.documentId}/reactivate`);
    expectStatus(refused, 409);
    expect(refused.body.error.message).toMatch(/archived/);
    await expectUnchanged(org.documentId, cancelled, total);

    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/unarchive`), 200);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'active', reactivatedAt: NOW });
  });
});

describe('refused transitions', () => {
  const cases: { name: string; setup: (ent: string) => Promise<void>; action: string; body?: object; status: string }[] = [
    { name: 'resume an active entitlement', setup: async () => {}, action: 'resume', status: 'active' },
    { name: 'undo the cancellation of an active entitlement', setup: async () => {}, action: 'undo-cancel', status: 'active' },
    { name: 'reactivate an active entitlement', setup: async () => {}, action: 'reactivate', status: 'active' },
    {
      name: 'cancel a cancelled entitlement',
      setup: async (ent) => expectStatus(await cancelNow(h.api, ent), 200),
      action: 'cancel',
      body: { reason: 'customer_request', timing: 'immediate' },
      status: 'cancelled',
    },
    {
      name: 'suspend a cancelled entitlement',
      setup: async (ent) => expectStatus(await cancelNow(h.api, ent), 200),
      action: 'suspend',
      body: { reason: 'manual' },
      status: 'cancelled',
    },
    {
      name: 'suspend a suspended entitlement',
      setup: async (ent) => expectStatus(await post(`${ent}/suspend`, { reason: 'manual' }), 200),
      action: 'suspend',
      body: { reason: 'manual' },
      status: 'suspended',
    },
    {
      name: 'cancel an entitlement whose cancellation is pending',
      setup: async (ent) => expectStatus(await post(`${ent}/cancel`, { reason: 'other', timing: 'period_end' }), 200),
      action: 'cancel',
      body: { reason: 'customer_request', timing: 'immediate' },
      status: 'pending_cancellation',
    },
    {
      name: 'resume an entitlement whose cancellation is pending',
      setup: async (ent) => expectStatus(await post(`${ent}/cancel`, { reason: 'other', timing: 'period_end' }), 200),
      action: 'resume',
      status: 'pending_cancellation',
    },
  ];

  it.each(cases)('$name: 409 naming the current status, nothing changed', async ({ setup, action, body, status }) => {
    const { org, ent } = await fresh();
    await setup(ent.documentId);
    const before = await getEntitlement(h.api, ent.documentId);
    expect(before.status).toBe(status);
    const { total } = await auditOf(h.api, org.documentId);
    const res = await post(`${ent.documentId}/${action}`, body);
    expectStatus(res, 409);
    expect(res.body.error.name).toBe('ConflictError');
    expect(res.body.error.message).toContain(`"${status}"`);
    expect(res.body.error.details.currentStatus).toBe(status);
    await expectUnchanged(org.documentId, before, total);
  });
});

describe('organization derived status and retention', () => {
  it('follows its entitlements: suspended wins, then pending, cancelled once all are', async () => {
    const org = await createOrg(h.api);
    const a = await createEntitlement(h.api, org.documentId);
    const b = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const status = async () => (await getOrg(h.api, org.documentId)).status;

    expect(await status()).toBe('active');
    expectStatus(await post(`${a.documentId}/suspend`, { reason: 'manual' }), 200);
    expect(await status()).toBe('suspended');
    expectStatus(await post(`${b.documentId}/cancel`, { reason: 'other', timing: 'period_end' }), 200);
    expect(await status()).toBe('suspended');
    expectStatus(await post(`${a.documentId}/resume`), 200);
    expect(await status()).toBe('pending_cancellation');
    expectStatus(await post(`${b.documentId}/undo-cancel`), 200);
    expect(await status()).toBe('active');
    expectStatus(await cancelNow(h.api, a.documentId), 200);
    expect(await status()).toBe('active');
    expectStatus(await cancelNow(h.api, b.documentId), 200);
    expect(await status()).toBe('cancelled');
  });

  it('lastCancelledAt is the latest cancellation once all are cancelled; retentionUntil = it + 365 days', async () => {
    const org = await createOrg(h.api);
    const a = await createEntitlement(h.api, org.documentId);
    const b = await createEntitlement(h.api, org.documentId, monthly({ class: 'SVC' }));

    expectStatus(await cancelNow(h.api, a.documentId), 200);
    let detail = await getOrg(h.api, org.documentId);
    expect(detail.lastCancelledAt).toBeNull();
    expect(detail.retentionUntil).toBeNull();

    h.clock.advance(5 * DAY);
    expectStatus(await cancelNow(h.api, b.documentId), 200);
    detail = await getOrg(h.api, org.documentId);
    expect(detail.status).toBe('cancelled');
    expect(detail.lastCancelledAt).toBe('2027-01-16T00:00:00.000Z');
    expect(detail.retentionUntil).toBe('2028-01-16T00:00:00.000Z');
    expect(detail.retention).toMatchObject({
      lastCancelledAt: '2027-01-16T00:00:00.000Z',
      dataRetentionDays: 365,
      retentionUntil: '2028-01-16T00:00:00.000Z',
      purgeState: 'none',
    });
  });

  it('every transition writes one audit event with the changed fields only', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    expectStatus(await post(`${ent.documentId}/cancel`, { reason: 'business_closure', notes: 'Closing', timing: 'period_end' }), 200);
    const { events, total: after } = await auditOf(h.api, org.documentId);
    expect(after).toBe(total + 1);
    expect(events[0]).toMatchObject({
      action: 'entitlement.cancellation_scheduled',
      actorType: 'admin',
      actorName: h.admin.email,
      targetType: 'entitlement',
      targetId: ent.documentId,
      organization: org.documentId,
      reason: 'business_closure',
      notes: 'Closing',
    });
    expect(events[0].before).toEqual({
      previousStatus: null,
      status: 'active',
      cancellationReason: null,
      cancellationNotes: null,
      cancelRequestedAt: null,
      cancelRequestedBy: null,
      cancelTiming: null,
      cancelEffectiveAt: null,
      refundMode: null,
      refundAmount: null,
    });
    expect(events[0].after).toEqual({
      previousStatus: 'active',
      status: 'pending_cancellation',
      cancellationReason: 'business_closure',
      cancellationNotes: 'Closing',
      cancelRequestedAt: NOW,
      cancelRequestedBy: h.admin.email,
      cancelTiming: 'period_end',
      cancelEffectiveAt: PERIOD.end,
      refundMode: 'none',
      refundAmount: 0,
    });
  });
});
