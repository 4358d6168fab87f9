/**
 * One offboarding checklist run per organization (docs/spec.md §6). `organization` is its documentId
 * as a plain string, like exports and audit events; a unique index keeps it to one run.
 * `steps` holds the finished steps by key (domain/checklist's ChecklistProgress): the runbook
 * itself is code, so only what happened is stored.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_checklist_runs',
    info: {
      singularName: 'checklist-run',
      pluralName: 'checklist-runs',
      displayName: 'Checklist run',
      description: "An organization's offboarding checklist: when it started, its finished steps, when it completed",
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      // Changed through the checklist's actions only, so every step is in order and audited.
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      organization: { type: 'string', required: true },
      startedAt: { type: 'datetime', required: true },
      startedBy: { type: 'string' },
      completedAt: { type: 'datetime' },
      steps: { type: 'json' },
    },
    indexes: [{ name: 'offboarding_checklist_runs_org', columns: ['organization'], type: 'unique' }],
  },
};
