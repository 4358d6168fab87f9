/**
 * Something an entitlement provisioned downstream: a license and its site activations, a
 * hosted environment, a service with its requests, a contract, a credit balance…
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_resources',
    info: {
      singularName: 'resource',
      pluralName: 'resources',
      displayName: 'Resource',
      description: 'A downstream resource provisioned for an entitlement',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      entitlement: { type: 'relation', relation: 'manyToOne', target: 'plugin::offboarding.entitlement' },
      kind: { type: 'string', required: true, maxLength: 64 },
      name: { type: 'string', maxLength: 255 },
      status: { type: 'string', required: true, default: 'active', maxLength: 64 },
      data: { type: 'json' },
    },
  },
};
