/**
 * The Insights endpoints (docs/spec.md §7): known data built through the API, exact figures back,
 * on every database (each aggregate is one SQL statement with per-client date bucketing).
 * Cancellations count what is still cancelled (a reactivated entitlement is not churn), churn
 * sums recurring prices as a monthly amount per currency, refunds are the ledger per currency.
 */
import type {
  CancellationInsights,
  ChurnInsights,
  RefundInsights,
  StatusInsights,
  UpcomingInsights,
} from '../../src/plugins/offboarding/shared/contracts/insights';
import { data, useHarness } from '../helpers/harness';

const NOW = '2027-01-11T00:00:00.000Z';
const ENTS = '/offboarding/entitlements';

const h = useHarness('insights', { now: NOW, refreeze: 'once' });
const { api } = h;

const get = async <T>(url: string): Promise<T> => (await data(api.get(url), 200)) as unknown as T;

/** Creates an entitlement with the clock at `at` (its period around it), as the organization's. */
const entitlement = async (org: string, at: string, input: Record<string, unknown>) => {
  h.clock.freeze(at);
  return (await data(api.post(`/offboarding/organizations/${org}/entitlements`, input), 201)).documentId;
};
const cancel = async (ent: string, at: string, body: Record<string, unknown>) => {
  h.clock.freeze(at);
  await data(api.post(`${ENTS}/${ent}/cancel`, body), 200);
};
const month = (start: string, end: string) => ({ class: 'PLG', billingPeriod: 'month', currentPeriodStart: start, currentPeriodEnd: end });

beforeAll(async () => {
  const policy = await h.policy({ refundEligible: true });
  const org = (await h.organization({ name: 'Insights Org', cancellationPolicy: policy.documentId })).documentId;

  // November 2026: a monthly EUR licence refunded half (15 of 30 days unused), a yearly USD one.
  const e1 = await entitlement(org, '2026-11-01T00:00:00.000Z', { ...month('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'), price: 3000, currency: 'EUR' });
  await cancel(e1, '2026-11-16T00:00:00.000Z', { reason: 'too_expensive', timing: 'immediate', refund: 'prorated' });
  const e2 = await entitlement(org, '2026-01-01T00:00:00.000Z', { class: 'ENV', billingPeriod: 'year', currentPeriodStart: '2026-01-01T00:00:00.000Z', currentPeriodEnd: '2027-01-01T00:00:00.000Z', price: 12000, currency: 'USD' });
  await cancel(e2, '2026-11-20T00:00:00.000Z', { reason: 'too_expensive', timing: 'immediate' });

  // December 2026: a monthly EUR one refunded in full, a one-off order (no recurring revenue),
  // and one cancelled then reactivated (not churn).
  const e3 = await entitlement(org, '2026-12-01T00:00:00.000Z', { ...month('2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'), price: 2000, currency: 'EUR' });
  await cancel(e3, '2026-12-10T00:00:00.000Z', { reason: 'switching_provider', timing: 'immediate', refund: 'full' });
  const e4 = await entitlement(org, '2026-12-01T00:00:00.000Z', { class: 'ORD', billingPeriod: 'none', price: 500, currency: 'EUR' });
  await cancel(e4, '2026-12-12T00:00:00.000Z', { reason: 'other', timing: 'immediate' });
  const e7 = await entitlement(org, '2026-12-01T00:00:00.000Z', { ...month('2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'), price: 900, currency: 'EUR' });
  await cancel(e7, '2026-12-15T00:00:00.000Z', { reason: 'customer_request', timing: 'immediate' });
  h.clock.freeze('2026-12-16T00:00:00.000Z');
  await data(api.post(`${ENTS}/${e7}/reactivate`, {}), 200);

  // Now (Monday 2027-01-11): a cancellation at period end (Feb 1), a suspension dated Jan 20, a
  // pause ending Mar 1, a manual suspension, a prospect.
  const period = month('2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z');
  const e5 = await entitlement(org, NOW, { ...period, price: 1000, currency: 'EUR' });
  await cancel(e5, NOW, { reason: 'customer_request', timing: 'period_end' });
  const e6 = await entitlement(org, NOW, { ...period, price: 1000, currency: 'EUR' });
  await data(api.post(`${ENTS}/${e6}/suspend`, { reason: 'manual', effectiveAt: '2027-01-20T12:00:00.000Z' }), 200);
  const e9 = await entitlement(org, NOW, { ...period, price: 1000, currency: 'EUR' });
  await data(api.post(`${ENTS}/${e9}/pause`, { reason: 'other', access: 'keep', resumeAt: '2027-03-01T09:00:00.000Z' }), 200);
  const e10 = await entitlement(org, NOW, { ...period, price: 1000, currency: 'EUR' });
  await data(api.post(`${ENTS}/${e10}/suspend`, { reason: 'manual' }), 200);
  await entitlement(org, NOW, { class: 'PLG', billingPeriod: 'none', price: 0, currency: 'EUR', status: 'prospect' });
  h.clock.freeze(NOW);
});

it('cancellations per month by reason, with labels, over the last 12 months by default', async () => {
  const body = await get<CancellationInsights>('/offboarding/insights/cancellations');
  expect({ from: body.from, to: body.to }).toEqual({ from: '2026-02-01T00:00:00.000Z', to: NOW });
  expect(body.rows).toEqual([
    { month: '2026-11', reason: 'too_expensive', label: 'Too expensive', count: 2 },
    { month: '2026-12', reason: 'other', label: 'Other', count: 1 },
    { month: '2026-12', reason: 'switching_provider', label: 'Switching provider', count: 1 },
  ]);
});

it('a window counts only what falls inside it; a bare `to` date covers its whole day', async () => {
  const late = await get<CancellationInsights>('/offboarding/insights/cancellations?from=2026-11-17&to=2026-12-10');
  expect(late.rows).toEqual([
    { month: '2026-11', reason: 'too_expensive', label: 'Too expensive', count: 1 },
    { month: '2026-12', reason: 'switching_provider', label: 'Switching provider', count: 1 },
  ]);
  expect(late.to).toBe('2026-12-11T00:00:00.000Z');
  expect((await get<CancellationInsights>('/offboarding/insights/cancellations?from=2025-01-01&to=2025-12-31')).rows).toEqual([]);
});

it('refunds per month by currency: the net amount and the count', async () => {
  const body = await get<RefundInsights>('/offboarding/insights/refunds');
  expect(body.rows).toEqual([
    { month: '2026-11', currency: 'EUR', amount: 1500, count: 1 },
    { month: '2026-12', currency: 'EUR', amount: 2000, count: 1 },
  ]);
});

it('revenue lost to churn: monthly amounts per currency (a yearly price ÷ 12), no one-off orders, no reactivated ones', async () => {
  const body = await get<ChurnInsights>('/offboarding/insights/churn');
  expect(body.rows).toEqual([
    { month: '2026-11', currency: 'EUR', monthlyAmount: 3000, count: 1 },
    { month: '2026-11', currency: 'USD', monthlyAmount: 1000, count: 1 },
    { month: '2026-12', currency: 'EUR', monthlyAmount: 2000, count: 1 },
  ]);
});

it('entitlements by status: every status, zeros included', async () => {
  const body = await get<StatusInsights>('/offboarding/insights/statuses');
  expect(body).toEqual({
    rows: [
      { status: 'prospect', count: 1 },
      { status: 'active', count: 2 },
      { status: 'paused', count: 1 },
      { status: 'suspended', count: 1 },
      { status: 'pending_cancellation', count: 1 },
      { status: 'cancelled', count: 4 },
    ],
    total: 10,
  });
});

it('upcoming changes per week (Mondays) and per day by kind, within the days asked for', async () => {
  const weekly = await get<UpcomingInsights>('/offboarding/insights/upcoming');
  expect(weekly).toMatchObject({ from: NOW, to: '2027-04-11T00:00:00.000Z', interval: 'week' });
  expect(weekly.rows).toEqual([
    { period: '2027-01-18', kind: 'suspend', count: 1 },
    { period: '2027-02-01', kind: 'cancellation', count: 1 },
    { period: '2027-03-01', kind: 'pause_end', count: 1 },
  ]);
  const daily = await get<UpcomingInsights>('/offboarding/insights/upcoming?days=15&interval=day');
  expect(daily.rows).toEqual([{ period: '2027-01-20', kind: 'suspend', count: 1 }]);
});

it('refuses bad input with a 400 naming the field', async () => {
  const refusal = async (url: string) => {
    const res = await api.get(url);
    return { status: res.status, message: (res.body as { error: { message: string } }).error.message };
  };
  expect(await refusal('/offboarding/insights/refunds?from=2026-13-01')).toMatchObject({ status: 400, message: expect.stringContaining('from') });
  expect(await refusal('/offboarding/insights/churn?from=2026-06-01&to=2026-01-01')).toMatchObject({ status: 400, message: 'to must not be before from' });
  expect(await refusal('/offboarding/insights/cancellations?from=2020-01-01&to=2026-01-02')).toMatchObject({ status: 400, message: expect.stringContaining('5 years') });
  expect(await refusal('/offboarding/insights/upcoming?days=0')).toMatchObject({ status: 400, message: expect.stringContaining('days') });
  expect(await refusal('/offboarding/insights/upcoming?days=367')).toMatchObject({ status: 400, message: expect.stringContaining('days') });
  expect(await refusal('/offboarding/insights/upcoming?interval=month')).toMatchObject({ status: 400, message: expect.stringContaining('interval') });
  expect(await refusal('/offboarding/insights/statuses?from=2026-01-01')).toMatchObject({ status: 400, message: expect.stringContaining('from') });
});
