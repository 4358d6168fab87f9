/**
 * Issue 9, "Refunds are a ledger" (docs/spec.md §9, "Money is a ledger"): every refund is an
 * append-only row, and the refunds of one billing period never add up to more than its price.
 * Played the way an attacker would: cancel → reactivate → cancel, in one period, over the admin
 * API. The clock is frozen at NOW (10 days into a 30-day period), so every amount is exact.
 */
import type { CancelPreview, OrganizationDetail } from '../../src/plugins/offboarding/shared/contracts/api';
import type { Entitlement, RefundEntry } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { AdminClient } from '../helpers/admin';
import {
  DAY,
  NOW,
  PERIOD,
  auditOf,
  createEntitlement,
  createOrg,
  createPolicy,
  expectStatus,
  getOrg,
  monthly,
  plusDays,
  useHarness,
} from '../helpers/harness';

const PRICE = 10_000;

let refundPolicy: string;

const h = useHarness('refund-ledger', { now: NOW });

beforeAll(async () => {
  ({ documentId: refundPolicy } = await createPolicy(h.api, { refundEligible: true }));
});

/** An organization on a refund-eligible policy holding one monthly entitlement of 10,000. */
const fresh = async () => {
  const org = await createOrg(h.api, { cancellationPolicy: refundPolicy });
  const ent = await createEntitlement(h.api, org.documentId, monthly({ price: PRICE, name: 'Pro plan' }));
  return { org, ent };
};

const post = async (path: string, body?: unknown, status = 200) => {
  const res = await h.api.post(`/offboarding/entitlements/${path}`, body);
  expectStatus(res, status);
  return res.body.data;
};

const cancel = (ent: string, refund: 'none' | 'prorated' | 'full', extra: Record<string, unknown> = {}): Promise<Entitlement> =>
  post(`${ent}/cancel`, { reason: 'customer_request', timing: 'immediate', refund, ...extra });

const preview = (ent: string, refund: 'none' | 'prorated' | 'full'): Promise<CancelPreview> =>
  post(`${ent}/cancel/preview`, { reason: 'customer_request', timing: 'immediate', refund });

const reactivate = (ent: string): Promise<Entitlement> => post(`${ent}/reactivate`);

const ledger = async (org: string, query = '?pageSize=100', api: AdminClient = h.api) => {
  const res = await api.get(`/offboarding/organizations/${org}/refunds${query}`);
  expectStatus(res, 200);
  return res.body as { data: RefundEntry[]; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } };
};

const total = (rows: RefundEntry[]) => rows.reduce((sum, row) => sum + row.amount, 0);

const refundedTotalOf = (detail: OrganizationDetail, ent: string) => detail.entitlements.find((e) => e.documentId === ent)?.refundedTotal;

describe('cancel → reactivate → cancel in one period', () => {
  it('three full refunds of a 10,000 period refund 10,000 in total: one ledger row, later ones clamped to 0', async () => {
    const { org, ent } = await fresh();

    expect(await cancel(ent.documentId, 'full')).toMatchObject({ status: 'cancelled', refundMode: 'full', refundAmount: PRICE });
    await reactivate(ent.documentId);

    const after = await preview(ent.documentId, 'full');
    expect(after.refund).toMatchObject({
      mode: 'full',
      amount: 0,
      uncappedAmount: PRICE,
      alreadyRefunded: PRICE,
      refundable: 0,
      cappedBy: PRICE,
      currency: 'EUR',
    });

    expect(await cancel(ent.documentId, 'full')).toMatchObject({ status: 'cancelled', refundAmount: 0 });
    await reactivate(ent.documentId);
    expect(await cancel(ent.documentId, 'full')).toMatchObject({ status: 'cancelled', refundAmount: 0 });

    const { data, meta } = await ledger(org.documentId);
    expect(meta.pagination.total).toBe(1);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      entitlement: ent.documentId,
      entitlementName: 'Pro plan',
      organization: org.documentId,
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
      amount: PRICE,
      currency: 'EUR',
      mode: 'full',
      kind: 'refund',
      actorType: 'admin',
      actorName: h.session.email,
      createdAt: NOW,
    });
    expect(refundedTotalOf(await getOrg(h.api, org.documentId), ent.documentId)).toBe(PRICE);

    // One audit event per row written: a refund of 0 records nothing.
    const recorded = (await auditOf(h.api, org.documentId)).events.filter((e) => e.action === 'refund.recorded');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ targetId: ent.documentId, after: { amount: PRICE, currency: 'EUR', mode: 'full', refund: data[0].documentId } });
  });

  it('prorated then full in the same period add up to the price exactly', async () => {
    const { org, ent } = await fresh();
    // 20 of 30 days unused: floor(10,000 × 20 ÷ 30) = 6,666.
    expect((await cancel(ent.documentId, 'prorated')).refundAmount).toBe(6666);
    await reactivate(ent.documentId);

    const before = await preview(ent.documentId, 'full');
    expect(before.refund).toMatchObject({ amount: 3334, uncappedAmount: PRICE, alreadyRefunded: 6666, refundable: 3334, cappedBy: 6666 });

    expect((await cancel(ent.documentId, 'full')).refundAmount).toBe(3334);
    const { data } = await ledger(org.documentId);
    expect(data.map((row) => [row.mode, row.amount])).toEqual([
      ['full', 3334],
      ['prorated', 6666],
    ]);
    expect(total(data)).toBe(PRICE);
  });

  it('a new period can be refunded again', async () => {
    const { org, ent } = await fresh();
    expect((await cancel(ent.documentId, 'full')).refundAmount).toBe(PRICE);

    // Past the period's end, reactivation starts a new period at now.
    const later = plusDays(PERIOD.end, 5);
    h.clock.freeze(later);
    const reactivated = await reactivate(ent.documentId);
    expect(reactivated.currentPeriodStart).toBe(later);

    expect((await preview(ent.documentId, 'full')).refund).toMatchObject({ amount: PRICE, alreadyRefunded: 0, refundable: PRICE });
    expect((await cancel(ent.documentId, 'full')).refundAmount).toBe(PRICE);

    const { data } = await ledger(org.documentId);
    expect(data.map((row) => [row.periodStart, row.amount])).toEqual([
      [later, PRICE],
      [PERIOD.start, PRICE],
    ]);
    expect(refundedTotalOf(await getOrg(h.api, org.documentId), ent.documentId)).toBe(2 * PRICE);
  });
});

describe('when money is granted', () => {
  it('a refund of 0 (mode none, or prorated at period end) writes no row', async () => {
    const { org, ent } = await fresh();
    await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end', refund: 'prorated' });
    await post(`${ent.documentId}/undo-cancel`);
    await cancel(ent.documentId, 'none');
    expect((await ledger(org.documentId)).data).toEqual([]);
    expect(refundedTotalOf(await getOrg(h.api, org.documentId), ent.documentId)).toBe(0);
  });

  it('a pending cancellation grants its refund at request; undoing it appends a reversal, and the period is refundable again', async () => {
    const { org, ent } = await fresh();
    // Effective in 10 days: 10 of 30 days unused → 3,333, granted now.
    const pending = await post(`${ent.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'date',
      effectiveAt: plusDays(NOW, 10),
      refund: 'prorated',
    });
    expect(pending).toMatchObject({ status: 'pending_cancellation', refundAmount: 3333 });
    expect((await ledger(org.documentId)).data.map((row) => row.amount)).toEqual([3333]);

    h.clock.freeze(new Date(Date.parse(NOW) + DAY).toISOString());
    await post(`${ent.documentId}/undo-cancel`);
    const { data } = await ledger(org.documentId);
    expect(data.map((row) => [row.kind, row.amount])).toEqual([
      ['reversal', -3333],
      ['refund', 3333],
    ]);
    expect((await auditOf(h.api, org.documentId)).events.filter((e) => e.action === 'refund.reversed')).toHaveLength(1);

    expect((await cancel(ent.documentId, 'full')).refundAmount).toBe(PRICE);
    expect(total((await ledger(org.documentId)).data)).toBe(PRICE);
  });
});

describe('GET /organizations/:id/refunds', () => {
  it('paginates newest first with meta.pagination', async () => {
    const org = await createOrg(h.api, { cancellationPolicy: refundPolicy });
    const ents: Entitlement[] = [];
    for (const price of [1000, 2000, 3000]) {
      const ent = await createEntitlement(h.api, org.documentId, monthly({ price }));
      await cancel(ent.documentId, 'full');
      ents.push(ent);
      h.clock.advance(1000);
    }
    const first = await ledger(org.documentId, '?page=1&pageSize=2');
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(first.data.map((row) => row.amount)).toEqual([3000, 2000]);
    const second = await ledger(org.documentId, '?page=2&pageSize=2');
    expect(second.data.map((row) => [row.entitlement, row.amount])).toEqual([[ents[0].documentId, 1000]]);
  });

  it('404 for an unknown organization, 400 for a bad page size', async () => {
    expectStatus(await h.api.get('/offboarding/organizations/does-not-exist/refunds'), 404);
    const org = await createOrg(h.api);
    expectStatus(await h.api.get(`/offboarding/organizations/${org.documentId}/refunds?pageSize=1000`), 400);
  });

  it('a read-only admin reads the ledger and the preview but cannot cancel', async () => {
    const { org, ent } = await fresh();
    await cancel(ent.documentId, 'full');
    await reactivate(ent.documentId);

    const reader = await h.admin(['read']);
    expect((await ledger(org.documentId, '', reader)).data.map((row) => row.amount)).toEqual([PRICE]);
    const previewed = await reader.post(`/offboarding/entitlements/${ent.documentId}/cancel/preview`, {
      reason: 'customer_request',
      timing: 'immediate',
      refund: 'full',
    });
    expectStatus(previewed, 200);
    expect(previewed.body.data.refund).toMatchObject({ amount: 0, alreadyRefunded: PRICE });

    const refused = await reader.post(`/offboarding/entitlements/${ent.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'immediate',
      refund: 'full',
    });
    expectStatus(refused, 403);
    expect((await ledger(org.documentId)).data).toHaveLength(1);
  });
});

it('deleting the organization takes its ledger with it', async () => {
  const { org, ent } = await fresh();
  await cancel(ent.documentId, 'full');
  const count = () => h.strapi.db.query('plugin::offboarding.refund').count({ where: { organization: org.documentId } });
  expect(await count()).toBe(1);
  expectStatus(await h.api.delete(`/offboarding/organizations/${org.documentId}?confirm=${encodeURIComponent(org.name)}`), 200);
  expect(await count()).toBe(0);
});

it('the purge takes the ledger with the entitlements; the audit trail keeps the amount', async () => {
  const { org, ent } = await fresh();
  await cancel(ent.documentId, 'full');
  expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`), 200);

  // Past the default 365 days of retention, then past the 7 days of review.
  h.clock.freeze(plusDays(NOW, 366));
  await h.sweep('retention');
  h.clock.freeze(plusDays(NOW, 374));
  await h.sweep('purge');

  expect((await getOrg(h.api, org.documentId)).purgeState).toBe('purged');
  expect((await ledger(org.documentId)).data).toEqual([]);
  expect(await h.strapi.db.query('plugin::offboarding.refund').count({ where: { entitlement: ent.documentId } })).toBe(0);
  const recorded = (await auditOf(h.api, org.documentId)).events.find((e) => e.action === 'refund.recorded');
  expect(recorded?.after).toMatchObject({ amount: PRICE, currency: 'EUR' });
});
