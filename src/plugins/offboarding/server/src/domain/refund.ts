import type { BillingPeriod, RefundMode } from '../../../shared/contracts/constants';
import { invalid } from './errors';

export interface RefundInput {
  mode: RefundMode;
  /** Price of the current period, integer minor units. */
  price: number;
  billingPeriod: BillingPeriod;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** The moment from which the remaining period counts as unused: the effective time, or `prorateAsOf`. */
  asOf: Date;
  refundEligible: boolean;
}

export interface Refund {
  mode: RefundMode;
  amount: number;
  /** For prorated refunds, the figures the amount was computed from. */
  unusedSeconds: number | null;
  periodSeconds: number | null;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Refund of an entitlement's current period.
 * prorated = floor(price × unused seconds ÷ period seconds), with unused measured from `asOf`
 * and clamped to the period (before the start: the whole period; after the end: nothing).
 * Integer arithmetic throughout (BigInt) so a large price × a year of seconds stays exact.
 */
export const computeRefund = (input: RefundInput): Refund => {
  const { mode, price } = input;
  if (!Number.isInteger(price) || price < 0) {
    throw invalid('price', 'price must be a non-negative integer amount in minor units');
  }
  if (mode === 'none') return { mode, amount: 0, unusedSeconds: null, periodSeconds: null };
  if (!input.refundEligible) {
    throw invalid('refund', `refund "${mode}" is not allowed: the cancellation policy is not refund-eligible`, {
      rule: 'refundEligible',
    });
  }
  if (mode === 'full') return { mode, amount: price, unusedSeconds: null, periodSeconds: null };

  const { periodStart, periodEnd } = input;
  if (input.billingPeriod === 'none' || !periodStart || !periodEnd) {
    throw invalid('refund', 'a prorated refund needs a billing period with currentPeriodStart and currentPeriodEnd', {
      rule: 'billingPeriod',
    });
  }
  const periodSeconds = Math.max(0, seconds(periodEnd.getTime() - periodStart.getTime()));
  if (periodSeconds === 0 || price === 0) {
    return { mode, amount: 0, unusedSeconds: 0, periodSeconds };
  }
  const from = Math.min(Math.max(input.asOf.getTime(), periodStart.getTime()), periodEnd.getTime());
  const unusedSeconds = Math.min(periodSeconds, Math.max(0, seconds(periodEnd.getTime() - from)));
  const amount = Number((BigInt(price) * BigInt(unusedSeconds)) / BigInt(periodSeconds));
  return { mode, amount, unusedSeconds, periodSeconds };
};

export interface PeriodRefunds {
  /** Price of the period, integer minor units: the most its refunds may add up to. */
  price: number;
  /** What the ledger already holds for this period (its refunds net of reversals). */
  alreadyRefunded: number;
}

export interface CappedRefund extends Refund {
  /** The amount the mode alone would give, before the period's cap. */
  uncappedAmount: number;
  alreadyRefunded: number;
  /** What is left to refund in this period before this refund: price − already refunded, never below 0. */
  refundable: number;
  /** How much the cap took off: uncappedAmount − amount. */
  cappedBy: number;
}

/**
 * The refunds of one billing period never add up to more than its price (docs/spec.md §9, "Money
 * is a ledger"): a later refund in the same period is clamped to what is left, never refused,
 * so cancel → reactivate → cancel cannot refund a period twice.
 */
export const capRefund = (refund: Refund, period: PeriodRefunds): CappedRefund => {
  const alreadyRefunded = Math.max(0, period.alreadyRefunded);
  const refundable = Math.max(0, period.price - alreadyRefunded);
  const amount = Math.min(refund.amount, refundable);
  return { ...refund, amount, uncappedAmount: refund.amount, alreadyRefunded, refundable, cappedBy: refund.amount - amount };
};
