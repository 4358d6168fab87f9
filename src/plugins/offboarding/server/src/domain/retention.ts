import { addDays, maxDate } from './dates';

/**
 * retentionUntil = the time the organization's last entitlement was cancelled + dataRetentionDays,
 * pushed later (never earlier) by an admin's extension.
 */
export const computeRetentionUntil = (
  lastCancelledAt: Date | null,
  dataRetentionDays: number,
  extendedUntil?: Date | null
): Date | null => {
  if (!lastCancelledAt) return extendedUntil ?? null;
  return maxDate(addDays(lastCancelledAt, dataRetentionDays), extendedUntil ?? null);
};

/** The latest cancellation among the entitlements, or null while any is not cancelled. */
export const lastCancellationOf = (
  entitlements: readonly { status: string; cancelledAt: Date | null }[]
): Date | null => {
  if (entitlements.length === 0 || entitlements.some((e) => e.status !== 'cancelled')) return null;
  return maxDate(...entitlements.map((e) => e.cancelledAt));
};
