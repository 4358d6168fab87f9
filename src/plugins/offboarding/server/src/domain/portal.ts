import type { EntitlementStatus } from '../../../shared/contracts/constants';
import { addDays } from './dates';

/**
 * What the collaborator portal shows (docs/spec.md §5), as plain rules: a cancelled entitlement for
 * `portalVisibilityDays` after its cancellation, the organization for `portalVisibilityDays`
 * after its last cancellation.
 */

/** The last instant a cancelled entitlement is shown; null while it is not cancelled (always shown). */
export const entitlementVisibleUntil = (
  entitlement: { status: EntitlementStatus; cancelledAt: Date | null },
  portalVisibilityDays: number
): Date | null => {
  if (entitlement.status !== 'cancelled') return null;
  // A cancelled entitlement without a cancellation time has no window to be shown in.
  return entitlement.cancelledAt ? addDays(entitlement.cancelledAt, portalVisibilityDays) : new Date(0);
};

export const isEntitlementVisible = (
  entitlement: { status: EntitlementStatus; cancelledAt: Date | null },
  portalVisibilityDays: number,
  now: Date
): boolean => {
  const until = entitlementVisibleUntil(entitlement, portalVisibilityDays);
  return until === null || now.getTime() <= until.getTime();
};

/** The last instant the organization is open in the portal; null while anything is not cancelled. */
export const organizationVisibleUntil = (lastCancelledAt: Date | null, portalVisibilityDays: number): Date | null =>
  lastCancelledAt ? addDays(lastCancelledAt, portalVisibilityDays) : null;

/** Why the portal is closed (`details.reason` of the portal's 403s); which stage closes it is domain/access's rule. */
export type PortalClosure = 'purged' | 'disabled' | 'archived' | 'period_ended';
