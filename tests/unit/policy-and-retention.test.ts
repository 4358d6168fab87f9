import {
  computeRetentionUntil,
  deriveOrganizationStatus,
  lastCancellationOf,
  resolvePolicy,
  settingsOf,
  type PolicyCandidate,
} from '../../src/plugins/offboarding/server/src/domain';
import {
  DEFAULT_POLICY_SETTINGS,
  type EntitlementStatus,
  type OrganizationStatus,
} from '../../src/plugins/offboarding/shared/contracts/constants';
import { at } from './fixtures';

describe('DEFAULT_POLICY_SETTINGS', () => {
  it('matches the docs/spec.md §1 defaults table', () => {
    expect(DEFAULT_POLICY_SETTINGS).toEqual({
      portalVisibilityDays: 90,
      dataRetentionDays: 365,
      allowReactivation: true,
      reactivationWindowDays: 90,
      refundEligible: false,
      gracePeriodDays: 30,
      purgeReviewDays: 7,
      dunningStages: null,
    });
  });
});

describe('resolvePolicy', () => {
  const override: PolicyCandidate = { documentId: 'org-policy', name: 'Acme special', refundEligible: true, gracePeriodDays: 45 };
  const plgPolicy: PolicyCandidate = { documentId: 'plg', entitlementClass: 'PLG', isDefault: false, reactivationWindowDays: 30 };
  const envPolicy: PolicyCandidate = { documentId: 'env', entitlementClass: 'ENV', isDefault: false, dataRetentionDays: 730 };
  const defaultPolicy: PolicyCandidate = { documentId: 'default', isDefault: true, gracePeriodDays: 14 };
  const policies = [plgPolicy, envPolicy, defaultPolicy];

  it('the organization override wins over the class policy and the default', () => {
    const resolved = resolvePolicy({ organizationOverride: override, policies, entitlementClass: 'PLG' });
    expect(resolved.source).toBe('organization');
    expect(resolved.policy?.documentId).toBe('org-policy');
    expect(resolved.settings.refundEligible).toBe(true);
    expect(resolved.settings.gracePeriodDays).toBe(45);
    // not taken from the PLG policy
    expect(resolved.settings.reactivationWindowDays).toBe(90);
  });

  it.each([
    ['PLG', 'plg', 'reactivationWindowDays', 30],
    ['ENV', 'env', 'dataRetentionDays', 730],
  ] as const)('without an override, the %s class policy applies', (cls, id, key, value) => {
    const resolved = resolvePolicy({ organizationOverride: null, policies, entitlementClass: cls });
    expect(resolved.source).toBe('class');
    expect(resolved.policy?.documentId).toBe(id);
    expect(resolved.settings[key]).toBe(value);
  });

  it('a class without its own policy falls back to the default policy', () => {
    const resolved = resolvePolicy({ policies, entitlementClass: 'SVC' });
    expect(resolved.source).toBe('default');
    expect(resolved.policy?.documentId).toBe('default');
    expect(resolved.settings.gracePeriodDays).toBe(14);
  });

  it('an organization-wide question (no class) skips the class step', () => {
    const resolved = resolvePolicy({ policies, entitlementClass: null });
    expect(resolved.source).toBe('default');
    expect(resolved.policy?.documentId).toBe('default');
  });

  it('with no stored policy at all, the built-in defaults apply', () => {
    const resolved = resolvePolicy({ policies: [], entitlementClass: 'PLG' });
    expect(resolved.source).toBe('built-in');
    expect(resolved.policy).toBeNull();
    expect(resolved.settings).toEqual(DEFAULT_POLICY_SETTINGS);
  });

  it('a class policy but no default: another class falls back to built-in', () => {
    const resolved = resolvePolicy({ policies: [plgPolicy], entitlementClass: 'EDU' });
    expect(resolved.source).toBe('built-in');
    expect(resolved.settings).toEqual(DEFAULT_POLICY_SETTINGS);
  });

  it('a partial stored policy is filled from the defaults', () => {
    const resolved = resolvePolicy({ policies: [defaultPolicy] });
    expect(resolved.settings).toEqual({ ...DEFAULT_POLICY_SETTINGS, gracePeriodDays: 14 });
  });
});

describe('settingsOf', () => {
  it('fills null and missing settings from the defaults', () => {
    expect(settingsOf({ dataRetentionDays: 30, gracePeriodDays: undefined, purgeReviewDays: undefined })).toEqual({
      ...DEFAULT_POLICY_SETTINGS,
      dataRetentionDays: 30,
    });
    const withNulls = JSON.parse('{"portalVisibilityDays":null,"refundEligible":true}') as PolicyCandidate;
    expect(settingsOf(withNulls)).toEqual({ ...DEFAULT_POLICY_SETTINGS, refundEligible: true });
  });

  it('keeps falsy stored values (false, 0) instead of replacing them with defaults', () => {
    const settings = settingsOf({ allowReactivation: false, reactivationWindowDays: 0, gracePeriodDays: 0 });
    expect(settings.allowReactivation).toBe(false);
    expect(settings.reactivationWindowDays).toBe(0);
    expect(settings.gracePeriodDays).toBe(0);
  });

  it('ignores fields that are not settings', () => {
    const settings = settingsOf({ documentId: 'x', name: 'Named', refundEligible: true } as PolicyCandidate);
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_POLICY_SETTINGS).sort());
  });

  it('returns a fresh object: changing it leaves the defaults intact', () => {
    const settings = settingsOf(null);
    settings.dataRetentionDays = 1;
    expect(DEFAULT_POLICY_SETTINGS.dataRetentionDays).toBe(365);
  });
});

describe('computeRetentionUntil', () => {
  const lastCancelledAt = at('2027-01-10T08:00:00Z');

  it('is the last cancellation + dataRetentionDays', () => {
    expect(computeRetentionUntil(lastCancelledAt, 365)).toEqual(at('2028-01-10T08:00:00Z'));
    expect(computeRetentionUntil(lastCancelledAt, 30)).toEqual(at('2027-02-09T08:00:00Z'));
  });

  it('counts days, so 365 days across Feb 29 2028 lands one calendar day earlier', () => {
    expect(computeRetentionUntil(at('2028-01-10T08:00:00Z'), 365)).toEqual(at('2029-01-09T08:00:00Z'));
  });

  it('an extension later than the computed date wins', () => {
    const extended = at('2028-06-30T00:00:00Z');
    expect(computeRetentionUntil(lastCancelledAt, 365, extended)).toEqual(extended);
  });

  it('an extension earlier than the computed date does not shorten retention', () => {
    expect(computeRetentionUntil(lastCancelledAt, 365, at('2027-06-30T00:00:00Z'))).toEqual(at('2028-01-10T08:00:00Z'));
  });

  it('a null extension is ignored', () => {
    expect(computeRetentionUntil(lastCancelledAt, 90, null)).toEqual(at('2027-04-10T08:00:00Z'));
  });

  it('without a cancellation there is no computed retention date', () => {
    expect(computeRetentionUntil(null, 365)).toBeNull();
  });
});

describe('lastCancellationOf', () => {
  const cancelled = (iso: string) => ({ status: 'cancelled', cancelledAt: at(iso) });

  it('is null with no entitlements', () => {
    expect(lastCancellationOf([])).toBeNull();
  });

  it.each(['active', 'suspended', 'pending_cancellation'])('is null while any entitlement is %s', (status) => {
    expect(lastCancellationOf([cancelled('2027-01-10T00:00:00Z'), { status, cancelledAt: null }])).toBeNull();
  });

  it('is the latest cancelledAt when every entitlement is cancelled', () => {
    expect(
      lastCancellationOf([
        cancelled('2027-01-10T00:00:00Z'),
        cancelled('2027-03-05T17:45:00Z'),
        cancelled('2027-02-01T00:00:00Z'),
      ])
    ).toEqual(at('2027-03-05T17:45:00Z'));
  });

  it('feeds computeRetentionUntil: last of two cancellations + 90 days', () => {
    const last = lastCancellationOf([cancelled('2027-01-10T00:00:00Z'), cancelled('2027-02-01T00:00:00Z')]);
    expect(computeRetentionUntil(last, 90)).toEqual(at('2027-05-02T00:00:00Z'));
  });
});

describe('deriveOrganizationStatus', () => {
  it.each<[EntitlementStatus[], OrganizationStatus]>([
    [[], 'active'],
    [['active'], 'active'],
    [['active', 'cancelled'], 'active'],
    [['cancelled'], 'cancelled'],
    [['cancelled', 'cancelled', 'cancelled'], 'cancelled'],
    [['active', 'pending_cancellation'], 'pending_cancellation'],
    [['cancelled', 'pending_cancellation'], 'pending_cancellation'],
    [['active', 'suspended'], 'suspended'],
    [['pending_cancellation', 'suspended', 'active'], 'suspended'],
    [['cancelled', 'suspended'], 'suspended'],
    // Issue 15 (docs/spec.md §13): prospects count only when nothing else is open.
    [['prospect'], 'prospect'],
    [['prospect', 'prospect', 'cancelled'], 'prospect'],
    [['prospect', 'active'], 'active'],
    [['prospect', 'paused'], 'paused'],
    [['paused', 'active'], 'active'],
    [['paused', 'cancelled'], 'paused'],
    [['paused', 'suspended'], 'suspended'],
    [['paused', 'pending_cancellation'], 'pending_cancellation'],
  ])('%j → %s', (statuses, expected) => {
    expect(deriveOrganizationStatus(statuses)).toBe(expected);
  });
});
