/**
 * One of the plugin's own webhook endpoints (docs/spec.md §10). The secrets are private: no
 * API answer shows them, except the create and rotate-secret answers, once. After a rotation the
 * previous secret keeps signing until `previousSecretExpiresAt` (two `v1=` values).
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_webhook_endpoints',
    info: {
      singularName: 'webhook-endpoint',
      pluralName: 'webhook-endpoints',
      displayName: 'Webhook endpoint',
      description: 'Where signed domain events are delivered',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      url: { type: 'text', required: true },
      description: { type: 'string' },
      events: { type: 'json', required: true },
      enabled: { type: 'boolean', default: true },
      includePersonalData: { type: 'boolean', default: false },
      secret: { type: 'string', private: true, required: true },
      previousSecret: { type: 'string', private: true },
      previousSecretExpiresAt: { type: 'datetime' },
      disabledAt: { type: 'datetime' },
      disabledReason: { type: 'string' },
      failingSince: { type: 'datetime' },
    },
  },
};
