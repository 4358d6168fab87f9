import { WEBHOOK_DELIVERY_STATES } from '../../../../shared/contracts/webhooks';

/**
 * One event queued for one endpoint (docs/spec.md §10): its attempts, oldest first, and where it
 * stands. Unique per (endpoint, event), so an event is queued once per endpoint. `endpoint` is
 * the endpoint's documentId as a plain string: a delivery outlives nothing it does not need.
 * Each attempt is a `deliver_webhook` task of the durable queue; an attempt first moves
 * `attemptCount` from n to n + 1 (a conditional update), so of two instances reaching the same
 * delivery only one makes that attempt, and only it records the outcome.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_webhook_deliveries',
    info: {
      singularName: 'webhook-delivery',
      pluralName: 'webhook-deliveries',
      displayName: 'Webhook delivery',
      description: 'One domain event sent (or to be sent) to one webhook endpoint',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      endpoint: { type: 'string', required: true },
      eventId: { type: 'integer', required: true },
      eventType: { type: 'string', required: true },
      organization: { type: 'string' },
      organizationName: { type: 'string' },
      state: { type: 'enumeration', enum: [...WEBHOOK_DELIVERY_STATES], default: 'pending', required: true },
      attempts: { type: 'json' },
      /** How many attempts were recorded: the conditional update's guard (compare-and-set). */
      attemptCount: { type: 'integer', default: 0 },
      firstAttemptAt: { type: 'datetime' },
      nextAttemptAt: { type: 'datetime' },
      deliveredAt: { type: 'datetime' },
    },
    indexes: [
      { name: 'offboarding_webhook_deliveries_once', columns: ['endpoint', 'event_id'], type: 'unique' },
      { name: 'offboarding_webhook_deliveries_state', columns: ['endpoint', 'state'] },
    ],
  },
};
