import { DEFAULT_POLICY_SETTINGS, type EntitlementClass } from '../../../../shared/contracts/constants';
import type { CancellationPolicy } from '../../../../shared/contracts/entities';
import type { PolicyInput } from '../../../../shared/contracts/settings';
import { toDrafts, toStages, type DunningStageDraft } from './dunningStages';

export const DAY_SETTINGS = [
  'portalVisibilityDays',
  'dataRetentionDays',
  'reactivationWindowDays',
  'gracePeriodDays',
  'purgeReviewDays',
] as const;
export type DaySetting = (typeof DAY_SETTINGS)[number];

/** The most days a policy's setting may hold, as the server checks it. */
export const MAX_POLICY_DAYS = 36_500;

export const FLAG_SETTINGS = ['allowReactivation', 'refundEligible'] as const;
export type FlagSetting = (typeof FLAG_SETTINGS)[number];

/** The form; a number field the admin emptied is undefined until filled again. */
export type PolicyFormValues = {
  name: string;
  isDefault: boolean;
  entitlementClass: EntitlementClass | null;
  /** null: the single grace period. */
  dunningStages: DunningStageDraft[] | null;
} & { [K in DaySetting]: number | undefined } & { [K in FlagSetting]: boolean };

export const initialPolicyValues = (policy: CancellationPolicy | null): PolicyFormValues => {
  const source = policy ?? { ...DEFAULT_POLICY_SETTINGS, name: '', isDefault: false, entitlementClass: null };
  return {
    name: source.name,
    isDefault: source.isDefault,
    entitlementClass: source.entitlementClass,
    portalVisibilityDays: source.portalVisibilityDays,
    dataRetentionDays: source.dataRetentionDays,
    reactivationWindowDays: source.reactivationWindowDays,
    gracePeriodDays: source.gracePeriodDays,
    purgeReviewDays: source.purgeReviewDays,
    allowReactivation: source.allowReactivation,
    refundEligible: source.refundEligible,
    dunningStages: toDrafts(source.dunningStages ?? null),
  };
};

/**
 * A new policy sends every field; an edit sends only what changed, so that saving the default
 * policy never asks the server to unset its default flag by accident.
 */
export const policyRequestBody = (values: PolicyFormValues, policy: CancellationPolicy | null): PolicyInput => {
  const body: PolicyInput = { name: values.name.trim(), isDefault: values.isDefault };
  // A new policy without a class leaves the field out: the server's validation refuses an explicit null.
  if (values.entitlementClass !== null || policy) body.entitlementClass = values.entitlementClass;
  for (const key of DAY_SETTINGS) {
    const value = values[key];
    if (value !== undefined) body[key] = value;
  }
  for (const key of FLAG_SETTINGS) body[key] = values[key];
  body.dunningStages = toStages(values.dunningStages);
  // null is the built-in value: a new policy leaves it out, like an unchanged one.
  if (!policy) return body.dunningStages ? body : Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'dunningStages'));
  // The stages are a list: compared by their content.
  const same = (key: string, value: unknown) =>
    key === 'dunningStages' ? JSON.stringify(policy.dunningStages ?? null) === JSON.stringify(value) : policy[key as keyof CancellationPolicy] === value;
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => !same(key, value))) as PolicyInput;
};
