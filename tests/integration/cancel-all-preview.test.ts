/**
 * Cancel-all with refund options, and its preview (docs/spec.md §7): the preview answers what
 * each entitlement would get and the total per currency, writes nothing, and the cancellation
 * then refunds exactly those amounts. The clock is frozen at NOW (10 of 30 days used).
 */
import type { CancelAllPreview } from '../../src/plugins/offboarding/shared/contracts/api';
import { NOW, PERIOD, auditOf, createEntitlement, createOrg, createPolicy, expectStatus, getEntitlement, monthly, useHarness } from '../helpers/harness';

const h = useHarness('cancel-all-preview', { now: NOW });

let refundPolicy: string;
beforeAll(async () => {
  ({ documentId: refundPolicy } = await createPolicy(h.api, { refundEligible: true }));
});

const ORGS = '/offboarding/organizations';

/** A refund-eligible organization with a monthly 3000 EUR, a monthly 900 USD, and a one-off 500 EUR order. */
const fixture = async () => {
  const org = await createOrg(h.api, { cancellationPolicy: refundPolicy });
  const eur = await createEntitlement(h.api, org.documentId);
  const usd = await createEntitlement(h.api, org.documentId, monthly({ price: 900, currency: 'USD', name: 'Dollars' }));
  const oneOff = await createEntitlement(
    h.api,
    org.documentId,
    monthly({ billingPeriod: 'none', price: 500, currentPeriodStart: undefined, currentPeriodEnd: undefined, name: 'Setup' }),
  );
  return { org, eur, usd, oneOff };
};

describe('POST /organizations/:id/cancel-all/preview', () => {
  it('answers each entitlement and the total per currency, prorated where the billing allows it, and writes nothing', async () => {
    const { org, eur, usd, oneOff } = await fixture();
    const before = (await auditOf(h.api, org.documentId)).total;
    const res = await h.api.post(`${ORGS}/${org.documentId}/cancel-all/preview`, { reason: 'customer_request', timing: 'immediate', refund: 'prorated' });
    expectStatus(res, 200);
    const preview: CancelAllPreview = res.body.data;
    const byId = Object.fromEntries(preview.entitlements.map((row) => [row.entitlement, row]));
    // 20 of 30 days unused: floor(3000 × 20 / 30) = 2000, floor(900 × 20 / 30) = 600.
    expect(byId[eur.documentId]).toMatchObject({ resultingStatus: 'cancelled', refund: { mode: 'prorated', amount: 2000, currency: 'EUR' } });
    expect(byId[usd.documentId]).toMatchObject({ refund: { mode: 'prorated', amount: 600, currency: 'USD' } });
    // A one-off order has no period to prorate: cancelled without a refund, and the preview says so.
    expect(byId[oneOff.documentId]).toMatchObject({ refund: { mode: 'none', amount: 0 } });
    expect(preview.totals).toEqual(expect.arrayContaining([{ currency: 'EUR', amount: 2000 }, { currency: 'USD', amount: 600 }]));
    expect(preview.totals).toHaveLength(2);
    expect((await getEntitlement(h.api, eur.documentId)).status).toBe('active');
    expect((await auditOf(h.api, org.documentId)).total).toBe(before);
  });

  it('at period end: each one pending until its period ends', async () => {
    const { org, eur } = await fixture();
    const res = await h.api.post(`${ORGS}/${org.documentId}/cancel-all/preview`, { reason: 'customer_request', timing: 'period_end', refund: 'none' });
    expectStatus(res, 200);
    const row = (res.body.data as CancelAllPreview).entitlements.find((entry) => entry.entitlement === eur.documentId);
    expect(row).toMatchObject({ timing: 'period_end', resultingStatus: 'pending_cancellation', effectiveAt: PERIOD.end });
  });

  it('a policy that is not refund-eligible: every refund is none', async () => {
    const org = await createOrg(h.api);
    await createEntitlement(h.api, org.documentId);
    const res = await h.api.post(`${ORGS}/${org.documentId}/cancel-all/preview`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
    expectStatus(res, 200);
    expect((res.body.data as CancelAllPreview).entitlements.map((row) => row.refund.mode)).toEqual(['none']);
    expect((res.body.data as CancelAllPreview).totals).toEqual([{ currency: 'EUR', amount: 0 }]);
  });

  it('409 with a clear message when nothing is cancellable', async () => {
    const org = await createOrg(h.api);
    const res = await h.api.post(`${ORGS}/${org.documentId}/cancel-all/preview`, { reason: 'customer_request', timing: 'immediate' });
    expectStatus(res, 409);
    expect(JSON.stringify(res.body)).toMatch(/no active or suspended entitlement to cancel/);
  });
});

describe('POST /organizations/:id/cancel-all with a refund', () => {
  it('refunds what the preview said, entitlement by entitlement', async () => {
    const { org, eur, usd, oneOff } = await fixture();
    const body = { reason: 'customer_request', timing: 'immediate', refund: 'prorated' };
    const preview = (await h.api.post(`${ORGS}/${org.documentId}/cancel-all/preview`, body)).body.data as CancelAllPreview;
    const res = await h.api.post(`${ORGS}/${org.documentId}/cancel-all`, body);
    expectStatus(res, 200);
    for (const { documentId } of [eur, usd, oneOff]) {
      const after = await getEntitlement(h.api, documentId);
      const previewed = preview.entitlements.find((row) => row.entitlement === documentId);
      expect(after.status).toBe('cancelled');
      expect({ mode: after.refundMode ?? 'none', amount: after.refundAmount ?? 0 }).toEqual({
        mode: previewed?.refund.mode,
        amount: previewed?.refund.amount,
      });
    }
    const ledger = await h.api.get(`${ORGS}/${org.documentId}/refunds`);
    expectStatus(ledger, 200);
    expect((ledger.body.data as { amount: number }[]).map((row) => row.amount).sort((a, b) => a - b)).toEqual([600, 2000]);
  });
});
