import { NOTICE_KEYS } from '../../../../shared/contracts/notices';

/**
 * An admin's override of a notice's built-in subject, body or switch (docs/spec.md §11). The
 * built-in texts live in code (domain/notices.ts); a notice without a row uses them, on.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_notice_templates',
    info: {
      singularName: 'notice-template',
      pluralName: 'notice-templates',
      displayName: 'Notice template',
      description: "An override of a customer notice's subject, body or switch",
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      key: { type: 'enumeration', enum: [...NOTICE_KEYS], required: true, unique: true },
      // null: the built-in text applies.
      subject: { type: 'string' },
      body: { type: 'text' },
      enabled: { type: 'boolean' },
    },
    indexes: [{ name: 'offboarding_notice_templates_key', columns: ['key'], type: 'unique' }],
  },
};
