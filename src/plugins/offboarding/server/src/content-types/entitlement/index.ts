import {
  BILLING_PERIODS,
  CANCEL_TIMINGS,
  PROVISIONING_STATES,
  ENTITLEMENT_CLASSES,
  ENTITLEMENT_STATUSES,
  DUNNING_LEVELS,
  PAUSE_ACCESS,
  REFUND_MODES,
  SUSPENSION_REASONS,
} from '../../../../shared/contracts/constants';

export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_entitlements',
    info: {
      singularName: 'entitlement',
      pluralName: 'entitlements',
      displayName: 'Entitlement',
      description: 'What an organization bought: a license, an environment, a service contract…',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      // Edited through the plugin's actions only, so every change passes the state machine and the audit trail.
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      organization: {
        type: 'relation',
        relation: 'manyToOne',
        target: 'plugin::offboarding.organization',
        inversedBy: 'entitlements',
      },
      name: { type: 'string', maxLength: 255 },
      class: { type: 'enumeration', enum: [...ENTITLEMENT_CLASSES], required: true },
      // The API's `status`. Not named `status`: Strapi reads an attribute of that name as the
      // draft & publish state, so the Content Manager showed "Published" for every entitlement
      // (utils/stored-status.ts maps it; migrations/status-to-lifecycle-status.ts moved the data).
      lifecycleStatus: { type: 'enumeration', enum: [...ENTITLEMENT_STATUSES], default: 'active', required: true },
      // Status before a pending cancellation, so undo restores it.
      previousStatus: { type: 'enumeration', enum: [...ENTITLEMENT_STATUSES] },
      price: { type: 'integer', default: 0, required: true, min: 0 },
      currency: { type: 'string', required: true, minLength: 3, maxLength: 3 },
      billingPeriod: { type: 'enumeration', enum: [...BILLING_PERIODS], default: 'month', required: true },
      currentPeriodStart: { type: 'datetime' },
      currentPeriodEnd: { type: 'datetime' },
      creditBalance: { type: 'integer', default: 0 },
      cancellationReason: { type: 'string' },
      cancellationNotes: { type: 'text' },
      cancelRequestedAt: { type: 'datetime' },
      cancelRequestedBy: { type: 'string' },
      cancelTiming: { type: 'enumeration', enum: [...CANCEL_TIMINGS] },
      cancelEffectiveAt: { type: 'datetime' },
      cancelledAt: { type: 'datetime' },
      refundMode: { type: 'enumeration', enum: [...REFUND_MODES] },
      refundAmount: { type: 'integer' },
      prorateAsOf: { type: 'datetime' },
      suspendedAt: { type: 'datetime' },
      suspensionReason: { type: 'enumeration', enum: [...SUSPENSION_REASONS] },
      suspensionReasonCode: { type: 'string' },
      suspensionNotes: { type: 'text' },
      graceEndsAt: { type: 'datetime' },
      reactivatedAt: { type: 'datetime' },
      // Issue 15 (docs/spec.md §13): a customer-requested pause, a prospect's activation, dunning.
      pausedAt: { type: 'datetime' },
      pauseReason: { type: 'string' },
      pauseNotes: { type: 'text' },
      pauseAccess: { type: 'enumeration', enum: [...PAUSE_ACCESS] },
      resumeAt: { type: 'datetime' },
      activatedAt: { type: 'datetime' },
      dunningStagesDone: { type: 'integer' },
      dunningLevel: { type: 'enumeration', enum: [...DUNNING_LEVELS] },
      // Downstream work after a cancellation or reactivation (the outbox's state, visible here).
      provisioningState: { type: 'enumeration', enum: [...PROVISIONING_STATES], default: 'none' },
      provisioningOperation: { type: 'enumeration', enum: ['deprovision', 'reprovision'] },
      provisioningError: { type: 'text' },
      provisionedAt: { type: 'datetime' },
    },
    indexes: [{ name: 'offboarding_entitlements_lifecycle_status', columns: ['lifecycle_status'] }],
  },
};
