import { EXPORT_PROFILES, EXPORT_STATES } from '../../../../shared/contracts/constants';

/** A data export of one organization: a ZIP streamed to a private folder by the exports sweep. */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_exports',
    info: {
      singularName: 'data-export',
      pluralName: 'data-exports',
      displayName: 'Data export',
      description: "A ZIP of an organization's data",
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      organization: { type: 'string', required: true },
      organizationName: { type: 'string' },
      // What the ZIP may hold (docs/spec.md §9): customer exports are allow-listed; only they get signed links.
      profile: { type: 'enumeration', enum: [...EXPORT_PROFILES], default: 'admin', required: true },
      state: { type: 'enumeration', enum: [...EXPORT_STATES], default: 'queued', required: true },
      progress: { type: 'integer', default: 0 },
      requestedByType: { type: 'enumeration', enum: ['admin', 'collaborator'], required: true },
      requestedById: { type: 'string' },
      requestedByName: { type: 'string' },
      fileName: { type: 'string' },
      // Relative to the exports folder; never sent to clients.
      filePath: { type: 'string', private: true },
      // Which generation attempt owns the row: a stale "running" export restarted by another
      // attempt must neither record its own outcome nor touch the file the newer one recorded.
      attempt: { type: 'integer', default: 0, private: true },
      size: { type: 'biginteger' },
      sha256: { type: 'string' },
      counts: { type: 'json' },
      error: { type: 'text' },
      startedAt: { type: 'datetime' },
      finishedAt: { type: 'datetime' },
      expiresAt: { type: 'datetime' },
    },
    indexes: [
      { name: 'offboarding_exports_org', columns: ['organization', 'created_at'] },
      // The open-export check and the customers' daily quota read by requester kind.
      { name: 'offboarding_exports_requester', columns: ['organization', 'requested_by_type', 'state'] },
    ],
  },
};
