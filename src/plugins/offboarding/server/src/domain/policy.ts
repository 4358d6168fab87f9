import {
  DEFAULT_POLICY_SETTINGS,
  POLICY_SETTING_KEYS,
  type EntitlementClass,
  type PolicySettings,
} from '../../../shared/contracts/constants';

export interface PolicyCandidate extends Partial<PolicySettings> {
  documentId?: string;
  name?: string;
  isDefault?: boolean | null;
  entitlementClass?: EntitlementClass | null;
}

export type PolicySource = 'organization' | 'class' | 'default' | 'built-in';

export interface ResolvedPolicy {
  source: PolicySource;
  policy: PolicyCandidate | null;
  settings: PolicySettings;
}

/** A stored policy may leave a setting empty: the built-in default fills it. */
export const settingsOf = (policy: Partial<PolicySettings> | null | undefined): PolicySettings => {
  const settings = { ...DEFAULT_POLICY_SETTINGS };
  for (const key of POLICY_SETTING_KEYS) {
    const value = policy?.[key];
    if (value !== null && value !== undefined) (settings as Record<string, unknown>)[key] = value;
  }
  return settings;
};

/**
 * docs/spec.md §1: the organization's override, else the policy for the entitlement's class, else the
 * default policy. Without an entitlement class (an organization-wide question) the class step
 * is skipped.
 */
export const resolvePolicy = (input: {
  organizationOverride?: PolicyCandidate | null;
  policies: readonly PolicyCandidate[];
  entitlementClass?: EntitlementClass | null;
}): ResolvedPolicy => {
  const pick = (source: PolicySource, policy: PolicyCandidate): ResolvedPolicy => ({
    source,
    policy,
    settings: settingsOf(policy),
  });
  if (input.organizationOverride) return pick('organization', input.organizationOverride);
  if (input.entitlementClass) {
    const forClass = input.policies.find((p) => p.entitlementClass === input.entitlementClass && !p.isDefault);
    if (forClass) return pick('class', forClass);
  }
  const fallback = input.policies.find((p) => p.isDefault);
  if (fallback) return pick('default', fallback);
  return { source: 'built-in', policy: null, settings: { ...DEFAULT_POLICY_SETTINGS } };
};
