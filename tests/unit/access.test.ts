import {
  ACCESS_CAPABILITIES,
  accessOf,
  accessStage,
  type AccessCapability,
  type AccessEntitlement,
  type AccessFacts,
  type AccessStage,
} from '../../src/plugins/offboarding/server/src/domain';
import type { DunningLevel, EntitlementStatus, PauseAccess } from '../../src/plugins/offboarding/shared/contracts/constants';

/** docs/spec.md §12's stage table, written out here as the spec states it (not read from the code). */
const Y = true;
const N = false;
const TABLE: Record<AccessStage, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  //                      login write invite accept orders assign export
  active: /*            */ [Y, Y, Y, Y, Y, Y, Y],
  pending_cancellation: /**/ [Y, Y, N, N, Y, N, Y],
  suspended: /*         */ [Y, Y, N, N, N, N, Y],
  suspended_restricted: [Y, N, N, N, N, N, Y],
  suspended_blocked: /* */ [N, N, N, N, N, N, N],
  paused: /*            */ [N, N, N, N, N, N, N],
  cancelled: /*         */ [Y, N, N, N, N, N, Y],
  cancelled_closed: /*  */ [N, N, N, N, N, N, N],
  access_disabled: /*   */ [N, N, N, N, N, N, N],
  archived: /*          */ [N, N, N, N, N, N, N],
  purged: /*            */ [N, N, N, N, N, N, N],
};
const COLUMNS: AccessCapability[] = ['portalLogin', 'portalWrite', 'invite', 'acceptInvite', 'newOrders', 'assignResources', 'customerExport'];

/** Entitlements of these statuses, no pause and no dunning. */
const ents = (...statuses: EntitlementStatus[]): AccessEntitlement[] => statuses.map((status) => ({ status, pauseAccess: null, dunningLevel: null }));
const paused = (pauseAccess: PauseAccess): AccessEntitlement => ({ status: 'paused', pauseAccess, dunningLevel: null });
const overdue = (dunningLevel: DunningLevel): AccessEntitlement => ({ status: 'suspended', pauseAccess: null, dunningLevel });

const DAY = 86_400_000;
const T0 = new Date('2027-03-01T00:00:00.000Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);
const base: AccessFacts & { name: string } = {
  name: 'Acme',
  purgeState: 'none',
  accessStatus: 'enabled',
  archivedAt: null,
  entitlements: ents('active'),
  lastCancelledAt: null,
  portalVisibilityDays: 90,
};
const cancelledOrg = { ...base, entitlements: ents('cancelled', 'cancelled'), lastCancelledAt: T0 };

const expectRow = (facts: AccessFacts & { name: string }, now: Date, stage: AccessStage) => {
  const access = accessOf(facts, now);
  expect(access.stage).toBe(stage);
  const expected = Object.fromEntries(COLUMNS.map((capability, i) => [capability, TABLE[stage][i]]));
  expect(access.capabilities).toEqual(expected);
  // Every withheld capability says why, naming the organization and its stage; a granted one says nothing.
  for (const capability of ACCESS_CAPABILITIES) {
    if (access.capabilities[capability]) expect(access.reasons[capability]).toBeUndefined();
    else expect(access.reasons[capability]).toMatch(/^Organization "Acme" is /);
  }
};

describe('access stages (docs/spec.md §12)', () => {
  it('covers the seven capabilities of the contract', () => {
    expect([...ACCESS_CAPABILITIES].sort()).toEqual([...COLUMNS].sort());
  });

  it('active: every entitlement active, or none yet', () => {
    expectRow(base, T0, 'active');
    expectRow({ ...base, entitlements: ents('active', 'active') }, T0, 'active');
    expectRow({ ...base, entitlements: ents() }, T0, 'active');
    // Cancelled entitlements beside active ones do not change the stage.
    expectRow({ ...base, entitlements: ents('active', 'cancelled'), lastCancelledAt: null }, T0, 'active');
  });

  it('pending cancellation: any entitlement pending, the others active, suspended or cancelled', () => {
    expectRow({ ...base, entitlements: ents('pending_cancellation') }, T0, 'pending_cancellation');
    expectRow({ ...base, entitlements: ents('active', 'pending_cancellation') }, T0, 'pending_cancellation');
    expectRow({ ...base, entitlements: ents('cancelled', 'pending_cancellation') }, T0, 'pending_cancellation');
    expect(accessOf({ ...base, entitlements: ents('pending_cancellation') }, T0).reasons.invite).toBe('Organization "Acme" is pending cancellation: no one can be invited');
  });

  it('a mix of pending and suspended entitlements is the pending-cancellation row ("suspended: any, none pending")', () => {
    expectRow({ ...base, entitlements: ents('suspended', 'pending_cancellation') }, T0, 'pending_cancellation');
    expectRow({ ...base, entitlements: ents('active', 'suspended', 'pending_cancellation', 'cancelled') }, T0, 'pending_cancellation');
  });

  it('suspended: any entitlement suspended and none pending', () => {
    expectRow({ ...base, entitlements: ents('suspended') }, T0, 'suspended');
    expectRow({ ...base, entitlements: ents('active', 'suspended', 'cancelled') }, T0, 'suspended');
    expect(accessOf({ ...base, entitlements: ents('suspended') }, T0).reasons.newOrders).toBe(
      'Organization "Acme" is suspended: no new orders or quotes can be created for it'
    );
  });

  it('suspended_restricted / suspended_blocked: dunning restricted or blocked an overdue entitlement and nothing is in good standing', () => {
    expectRow({ ...base, entitlements: [overdue('restrict')] }, T0, 'suspended_restricted');
    expectRow({ ...base, entitlements: [overdue('block')] }, T0, 'suspended_blocked');
    // The strongest level among the overdue ones decides.
    expectRow({ ...base, entitlements: [overdue('restrict'), overdue('block'), overdue('none')] }, T0, 'suspended_blocked');
    expectRow({ ...base, entitlements: [overdue('none'), overdue('restrict')] }, T0, 'suspended_restricted');
    // Cancelled ones, prospects and blocking pauses are not in good standing.
    expectRow({ ...base, entitlements: [overdue('block'), ...ents('cancelled', 'prospect'), paused('block')] }, T0, 'suspended_blocked');
    expect(accessOf({ ...base, entitlements: [overdue('restrict')] }, T0).reasons.portalWrite).toBe(
      'Organization "Acme" is suspended for non-payment (read-only portal): its portal is read-only'
    );
  });

  it('dunning never closes the portal of an organization with an entitlement in good standing (killbill#1997): the suspended row', () => {
    expectRow({ ...base, entitlements: [overdue('block'), ...ents('active')] }, T0, 'suspended');
    expectRow({ ...base, entitlements: [overdue('restrict'), ...ents('active')] }, T0, 'suspended');
    expectRow({ ...base, entitlements: [overdue('block'), paused('keep')] }, T0, 'suspended');
    // No level reached yet (or no dunning at all): the plain suspended row.
    expectRow({ ...base, entitlements: [overdue('none')] }, T0, 'suspended');
    // Pending cancellation still comes first.
    expectRow({ ...base, entitlements: [overdue('block'), ...ents('pending_cancellation')] }, T0, 'pending_cancellation');
  });

  it('paused: every billed entitlement paused and none keeping access', () => {
    expectRow({ ...base, entitlements: [paused('block')] }, T0, 'paused');
    expectRow({ ...base, entitlements: [paused('block'), paused('block'), ...ents('prospect', 'cancelled')] }, T0, 'paused');
    expect(accessOf({ ...base, entitlements: [paused('block')] }, T0).reasons.portalLogin).toBe('Organization "Acme" is paused: its portal is closed');
  });

  it('a pause keeping access is in good standing: active', () => {
    expectRow({ ...base, entitlements: [paused('keep')] }, T0, 'active');
    expectRow({ ...base, entitlements: [paused('keep'), paused('block')] }, T0, 'active');
    expectRow({ ...base, entitlements: [paused('block'), ...ents('active')] }, T0, 'active');
  });

  it('prospects neither grant nor withhold: prospects only is active, with a suspended one suspended', () => {
    expectRow({ ...base, entitlements: ents('prospect', 'prospect') }, T0, 'active');
    expectRow({ ...base, entitlements: ents('prospect', 'suspended') }, T0, 'suspended');
    // A prospect is open: an organization with a prospect and cancelled ones is not "cancelled".
    expectRow({ ...cancelledOrg, entitlements: ents('cancelled', 'prospect') }, T0, 'active');
  });

  it('cancelled: read-only portal and customer exports through the last instant of portalVisibilityDays, nothing after', () => {
    expectRow(cancelledOrg, T0, 'cancelled');
    expectRow(cancelledOrg, plus(90 * DAY), 'cancelled');
    expectRow(cancelledOrg, plus(90 * DAY + 1), 'cancelled_closed');
    expect(accessOf(cancelledOrg, T0).portalAccessUntil).toEqual(plus(90 * DAY));
    expect(accessOf(cancelledOrg, plus(91 * DAY)).reasons.customerExport).toBe(
      `Organization "Acme" is cancelled and past its portal access period (it ended on ${plus(90 * DAY).toISOString()}): customers cannot export its data`
    );
    // A window of 0 days: open at the instant of the cancellation only.
    expectRow({ ...cancelledOrg, portalVisibilityDays: 0 }, T0, 'cancelled');
    expectRow({ ...cancelledOrg, portalVisibilityDays: 0 }, plus(1), 'cancelled_closed');
    // Every entitlement cancelled but no cancellation time recorded: no window at all.
    expectRow({ ...cancelledOrg, lastCancelledAt: null }, T0, 'cancelled_closed');
  });

  it('the window is only read once every entitlement is cancelled', () => {
    expect(accessOf(base, T0).portalAccessUntil).toBeNull();
    // A stale lastCancelledAt (reactivated since) closes nothing.
    expectRow({ ...base, entitlements: ents('active', 'cancelled'), lastCancelledAt: T0 }, plus(1000 * DAY), 'active');
  });

  it('access disabled, archived and purged close everything, whatever the entitlements, purged first', () => {
    for (const statuses of [['active'], ['pending_cancellation'], ['suspended'], ['cancelled']] as const) {
      const facts = { ...base, entitlements: ents(...statuses), lastCancelledAt: T0 };
      expectRow({ ...facts, accessStatus: 'disabled' }, T0, 'access_disabled');
      expectRow({ ...facts, archivedAt: T0 }, T0, 'archived');
      expectRow({ ...facts, purgeState: 'purged', archivedAt: T0, accessStatus: 'disabled' }, T0, 'purged');
    }
    // Both disabled and archived: the portal's own wording (disabled) is kept.
    expect(accessStage({ ...base, accessStatus: 'disabled', archivedAt: T0 }, T0)).toBe('access_disabled');
    // A purge that is only scheduled closes nothing by itself.
    expectRow({ ...cancelledOrg, purgeState: 'scheduled' }, T0, 'cancelled');
  });
});
