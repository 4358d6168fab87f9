import { ACCESS_STATUSES, ORGANIZATION_STATUSES, PURGE_STATES } from '../../../../shared/contracts/constants';

export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_organizations',
    info: {
      singularName: 'organization',
      pluralName: 'organizations',
      displayName: 'Organization',
      description: 'A customer account whose life after the sale the plugin runs',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      // Edited through the plugin's actions only, so every change passes the state machine and the audit trail.
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      name: { type: 'string', required: true, maxLength: 255 },
      taxId: { type: 'string', maxLength: 64 },
      email: { type: 'email' },
      phone: { type: 'string', maxLength: 64 },
      address: { type: 'text' },
      notes: { type: 'text' },
      // The API's `status`, derived from the entitlements in the same transaction as any change
      // to them. Not named `status`: Strapi reads that name as the draft & publish state
      // (see the entitlement's `lifecycleStatus`).
      lifecycleStatus: { type: 'enumeration', enum: [...ORGANIZATION_STATUSES], default: 'active', required: true },
      accessStatus: { type: 'enumeration', enum: [...ACCESS_STATUSES], default: 'enabled', required: true },
      accessChangedAt: { type: 'datetime' },
      accessReason: { type: 'text' },
      archivedAt: { type: 'datetime' },
      archivedBy: { type: 'string' },
      lastCancelledAt: { type: 'datetime' },
      retentionUntil: { type: 'datetime' },
      retentionExtendedUntil: { type: 'datetime' },
      retentionExtensionReason: { type: 'text' },
      purgeState: { type: 'enumeration', enum: [...PURGE_STATES], default: 'none', required: true },
      purgeAfter: { type: 'datetime' },
      purgedAt: { type: 'datetime' },
      legalHold: { type: 'boolean', default: false, required: true },
      legalHoldReason: { type: 'text' },
      legalHoldBy: { type: 'string' },
      legalHoldAt: { type: 'datetime' },
      cancellationPolicy: {
        type: 'relation',
        relation: 'manyToOne',
        target: 'plugin::offboarding.cancellation-policy',
      },
      entitlements: {
        type: 'relation',
        relation: 'oneToMany',
        target: 'plugin::offboarding.entitlement',
        mappedBy: 'organization',
      },
      collaborators: {
        type: 'relation',
        relation: 'oneToMany',
        target: 'plugin::offboarding.collaborator',
        mappedBy: 'organization',
      },
      invitations: {
        type: 'relation',
        relation: 'oneToMany',
        target: 'plugin::offboarding.invitation',
        mappedBy: 'organization',
      },
    },
    indexes: [
      { name: 'offboarding_orgs_lifecycle_list', columns: ['archived_at', 'lifecycle_status', 'name'] },
      // The admin list's order (name, id) within the archived filter: its pages are read off this index.
      { name: 'offboarding_orgs_name_list', columns: ['archived_at', 'name', 'id'] },
      // The dashboard's counts (store/organization.ts `counts`), read off this index alone.
      { name: 'offboarding_orgs_counts', columns: ['archived_at', 'lifecycle_status', 'access_status', 'purge_state', 'legal_hold'] },
      { name: 'offboarding_orgs_purge', columns: ['purge_state', 'purge_after'] },
      // The list sorted by another column within the archived filter (MySQL: PostgreSQL and SQLite
      // read partial indexes, migrations/indexes.ts).
      { name: 'offboarding_orgs_created_list', columns: ['archived_at', 'created_at', 'id'] },
      { name: 'offboarding_orgs_cancelled_list', columns: ['archived_at', 'last_cancelled_at', 'id'] },
      { name: 'offboarding_orgs_retention_list', columns: ['archived_at', 'retention_until', 'id'] },
    ],
  },
};
