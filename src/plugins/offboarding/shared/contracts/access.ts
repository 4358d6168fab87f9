/**
 * Access stages (docs/spec.md §12): what an organization may do follows from its state, by one
 * pure rule (server/src/domain/access.ts), used by the portal, customer exports, the owned-data
 * guard, invitations, resources and host apps alike.
 */

/** Each capability an organization's stage grants or withholds. */
export const ACCESS_CAPABILITIES = [
  'portalLogin',
  'portalWrite',
  'invite',
  'acceptInvite',
  'newOrders',
  'assignResources',
  'customerExport',
] as const;
export type AccessCapability = (typeof ACCESS_CAPABILITIES)[number];

/**
 * The stage table's rows, in the order the rule tries them: the first that holds decides.
 * - `purged`, `access_disabled`, `archived`: closed, whatever the entitlements.
 * - `cancelled` (every entitlement cancelled) inside `portalVisibilityDays` after the last
 *   cancellation: a read-only portal and customer exports; `cancelled_closed` after it.
 * - `pending_cancellation` (any entitlement), then the suspended rows (any, none pending):
 *   `suspended_blocked` / `suspended_restricted` when a dunning stage has blocked / restricted an
 *   overdue entitlement and no entitlement is in good standing (active, or paused keeping access),
 *   else `suspended`; then `paused` (every open entitlement paused or prospect, at least one
 *   paused, and none paused keeping access: a pause with `access: keep` is in good standing);
 *   then `active` (the rest, also an organization with no entitlement, or prospects only). Issue 15 adds the dunning and pause rows (docs/spec.md §13).
 */
export const ACCESS_STAGES = [
  'active',
  'pending_cancellation',
  'suspended',
  'suspended_restricted',
  'suspended_blocked',
  'paused',
  'cancelled',
  'cancelled_closed',
  'access_disabled',
  'archived',
  'purged',
] as const;
export type AccessStage = (typeof ACCESS_STAGES)[number];

/**
 * `GET /offboarding/organizations/:id/access` and `GET /api/offboarding/portal/organizations/:id/access`.
 * Every capability, the stage that decided them, and a sentence for each one withheld (customer-safe:
 * it names the stage and its dates, never an internal note or reason).
 */
export interface AccessView extends Record<AccessCapability, boolean> {
  stage: AccessStage;
  /** Why each withheld capability is withheld; a granted one has no entry. */
  reasons: Partial<Record<AccessCapability, string>>;
  /** The last instant of the read-only portal after the last cancellation (null while something runs). */
  portalAccessUntil: string | null;
}
