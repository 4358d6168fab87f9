import { ACTOR_TYPES, REFUND_ENTRY_KINDS } from '../../../../shared/contracts/constants';

/**
 * The refund ledger (docs/spec.md §9, "Money is a ledger"): one row per refund granted, never updated,
 * deleted only with its organization (purge or delete). `entitlement` and `organization` are
 * documentIds kept as plain strings, as the audit trail keeps them, so a row needs no join to be
 * summed and the cap's lookup is one index range.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_refunds',
    info: {
      singularName: 'refund',
      pluralName: 'refunds',
      displayName: 'Refund',
      description: 'Append-only ledger of the refunds granted per entitlement and billing period',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      entitlement: { type: 'string', required: true },
      organization: { type: 'string', required: true },
      periodStart: { type: 'datetime' },
      periodEnd: { type: 'datetime' },
      // Integer minor units; a reversal holds the negative of the refund it takes back.
      amount: { type: 'integer', required: true },
      currency: { type: 'string', required: true },
      mode: { type: 'enumeration', enum: ['prorated', 'full'], required: true },
      kind: { type: 'enumeration', enum: [...REFUND_ENTRY_KINDS], default: 'refund', required: true },
      actorType: { type: 'enumeration', enum: [...ACTOR_TYPES], required: true },
      actorId: { type: 'string' },
      actorName: { type: 'string' },
    },
    indexes: [
      { name: 'offboarding_refunds_period', columns: ['entitlement', 'period_start'] },
      { name: 'offboarding_refunds_org', columns: ['organization', 'created_at'] },
    ],
  },
};
