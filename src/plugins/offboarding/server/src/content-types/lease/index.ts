/**
 * One row per sweep: the instance holding an unexpired lease works that sweep; one that dies
 * mid-sweep loses it when it expires.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_leases',
    info: {
      singularName: 'lease',
      pluralName: 'leases',
      displayName: 'Sweep lease',
      description: 'Which instance runs a sweep, until when',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      name: { type: 'string', required: true },
      holder: { type: 'string' },
      expiresAt: { type: 'datetime' },
    },
    indexes: [{ name: 'offboarding_leases_name', columns: ['name'], type: 'unique' }],
  },
};
