import type { EntitlementStatus, OrganizationStatus } from '../../../shared/contracts/constants';

/**
 * The organization's status, kept on its row so lists filter and count through an index.
 * What needs attention wins: any suspended entitlement makes it `suspended`, then any pending
 * cancellation; it is `cancelled` once every entitlement is. Then `active` when anything is;
 * `paused` when nothing is active but something is paused; and prospects (docs/spec.md §13, not
 * customers yet) count only when nothing else is open: `prospect`. With none, `active`.
 */
export const deriveOrganizationStatus = (statuses: readonly EntitlementStatus[]): OrganizationStatus => {
  if (statuses.length === 0) return 'active';
  const open = statuses.filter((s) => s !== 'cancelled');
  if (open.length === 0) return 'cancelled';
  for (const status of ['suspended', 'pending_cancellation', 'active', 'paused'] as const) {
    if (open.includes(status)) return status;
  }
  return 'prospect';
};
