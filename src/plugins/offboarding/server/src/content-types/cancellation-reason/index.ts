export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_cancellation_reasons',
    info: {
      singularName: 'cancellation-reason',
      pluralName: 'cancellation-reasons',
      displayName: 'Cancellation reason',
      description: 'Admin-managed reasons recorded with every cancel and suspend',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      code: { type: 'string', required: true, unique: true, maxLength: 64 },
      label: { type: 'string', required: true, maxLength: 255 },
      appliesToCancel: { type: 'boolean', default: true, required: true },
      appliesToSuspend: { type: 'boolean', default: false, required: true },
      active: { type: 'boolean', default: true, required: true },
    },
  },
};
