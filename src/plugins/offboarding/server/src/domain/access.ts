import { ACCESS_CAPABILITIES, type AccessCapability, type AccessStage } from '../../../shared/contracts/access';
import type { DunningLevel, EntitlementStatus, PauseAccess } from '../../../shared/contracts/constants';
import { organizationVisibleUntil } from './portal';

/**
 * Access stages (docs/spec.md §12): what an organization may do follows from its state, by this
 * one rule. The portal, customer exports and signed links, the owned-data guard, invitations,
 * resources and host apps (`service('access')`) all ask it; none decides on its own. Pure:
 * the organization's facts and the time in, the capabilities out.
 */

export { ACCESS_CAPABILITIES };
export type { AccessCapability, AccessStage };

/** What the rule reads of each entitlement: its status, a pause's access, how far dunning went. */
export interface AccessEntitlement {
  status: EntitlementStatus;
  /** Read while paused: `block` closes the portal unless something else is in good standing. */
  pauseAccess: PauseAccess | null;
  /** Read while suspended: the strongest dunning stage reached (docs/spec.md §13). */
  dunningLevel: DunningLevel | null;
}

export interface AccessFacts {
  purgeState: string;
  accessStatus: string;
  archivedAt: Date | null;
  /** Every entitlement of the organization (cancelled ones included). */
  entitlements: readonly AccessEntitlement[];
  /** When every entitlement is cancelled: the last cancellation. */
  lastCancelledAt: Date | null;
  /** The longest `portalVisibilityDays` among the policies governing the organization. */
  portalVisibilityDays: number;
}

export interface Access {
  stage: AccessStage;
  capabilities: Record<AccessCapability, boolean>;
  /** A sentence per withheld capability, naming the stage (customer-safe: no note, no internal reason). */
  reasons: Partial<Record<AccessCapability, string>>;
  /** The last instant of the portal after the last cancellation; null while something still runs. */
  portalAccessUntil: Date | null;
}

const ALL = Object.fromEntries(ACCESS_CAPABILITIES.map((capability) => [capability, true])) as Record<AccessCapability, boolean>;
const NONE = Object.fromEntries(ACCESS_CAPABILITIES.map((capability) => [capability, false])) as Record<AccessCapability, boolean>;

/** The stage table of docs/spec.md §12, one row per stage. */
export const STAGE_CAPABILITIES: Readonly<Record<AccessStage, Readonly<Record<AccessCapability, boolean>>>> = Object.freeze({
  active: ALL,
  pending_cancellation: { ...ALL, invite: false, acceptInvite: false, assignResources: false },
  // "Portal write: yes until a dunning stage restricts it" (issue 15 adds the dunning stages).
  suspended: { ...ALL, invite: false, acceptInvite: false, newOrders: false, assignResources: false },
  // Dunning stages (docs/spec.md §13): read-only, then closed, while nothing else is paid up.
  suspended_restricted: { ...NONE, portalLogin: true, customerExport: true },
  suspended_blocked: NONE,
  // A pause with `access: block` while nothing else runs: a closed portal, billing stopped.
  paused: NONE,
  cancelled: { ...NONE, portalLogin: true, customerExport: true },
  cancelled_closed: NONE,
  access_disabled: NONE,
  archived: NONE,
  purged: NONE,
});

/** How each stage reads in a sentence ("… is pending cancellation"). */
export const STAGE_PHRASES: Readonly<Record<AccessStage, string>> = Object.freeze({
  active: 'active',
  pending_cancellation: 'pending cancellation',
  suspended: 'suspended',
  suspended_restricted: 'suspended for non-payment (read-only portal)',
  suspended_blocked: 'suspended for non-payment (portal closed)',
  paused: 'paused',
  cancelled: 'cancelled (read-only portal)',
  cancelled_closed: 'cancelled and past its portal access period',
  access_disabled: 'disabled (access is off)',
  archived: 'archived',
  purged: 'purged',
});

/** What each capability allows, as the end of "… : <what> is not allowed". */
export const CAPABILITY_PHRASES: Readonly<Record<AccessCapability, string>> = Object.freeze({
  portalLogin: 'its portal is closed',
  portalWrite: 'its portal is read-only',
  invite: 'no one can be invited',
  acceptInvite: 'invitations cannot be accepted',
  newOrders: 'no new orders or quotes can be created for it',
  assignResources: 'no new resources can be assigned to its entitlements',
  customerExport: 'customers cannot export its data',
});

/** Which row of the table holds: the first that matches, in the order of the table. */
export const accessStage = (facts: AccessFacts, now: Date): AccessStage => {
  if (facts.purgeState === 'purged') return 'purged';
  if (facts.accessStatus === 'disabled') return 'access_disabled';
  if (facts.archivedAt) return 'archived';
  const open = facts.entitlements.filter((ent) => ent.status !== 'cancelled');
  if (facts.entitlements.length > 0 && open.length === 0) {
    const until = organizationVisibleUntil(facts.lastCancelledAt, facts.portalVisibilityDays);
    // Inside the window through its last instant; a cancelled organization with no cancellation
    // time recorded has no window.
    return until && now.getTime() <= until.getTime() ? 'cancelled' : 'cancelled_closed';
  }
  // A mix of pending and suspended entitlements is pending cancellation: the table's suspended
  // row reads "any, none pending".
  if (open.some((ent) => ent.status === 'pending_cancellation')) return 'pending_cancellation';
  // Prospects are not customers yet: they neither grant nor withhold anything.
  const billed = open.filter((ent) => ent.status !== 'prospect');
  // Good standing: paid up and running, or paused keeping its access. Dunning never closes the
  // portal of an organization that still has one (killbill#1997), nor does a blocking pause.
  const goodStanding = billed.some((ent) => ent.status === 'active' || (ent.status === 'paused' && ent.pauseAccess !== 'block'));
  const suspended = billed.filter((ent) => ent.status === 'suspended');
  if (suspended.length) {
    if (!goodStanding && suspended.some((ent) => ent.dunningLevel === 'block')) return 'suspended_blocked';
    if (!goodStanding && suspended.some((ent) => ent.dunningLevel === 'restrict')) return 'suspended_restricted';
    return 'suspended';
  }
  // Every billed entitlement paused, each blocking its access: closed until a pause ends.
  if (billed.length > 0 && !goodStanding) return 'paused';
  return 'active';
};

/** The sentence a refusal answers with: `Organization "Acme" is pending cancellation: no one can be invited`. */
export const refusal = (organizationName: string, stage: AccessStage, capability: AccessCapability, portalAccessUntil: Date | null = null): string => {
  const when = stage === 'cancelled_closed' && portalAccessUntil ? ` (it ended on ${portalAccessUntil.toISOString()})` : '';
  return `Organization ${JSON.stringify(organizationName)} is ${STAGE_PHRASES[stage]}${when}: ${CAPABILITY_PHRASES[capability]}`;
};

/** Every capability of an organization now, with the reason for each one withheld. */
export const accessOf = (facts: AccessFacts & { name: string }, now: Date): Access => {
  const stage = accessStage(facts, now);
  const capabilities = { ...STAGE_CAPABILITIES[stage] };
  const allCancelled = facts.entitlements.length > 0 && facts.entitlements.every((ent) => ent.status === 'cancelled');
  const portalAccessUntil = allCancelled ? organizationVisibleUntil(facts.lastCancelledAt, facts.portalVisibilityDays) : null;
  const reasons: Partial<Record<AccessCapability, string>> = {};
  for (const capability of ACCESS_CAPABILITIES) {
    if (!capabilities[capability]) reasons[capability] = refusal(facts.name, stage, capability, portalAccessUntil);
  }
  return { stage, capabilities, reasons, portalAccessUntil };
};
