import {
  addBillingPeriod,
  capRefund,
  computeRefund,
  planCancel,
  type CancelInput,
  type RefundInput,
} from '../../src/plugins/offboarding/server/src/domain';
import { at, entitlement, expectDomainError } from './fixtures';

const DAY_S = 86_400;

/** A 30-day monthly period, 2027-01-01 → 2027-01-31, price 3000, refund-eligible. */
const input = (overrides: Partial<RefundInput> = {}): RefundInput => ({
  mode: 'prorated',
  price: 3000,
  billingPeriod: 'month',
  periodStart: at('2027-01-01T00:00:00Z'),
  periodEnd: at('2027-01-31T00:00:00Z'),
  asOf: at('2027-01-11T00:00:00Z'),
  refundEligible: true,
  ...overrides,
});

describe('computeRefund: modes', () => {
  it('none refunds 0, even when the policy is not refund-eligible', () => {
    expect(computeRefund(input({ mode: 'none', refundEligible: false }))).toEqual({
      mode: 'none',
      amount: 0,
      unusedSeconds: null,
      periodSeconds: null,
    });
  });

  it('full refunds the price of the current period', () => {
    expect(computeRefund(input({ mode: 'full' })).amount).toBe(3000);
  });

  it('full refund of a price 0 entitlement is 0', () => {
    expect(computeRefund(input({ mode: 'full', price: 0 })).amount).toBe(0);
  });

  it.each(['prorated', 'full'] as const)('%s on a non-refund-eligible policy → invalid field refund', (mode) => {
    const error = expectDomainError(() => computeRefund(input({ mode, refundEligible: false })), 'invalid', {
      field: 'refund',
      rule: 'refundEligible',
    });
    expect(error.message).toContain(mode);
  });

  it.each([-1, 12.5, Number.NaN])('price %p is refused (field price)', (price) => {
    expectDomainError(() => computeRefund(input({ mode: 'full', price })), 'invalid', { field: 'price' });
  });
});

describe('computeRefund: prorated = floor(price × unused s ÷ period s)', () => {
  it('30-day period, 10 days used, price 3000 → 2000, with the figures it used', () => {
    expect(computeRefund(input())).toEqual({
      mode: 'prorated',
      amount: 2000,
      unusedSeconds: 20 * DAY_S,
      periodSeconds: 30 * DAY_S,
    });
  });

  it.each([
    // [label, price, periodStart, periodEnd, asOf, expected]
    ['7 of 30 days used on 1000: 766.67 → 766', 1000, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-01-08T00:00:00Z', 766],
    ['10 of 31 days used on 999: 676.74 → 676', 999, '2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z', '2027-01-11T00:00:00Z', 676],
    ['1 second used on 100 over 30 days: 99.99996 → 99', 100, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-01-01T00:00:01Z', 99],
    ['half of 30 days on 1 → 0', 1, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-01-16T00:00:00Z', 0],
    ['12h of a 30-day period left on 3000: 50 exactly', 3000, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-01-30T12:00:00Z', 50],
    ['asOf exactly at period start → full price', 3000, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-01-01T00:00:00Z', 3000],
    ['asOf before period start → full price', 3000, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2026-12-15T00:00:00Z', 3000],
    ['asOf exactly at period end → 0', 3000, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-01-31T00:00:00Z', 0],
    ['asOf after period end → 0', 3000, '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z', '2027-02-10T00:00:00Z', 0],
  ] as const)('%s', (_label, price, start, end, asOf, expected) => {
    expect(
      computeRefund(input({ price, periodStart: at(start), periodEnd: at(end), asOf: at(asOf) })).amount
    ).toBe(expected);
  });

  it('price 0 → 0', () => {
    expect(computeRefund(input({ price: 0 })).amount).toBe(0);
  });

  it('zero-length period → 0', () => {
    const instant = at('2027-01-01T00:00:00Z');
    const refund = computeRefund(input({ periodStart: instant, periodEnd: instant, asOf: instant }));
    expect(refund.amount).toBe(0);
    expect(refund.periodSeconds).toBe(0);
  });

  it('period ending before it starts → 0, never negative', () => {
    const refund = computeRefund(
      input({ periodStart: at('2027-01-31T00:00:00Z'), periodEnd: at('2027-01-01T00:00:00Z'), asOf: at('2026-12-01T00:00:00Z') })
    );
    expect(refund.amount).toBe(0);
  });

  it.each([
    ['billingPeriod none', 'none', '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z'],
    ['no periodStart', 'month', null, '2027-01-31T00:00:00Z'],
    ['no periodEnd', 'month', '2027-01-01T00:00:00Z', null],
  ] as const)('%s → invalid field refund', (_label, billingPeriod, start, end) => {
    expectDomainError(
      () => computeRefund(input({ billingPeriod, periodStart: start ? at(start) : null, periodEnd: end ? at(end) : null })),
      'invalid',
      { field: 'refund', rule: 'billingPeriod' }
    );
  });
});

describe('computeRefund: leap years', () => {
  it('Feb 1 → Mar 1 2028 is 29 days: 2900 with 15 days unused → 1500', () => {
    const start = at('2028-02-01T00:00:00Z');
    const end = addBillingPeriod(start, 'month');
    expect(end).toEqual(at('2028-03-01T00:00:00Z'));
    const refund = computeRefund(input({ price: 2900, periodStart: start, periodEnd: end, asOf: at('2028-02-15T00:00:00Z') }));
    expect(refund.periodSeconds).toBe(29 * DAY_S);
    expect(refund.unusedSeconds).toBe(15 * DAY_S);
    expect(refund.amount).toBe(1500);
  });

  it('Feb 1 → Mar 1 2027 is 28 days: 2800 with 14 days unused → 1400', () => {
    const refund = computeRefund(
      input({ price: 2800, periodStart: at('2027-02-01T00:00:00Z'), periodEnd: at('2027-03-01T00:00:00Z'), asOf: at('2027-02-15T00:00:00Z') })
    );
    expect(refund.periodSeconds).toBe(28 * DAY_S);
    expect(refund.amount).toBe(1400);
  });

  it('a yearly period over 2028 is 366 days: 36600 with Dec 2028 unused → 3100', () => {
    const refund = computeRefund(
      input({
        price: 36_600,
        billingPeriod: 'year',
        periodStart: at('2028-01-01T00:00:00Z'),
        periodEnd: at('2029-01-01T00:00:00Z'),
        asOf: at('2028-12-01T00:00:00Z'),
      })
    );
    expect(refund.periodSeconds).toBe(366 * DAY_S);
    expect(refund.amount).toBe(3100);
  });
});

describe('computeRefund: large amounts stay exact', () => {
  const start = at('2027-01-01T00:00:00Z');
  const end = at('2028-01-01T00:00:00Z');
  const yearSeconds = 365 * DAY_S;

  const bigIntRefund = (price: number, unused: number) =>
    Number((BigInt(price) * BigInt(unused)) / BigInt(yearSeconds));

  it('2_000_000_000 over a year with one second used → 1_999_999_936', () => {
    const refund = computeRefund(
      input({ price: 2_000_000_000, billingPeriod: 'year', periodStart: start, periodEnd: end, asOf: at('2027-01-01T00:00:01Z') })
    );
    expect(refund.amount).toBe(1_999_999_936);
    expect(refund.amount).toBe(bigIntRefund(2_000_000_000, yearSeconds - 1));
  });

  it('1_999_999_999 with 17_008_001 s unused → 1_078_640_346 (float math would give ...347)', () => {
    const unused = 17_008_001;
    const asOf = new Date(end.getTime() - unused * 1000);
    expect(asOf).toEqual(at('2027-06-18T03:33:19Z'));
    const refund = computeRefund(input({ price: 1_999_999_999, billingPeriod: 'year', periodStart: start, periodEnd: end, asOf }));
    expect(refund.unusedSeconds).toBe(unused);
    expect(refund.amount).toBe(bigIntRefund(1_999_999_999, unused));
    expect(refund.amount).toBe(1_078_640_346);
    // The product exceeds 2^53: plain floating-point division rounds up to the wrong integer.
    expect(Math.floor((1_999_999_999 * unused) / yearSeconds)).toBe(1_078_640_347);
  });

  it.each(['2027-03-01T12:34:56Z', '2027-07-02T00:00:00Z', '2027-11-30T23:59:59Z'])(
    '2_147_483_647 prorated as of %s equals the BigInt computation',
    (iso) => {
      const asOf = at(iso);
      const unused = (end.getTime() - asOf.getTime()) / 1000;
      const refund = computeRefund(input({ price: 2_147_483_647, billingPeriod: 'year', periodStart: start, periodEnd: end, asOf }));
      expect(refund.amount).toBe(bigIntRefund(2_147_483_647, unused));
    }
  );
});

describe('planCancel: refund and timing validation', () => {
  const NOW = at('2027-01-11T00:00:00Z');
  const cancel = (overrides: Partial<CancelInput> = {}): CancelInput => ({
    timing: 'immediate',
    refund: 'none',
    reason: 'customer_request',
    requestedBy: 'admin:7',
    now: NOW,
    policy: { refundEligible: true },
    ...overrides,
  });

  it('prorateAsOf: immediate cancel prorated as of Jan 21 → 1000 (not the 2000 of "now")', () => {
    const plan = planCancel(entitlement(), cancel({ refund: 'prorated', prorateAsOf: at('2027-01-21T00:00:00Z') }));
    expect(plan.effectiveAt).toEqual(NOW);
    expect(plan.refund.amount).toBe(1000);
  });

  it.each(['full', 'prorated'] as const)('refund %s on a non-refund-eligible policy → invalid field refund', (refund) => {
    expectDomainError(() => planCancel(entitlement(), cancel({ refund, policy: { refundEligible: false } })), 'invalid', {
      field: 'refund',
    });
  });

  it('prorated on billingPeriod none → invalid field refund', () => {
    const oneOff = entitlement({ billingPeriod: 'none', currentPeriodStart: null, currentPeriodEnd: null });
    expectDomainError(() => planCancel(oneOff, cancel({ refund: 'prorated' })), 'invalid', { field: 'refund' });
  });

  it.each(['none', 'full'] as const)('prorateAsOf with refund %s → invalid field prorateAsOf', (refund) => {
    expectDomainError(
      () => planCancel(entitlement(), cancel({ refund, prorateAsOf: at('2027-01-21T00:00:00Z') })),
      'invalid',
      { field: 'prorateAsOf' }
    );
  });

  it.each([
    ['ended yesterday', '2027-01-10T00:00:00Z'],
    ['ends exactly now', '2027-01-11T00:00:00Z'],
  ])('period_end when the period %s → invalid field timing', (_label, end) => {
    expectDomainError(
      () => planCancel(entitlement({ currentPeriodEnd: at(end) }), cancel({ timing: 'period_end' })),
      'invalid',
      { field: 'timing' }
    );
  });

  it('period_end without a currentPeriodEnd → invalid field timing', () => {
    const oneOff = entitlement({ billingPeriod: 'none', currentPeriodStart: null, currentPeriodEnd: null });
    expectDomainError(() => planCancel(oneOff, cancel({ timing: 'period_end' })), 'invalid', { field: 'timing' });
  });

  it.each([
    ['in the past', at('2027-01-10T00:00:00Z')],
    ['equal to now', NOW],
    ['missing', undefined],
    ['null', null],
  ])('date timing with effectiveAt %s → invalid field effectiveAt', (_label, effectiveAt) => {
    expectDomainError(() => planCancel(entitlement(), cancel({ timing: 'date', effectiveAt })), 'invalid', {
      field: 'effectiveAt',
    });
  });

  it.each(['immediate', 'period_end'] as const)('effectiveAt with timing %s → invalid field effectiveAt', (timing) => {
    expectDomainError(
      () => planCancel(entitlement(), cancel({ timing, effectiveAt: at('2027-01-20T00:00:00Z') })),
      'invalid',
      { field: 'effectiveAt' }
    );
  });
});

describe('capRefund: a period never refunds more than its price (docs/spec.md §9)', () => {
  const full = computeRefund(input({ mode: 'full', price: 10_000 }));
  const prorated = computeRefund(input({ mode: 'prorated', price: 3000 }));

  it('nothing refunded yet: the whole amount, nothing capped', () => {
    expect(capRefund(full, { price: 10_000, alreadyRefunded: 0 })).toEqual({
      ...full,
      amount: 10_000,
      uncappedAmount: 10_000,
      alreadyRefunded: 0,
      refundable: 10_000,
      cappedBy: 0,
    });
  });

  it('a period already refunded in full: a second full refund is clamped to 0, not refused', () => {
    expect(capRefund(full, { price: 10_000, alreadyRefunded: 10_000 })).toMatchObject({
      amount: 0,
      uncappedAmount: 10_000,
      alreadyRefunded: 10_000,
      refundable: 0,
      cappedBy: 10_000,
    });
  });

  it('prorated 2000 of 3000 first, then full: the full one gets the 1000 left, the sum is the price', () => {
    const first = capRefund(prorated, { price: 3000, alreadyRefunded: 0 });
    expect(first.amount).toBe(2000);
    const second = capRefund(computeRefund(input({ mode: 'full' })), { price: 3000, alreadyRefunded: first.amount });
    expect(second).toMatchObject({ amount: 1000, refundable: 1000, cappedBy: 2000 });
    expect(first.amount + second.amount).toBe(3000);
  });

  it('a prorated amount below what is left stays as computed', () => {
    expect(capRefund(prorated, { price: 3000, alreadyRefunded: 500 })).toMatchObject({ amount: 2000, refundable: 2500, cappedBy: 0 });
  });

  it('a ledger holding more than the price (refunded before a price cut) leaves 0, never a negative amount', () => {
    expect(capRefund(full, { price: 10_000, alreadyRefunded: 12_000 })).toMatchObject({ amount: 0, refundable: 0 });
  });

  it('a negative net (more reversed than granted) counts as nothing refunded, never more than the price', () => {
    expect(capRefund(full, { price: 10_000, alreadyRefunded: -500 })).toMatchObject({ amount: 10_000, alreadyRefunded: 0, refundable: 10_000 });
  });

  it('mode none stays 0 and still says what was refunded', () => {
    const none = computeRefund(input({ mode: 'none' }));
    expect(capRefund(none, { price: 3000, alreadyRefunded: 1200 })).toMatchObject({ amount: 0, alreadyRefunded: 1200, refundable: 1800, cappedBy: 0 });
  });
});

describe('planCancel: the period cap', () => {
  const refundCancel = (overrides: Partial<CancelInput> = {}): CancelInput => ({
    timing: 'immediate',
    refund: 'full',
    reason: 'customer_request',
    requestedBy: 'admin@example.com',
    now: at('2027-01-11T00:00:00Z'),
    policy: { refundEligible: true },
    ...overrides,
  });

  it('records the capped amount on the patch: 3000 already refunded of 3000 → refundAmount 0', () => {
    const plan = planCancel(entitlement(), refundCancel({ alreadyRefunded: 3000 }));
    expect(plan.refund).toMatchObject({ amount: 0, uncappedAmount: 3000, alreadyRefunded: 3000, cappedBy: 3000 });
    expect(plan.patch).toMatchObject({ refundMode: 'full', refundAmount: 0 });
  });

  it('prorated after a partial refund: 2000 computed, 1500 left → 1500', () => {
    const plan = planCancel(entitlement(), refundCancel({ refund: 'prorated', alreadyRefunded: 1500 }));
    expect(plan.patch.refundAmount).toBe(1500);
    expect(plan.refund.cappedBy).toBe(500);
  });

  it('without alreadyRefunded nothing is capped', () => {
    expect(planCancel(entitlement(), refundCancel()).patch.refundAmount).toBe(3000);
  });
});
