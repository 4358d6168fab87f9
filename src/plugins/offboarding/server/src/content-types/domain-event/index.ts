import { ACTOR_TYPES } from '../../../../shared/contracts/constants';

/**
 * The outbox (docs/spec.md §10, docs/architecture.md "What happens after a change"): one row
 * per domain event, written in the transaction of the change it reports, so no change is
 * without its event and no event without its change. `sequence` increases per organization
 * (allocated under the organization's lock; the unique index makes a slip a loud error, never
 * a silent duplicate). `organization` and `targetId` are documentIds kept as plain strings, so
 * an event outlives the rows it speaks of; `data` is redacted when its organization is purged.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_events',
    info: {
      singularName: 'domain-event',
      pluralName: 'domain-events',
      displayName: 'Domain event',
      description: 'What changed, in order, per organization: the base of webhooks and notices',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      type: { type: 'string', required: true },
      organization: { type: 'string' },
      organizationName: { type: 'string' },
      sequence: { type: 'integer' },
      targetType: { type: 'string', required: true },
      targetId: { type: 'string' },
      actorType: { type: 'enumeration', enum: [...ACTOR_TYPES], required: true },
      data: { type: 'json' },
      occurredAt: { type: 'datetime', required: true },
      redactedAt: { type: 'datetime' },
    },
    indexes: [
      { name: 'offboarding_events_org_sequence', columns: ['organization', 'sequence'], type: 'unique' },
      { name: 'offboarding_events_type', columns: ['type', 'occurred_at'] },
    ],
  },
};
