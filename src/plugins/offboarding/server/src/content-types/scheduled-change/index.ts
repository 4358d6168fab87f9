import { DATED_CHANGE_KINDS } from '../../../../shared/contracts/lifecycle';

export const SCHEDULED_CHANGE_STATES = ['pending', 'done', 'cancelled', 'failed'] as const;

/**
 * A status change an admin asked for on a date (docs/spec.md §13): a suspension, resumption,
 * pause or portal access change that the transitions sweep makes at `effectiveAt` through the
 * `apply_change` task derived from the row (pending → one task at `effectiveAt`). The row stays
 * as the record of what was asked and what became of it.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_scheduled_changes',
    info: {
      singularName: 'scheduled-change',
      pluralName: 'scheduled-changes',
      displayName: 'Scheduled change',
      description: 'A status change that takes effect on a date',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      kind: { type: 'enumeration', enum: [...DATED_CHANGE_KINDS], required: true },
      state: { type: 'enumeration', enum: [...SCHEDULED_CHANGE_STATES], default: 'pending', required: true },
      effectiveAt: { type: 'datetime', required: true },
      // documentIds, as the exports keep theirs: the organization always, the entitlement for
      // the entitlement kinds (null for the access changes).
      organization: { type: 'string', required: true },
      entitlement: { type: 'string' },
      // What the change will be made with: reason, reasonCode, notes, resumeAt, access.
      payload: { type: 'json' },
      // Who asked for it (Strapi reserves createdBy for its own admin-user relation).
      requestedBy: { type: 'string' },
      // Why it could not be made when due (the refusal's message), when `failed`.
      failure: { type: 'text' },
      performedAt: { type: 'datetime' },
    },
    indexes: [
      { name: 'offboarding_changes_org', columns: ['organization', 'state', 'effective_at'] },
      { name: 'offboarding_changes_kind', columns: ['state', 'kind'] },
    ],
  },
};
