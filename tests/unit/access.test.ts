import {
  ACCESS_CAPABILITIES,
  accessOf,
  accessStage,
  type AccessCapability,
  type AccessFacts,
  type AccessStage,
} from '../../src/plugins/offboarding/server/src/domain';

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

const DAY = 86_400_000;
const T0 = new Date('2027-03-01T00:00:00.000Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);
const base: AccessFacts & { name: string } = {
  name: 'Acme',
  purgeState: 'none',
  accessStatus: 'enabled',
  archivedAt: null,
  statuses: ['active'],
  lastCancelledAt: null,
  portalVisibilityDays: 90,
};
const cancelledOrg = { ...base, statuses: ['cancelled', 'cancelled'] as const, lastCancelledAt: T0 };

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
    expectRow({ ...base, statuses: ['active', 'active'] }, T0, 'active');
    expectRow({ ...base, statuses: [] }, T0, 'active');
    // Cancelled entitlements beside active ones do not change the stage.
    expectRow({ ...base, statuses: ['active', 'cancelled'], lastCancelledAt: null }, T0, 'active');
  });

  it('pending cancellation: any entitlement pending, the others active, suspended or cancelled', () => {
    expectRow({ ...base, statuses: ['pending_cancellation'] }, T0, 'pending_cancellation');
    expectRow({ ...base, statuses: ['active', 'pending_cancellation'] }, T0, 'pending_cancellation');
    expectRow({ ...base, statuses: ['cancelled', 'pending_cancellation'] }, T0, 'pending_cancellation');
    expect(accessOf({ ...base, statuses: ['pending_cancellation'] }, T0).reasons.invite).toBe('Organization "Acme" is pending cancellation: no one can be invited');
  });

  it('a mix of pending and suspended entitlements is the pending-cancellation row ("suspended: any, none pending")', () => {
    expectRow({ ...base, statuses: ['suspended', 'pending_cancellation'] }, T0, 'pending_cancellation');
    expectRow({ ...base, statuses: ['active', 'suspended', 'pending_cancellation', 'cancelled'] }, T0, 'pending_cancellation');
  });

  it('suspended: any entitlement suspended and none pending', () => {
    expectRow({ ...base, statuses: ['suspended'] }, T0, 'suspended');
    expectRow({ ...base, statuses: ['active', 'suspended', 'cancelled'] }, T0, 'suspended');
    expect(accessOf({ ...base, statuses: ['suspended'] }, T0).reasons.newOrders).toBe(
      'Organization "Acme" is suspended: no new orders or quotes can be created for it'
    );
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
    expectRow({ ...base, statuses: ['active', 'cancelled'], lastCancelledAt: T0 }, plus(1000 * DAY), 'active');
  });

  it('access disabled, archived and purged close everything, whatever the entitlements, purged first', () => {
    for (const statuses of [['active'], ['pending_cancellation'], ['suspended'], ['cancelled']] as const) {
      const facts = { ...base, statuses, lastCancelledAt: T0 };
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
