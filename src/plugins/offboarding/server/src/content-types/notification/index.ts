import { NOTICE_KEYS, NOTIFICATION_STATES } from '../../../../shared/contracts/notices';

/**
 * One customer notice to send or sent (docs/spec.md §11): queued in the transaction of the
 * change that causes it, rendered then, sent by the notices sweep. `dedupeKey` (unique) makes a
 * notice queued once: `<key>:<organization>:<event sequence>` for an event's notice,
 * `<key>:<target>:<due time>` for a reminder. `claimedBy`/`claimedUntil` let exactly one
 * instance send it; `organization` is a documentId kept as a plain string, like the events'.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_notifications',
    info: {
      singularName: 'notification',
      pluralName: 'notifications',
      displayName: 'Notification',
      description: 'A customer notice by mail: to whom, what, and whether it was sent',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      organization: { type: 'string', required: true },
      key: { type: 'enumeration', enum: [...NOTICE_KEYS], required: true },
      dedupeKey: { type: 'string', required: true, unique: true },
      recipients: { type: 'json' },
      subject: { type: 'string' },
      body: { type: 'text' },
      state: { type: 'enumeration', enum: [...NOTIFICATION_STATES], default: 'pending', required: true },
      skippedReason: { type: 'string' },
      attempts: { type: 'integer', default: 0 },
      lastError: { type: 'text' },
      sentAt: { type: 'datetime' },
      claimedBy: { type: 'string' },
      claimedUntil: { type: 'datetime' },
    },
    indexes: [
      { name: 'offboarding_notifications_dedupe', columns: ['dedupe_key'], type: 'unique' },
      { name: 'offboarding_notifications_org', columns: ['organization', 'created_at'] },
    ],
  },
};
