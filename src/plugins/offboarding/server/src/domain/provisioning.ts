import type { EntitlementClass, ProvisioningOperation } from '../../../shared/contracts/constants';

/** A downstream resource as the default handlers see it. */
export interface ResourceState {
  kind: string;
  status: string;
  data: Record<string, unknown> | null;
}

export interface ResourcePatch {
  status?: string;
  data?: Record<string, unknown>;
}

export interface ProvisioningContext {
  now: Date;
  /** When a hosted environment is torn down: the end of the organization's data retention. */
  teardownAt: Date | null;
}

const withData = (resource: ResourceState, changes: Record<string, unknown>) => ({ ...(resource.data ?? {}), ...changes });

/**
 * What cancellation (deprovision) and reactivation (reprovision) do to each resource, per
 * class (docs/spec.md §1). `null`: the resource is left as it is.
 *  - PLG: the license is cancelled; site activations keep working on the installed version
 *    but stop receiving updates; download access is revoked.
 *  - ENV: the environment is deprovisioned, an export reminder recorded, teardown scheduled
 *    at the end of retention.
 *  - SVC: the service and contract are cancelled, open service requests flagged for admin
 *    review, the credit balance frozen (no new consumption).
 */
export const planResource = (
  entitlementClass: EntitlementClass,
  operation: ProvisioningOperation,
  resource: ResourceState,
  ctx: ProvisioningContext
): ResourcePatch | null => {
  const deprovision = operation === 'deprovision';
  const at = ctx.now.toISOString();
  if (entitlementClass === 'PLG') {
    if (resource.kind === 'license') return { status: deprovision ? 'cancelled' : 'active' };
    if (resource.kind === 'site_activation') {
      return { status: 'active', data: withData(resource, { receivesUpdates: !deprovision, updatesStoppedAt: deprovision ? at : null }) };
    }
    if (resource.kind === 'download_access') return { status: deprovision ? 'revoked' : 'active' };
  }
  if (entitlementClass === 'ENV' && resource.kind === 'environment') {
    return deprovision
      ? { status: 'deprovisioned', data: withData(resource, { exportReminderAt: at, teardownAt: ctx.teardownAt?.toISOString() ?? null }) }
      : { status: 'active', data: withData(resource, { teardownAt: null }) };
  }
  if (entitlementClass === 'SVC') {
    if (resource.kind === 'service' || resource.kind === 'contract') return { status: deprovision ? 'cancelled' : 'active' };
    if (resource.kind === 'service_request' && deprovision && resource.status === 'open') {
      return { status: 'needs_review', data: withData(resource, { flaggedAt: at, flaggedBecause: 'service cancelled' }) };
    }
    if (resource.kind === 'credit_balance') {
      return { status: deprovision ? 'frozen' : 'active', data: withData(resource, { frozenAt: deprovision ? at : null }) };
    }
  }
  return null;
};
