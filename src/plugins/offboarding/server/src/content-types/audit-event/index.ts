import { ACTOR_TYPES } from '../../../../shared/contracts/constants';

/**
 * Append-only. `organization` and `targetId` are documentIds kept as plain strings, not
 * relations, so an event outlives the rows it speaks of.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_audit_events',
    info: {
      singularName: 'audit-event',
      pluralName: 'audit-events',
      displayName: 'Audit event',
      description: 'What happened to an organization, by whom, and what it changed',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      action: { type: 'string', required: true },
      actorType: { type: 'enumeration', enum: [...ACTOR_TYPES], required: true },
      actorId: { type: 'string' },
      actorName: { type: 'string' },
      targetType: { type: 'string', required: true },
      targetId: { type: 'string' },
      organization: { type: 'string' },
      reason: { type: 'string' },
      notes: { type: 'text' },
      before: { type: 'json' },
      after: { type: 'json' },
      // Personal values of before/after, apart so that redaction wipes one column.
      personal: { type: 'json', private: true },
      redactedAt: { type: 'datetime' },
    },
    indexes: [{ name: 'offboarding_audit_org', columns: ['organization', 'created_at'] }],
  },
};
