import type { EntitlementStatus, OrganizationStatus } from '../../../shared/contracts/constants';

/**
 * The organization's status, kept on its row so lists filter and count through an index.
 * What needs attention wins: any suspended entitlement makes it `suspended`, then any pending
 * cancellation; it is `cancelled` once every entitlement is; otherwise (or with none) `active`.
 */
export const deriveOrganizationStatus = (statuses: readonly EntitlementStatus[]): OrganizationStatus => {
  if (statuses.length === 0) return 'active';
  if (statuses.every((s) => s === 'cancelled')) return 'cancelled';
  if (statuses.includes('suspended')) return 'suspended';
  if (statuses.includes('pending_cancellation')) return 'pending_cancellation';
  return 'active';
};
