/**
 * Creating and cancelling an entitlement over the admin API, as an admin does it: now, at
 * period end or on a date, with a reason, with refunds (none, prorated, full) and their
 * preview. The clock is frozen at NOW, so every date and amount is exact.
 */
import type { Entitlement } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { CancelPreview } from '../../src/plugins/offboarding/shared/contracts/api';
import {
  DAY,
  NOW,
  PERIOD,
  auditOf,
  cancelNow,
  createEntitlement,
  createOrg,
  createPolicy,
  expectStatus,
  expectUnchanged,
  getEntitlement,
  getOrg,
  monthly,
  useHarness,
} from '../helpers/harness';

/** documentId and name of a refund-eligible policy, used as an organization override. */
let refundPolicy: string;
let refundPolicyName: string;

const h = useHarness('lifecycle-entitlements', { now: NOW });

beforeAll(async () => {
  ({ documentId: refundPolicy, name: refundPolicyName } = await createPolicy(h.api, { refundEligible: true }));
});

const post = (path: string, body?: unknown) => h.api.post(`/offboarding/entitlements/${path}`, body);

/** An organization holding one monthly entitlement (30-day period, 10 days used, price 3000). */
const fresh = async (opts: { refundEligible?: boolean } = {}) => {
  const org = await createOrg(h.api, opts.refundEligible ? { cancellationPolicy: refundPolicy } : {});
  const ent = await createEntitlement(h.api, org.documentId);
  return { org, ent };
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
      cancelRequestedBy: h.session.email,
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
    await expectUnchanged(h.api, org.documentId, ent, total);
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

  it('prorated on a date: unused counted from the effective date (10 of 30 days → 1000)', async () => {
    const { ent } = await fresh({ refundEligible: true });
    const res = await post(`${ent.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'date',
      effectiveAt: '2027-01-21T00:00:00Z',
      refund: 'prorated',
    });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'pending_cancellation', refundMode: 'prorated', refundAmount: 1000 });
  });

  it('prorated over a yearly period stays exact: floor(120000 × 355 ÷ 365) = 116712', async () => {
    const org = await createOrg(h.api, { cancellationPolicy: refundPolicy });
    const ent = await createEntitlement(
      h.api,
      org.documentId,
      monthly({ price: 120000, billingPeriod: 'year', currentPeriodStart: '2027-01-01T00:00:00Z', currentPeriodEnd: '2028-01-01T00:00:00Z' })
    );
    const res = await post(`${ent.documentId}/cancel/preview`, { reason: 'customer_request', timing: 'immediate', refund: 'prorated' });
    expectStatus(res, 200);
    expect(res.body.data.refund).toMatchObject({ amount: 116712, unusedSeconds: 355 * 86_400, periodSeconds: 365 * 86_400 });
  });

  it('full: the price of the current period', async () => {
    const { ent } = await fresh({ refundEligible: true });
    const res = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'cancelled', refundMode: 'full', refundAmount: 3000 });
  });

  it('timing rules: period_end after the period ended names timing; effectiveAt without timing date names effectiveAt', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    const immediate = await post(`${ent.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'immediate',
      effectiveAt: '2027-02-01T00:00:00Z',
    });
    expectStatus(immediate, 400);
    expect(immediate.body.error.details.errors[0].path).toEqual(['effectiveAt']);
    const asOf = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', prorateAsOf: NOW });
    expectStatus(asOf, 400);
    expect(asOf.body.error.details.errors[0].path).toEqual(['prorateAsOf']);
    h.clock.advance(20 * DAY);
    const ended = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expectStatus(ended, 400);
    expect(ended.body.error.details.errors[0].path).toEqual(['timing']);
    await expectUnchanged(h.api, org.documentId, ent, total);
  });

  it('two simultaneous cancellations: one succeeds, the other is refused, one event written', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    const results = await Promise.all([cancelNow(h.api, ent.documentId), cancelNow(h.api, ent.documentId)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await auditOf(h.api, org.documentId)).total).toBe(total + 1);
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
    await expectUnchanged(h.api, org.documentId, ent, total);
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
    await expectUnchanged(h.api, org.documentId, ent, total);
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
        // Nothing refunded in this period yet: the whole 3000 is refundable, nothing capped.
        uncappedAmount: 2000,
        alreadyRefunded: 0,
        refundable: 3000,
        cappedBy: 0,
      },
      refundEligible: true,
      policy: { source: 'organization', documentId: refundPolicy, name: refundPolicyName },
    });
    await expectUnchanged(h.api, org.documentId, ent, total);

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
    await expectUnchanged(h.api, org.documentId, ent, total);
  });

  it('refuses what the cancellation would refuse: refund on a non-eligible policy → 400 naming refund', async () => {
    const { ent } = await fresh();
    const res = await post(`${ent.documentId}/cancel/preview`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['refund']);
  });
});
