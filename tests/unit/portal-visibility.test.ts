import {
  entitlementVisibleUntil,
  isEntitlementVisible,
  organizationVisibleUntil,
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
  // Which stage closes the portal, and in what order, is the access rule's (tests/unit/access.test.ts).
  it('has no end while anything is not cancelled, and ends portalVisibilityDays after the last cancellation', () => {
    expect(organizationVisibleUntil(null, 90)).toBeNull();
    expect(organizationVisibleUntil(T0, 30)).toEqual(plus(30 * DAY));
  });
});
