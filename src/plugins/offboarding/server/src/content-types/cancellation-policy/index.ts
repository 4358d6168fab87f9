import { DEFAULT_POLICY_SETTINGS, ENTITLEMENT_CLASSES } from '../../../../shared/contracts/constants';

const days = (value: number) => ({ type: 'integer', required: true, min: 0, default: value });

export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_cancellation_policies',
    info: {
      singularName: 'cancellation-policy',
      pluralName: 'cancellation-policies',
      displayName: 'Cancellation policy',
      description: 'Visibility, retention, reactivation, refund and grace rules',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      name: { type: 'string', required: true, unique: true, maxLength: 120 },
      isDefault: { type: 'boolean', default: false, required: true },
      entitlementClass: { type: 'enumeration', enum: [...ENTITLEMENT_CLASSES] },
      portalVisibilityDays: days(DEFAULT_POLICY_SETTINGS.portalVisibilityDays),
      dataRetentionDays: days(DEFAULT_POLICY_SETTINGS.dataRetentionDays),
      allowReactivation: { type: 'boolean', required: true, default: DEFAULT_POLICY_SETTINGS.allowReactivation },
      reactivationWindowDays: days(DEFAULT_POLICY_SETTINGS.reactivationWindowDays),
      refundEligible: { type: 'boolean', required: true, default: DEFAULT_POLICY_SETTINGS.refundEligible },
      gracePeriodDays: days(DEFAULT_POLICY_SETTINGS.gracePeriodDays),
      purgeReviewDays: days(DEFAULT_POLICY_SETTINGS.purgeReviewDays),
      // null: the single grace period (docs/spec.md §13); a list of {afterDays, action} replaces it.
      dunningStages: { type: 'json' },
    },
  },
};
