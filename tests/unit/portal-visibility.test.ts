import {
  entitlementVisibleUntil,
  isEntitlementVisible,
  organizationVisibleUntil,
  portalClosure,
} from '../../src/plugins/offboarding/server/src/domain';

const DAY = 86_400_000;
const T0 = new Date('2027-03-01T00:00:00.000Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);

describe('entitlement visibility in the portal', () => {
  it('always shows an entitlement that is not cancelled', () => {
    for (const status of ['active', 'suspended', 'pending_cancellation'] as const) {
      expect(entitlementVisibleUntil({ status, cancelledAt: null }, 90)).toBeNull();
      expect(isEntitlementVisible({ status, cancelledAt: null }, 0, plus(1000 * DAY))).toBe(true);
    }
  });

  it('shows a cancelled one until cancelledAt + portalVisibilityDays, inclusive', () => {
    const cancelled = { status: 'cancelled' as const, cancelledAt: T0 };
    expect(entitlementVisibleUntil(cancelled, 90)).toEqual(plus(90 * DAY));
    expect(isEntitlementVisible(cancelled, 90, plus(90 * DAY))).toBe(true);
    expect(isEntitlementVisible(cancelled, 90, plus(90 * DAY + 1))).toBe(false);
    expect(isEntitlementVisible(cancelled, 0, T0)).toBe(true);
    expect(isEntitlementVisible(cancelled, 0, plus(1))).toBe(false);
  });

  it('hides a cancelled entitlement that has no cancellation time', () => {
    expect(isEntitlementVisible({ status: 'cancelled', cancelledAt: null }, 90, T0)).toBe(false);
  });
});

describe('organization closure in the portal', () => {
  const open = { purgeState: 'none', accessStatus: 'enabled', archivedAt: null };

  it('has no end while anything is not cancelled', () => {
    expect(organizationVisibleUntil(null, 90)).toBeNull();
    expect(portalClosure(open, null, plus(1000 * DAY))).toBeNull();
  });

  it('ends portalVisibilityDays after the last cancellation', () => {
    const until = organizationVisibleUntil(T0, 30);
    expect(until).toEqual(plus(30 * DAY));
    expect(portalClosure(open, until, plus(30 * DAY))).toBeNull();
    expect(portalClosure(open, until, plus(30 * DAY + 1))).toBe('period_ended');
  });

  it('is closed when purged, disabled or archived, in that order of precedence', () => {
    expect(portalClosure({ ...open, accessStatus: 'disabled' }, null, T0)).toBe('disabled');
    expect(portalClosure({ ...open, archivedAt: T0 }, null, T0)).toBe('archived');
    expect(portalClosure({ ...open, accessStatus: 'disabled', archivedAt: T0 }, null, T0)).toBe('disabled');
    expect(portalClosure({ purgeState: 'purged', accessStatus: 'disabled', archivedAt: T0 }, null, T0)).toBe('purged');
  });
});
