import type {
  CreateWebhook,
  ListWebhookDeliveries,
  ListWebhooks,
  UpdateWebhook,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../../shared/contracts/webhooks';
import { action, path, query } from './request';

/**
 * The plugin's webhook endpoints and their deliveries (docs/spec.md §10). The contract names no
 * type for the answers of delete, test and redeliver; the panel only needs them to succeed and
 * reloads what it shows, so they are typed by what spec §10 says they return at most.
 */
export const webhooks = {
  /** Every endpoint: the contract takes no query (an app has a handful). */
  list: () => query<ListWebhooks.Response>(path`/webhooks`),
  /** The answer carries the signing secret: shown to the admin this once. */
  create: (body: CreateWebhook.Request['body']) => action<CreateWebhook.Response>('POST', path`/webhooks`, body),
  update: (id: string, body: UpdateWebhook.Request['body']) => action<UpdateWebhook.Response>('PUT', path`/webhooks/${id}`, body),
  delete: (id: string) => action<{ data?: WebhookEndpoint }>('DELETE', path`/webhooks/${id}`),
  /** A new secret, shown once; the previous one keeps signing for 24 h. */
  rotateSecret: (id: string) => action<{ data: WebhookEndpointWithSecret }>('POST', path`/webhooks/${id}/rotate-secret`, {}),
  /** Queues a `ping` delivery to the endpoint. */
  test: (id: string) => action<{ data?: WebhookDelivery }>('POST', path`/webhooks/${id}/test`, {}),
  deliveries: (id: string, params: ListWebhookDeliveries.Request['query']) =>
    query<ListWebhookDeliveries.Response>(path`/webhooks/${id}/deliveries`, params),
  redeliver: (deliveryId: string) => action<{ data?: WebhookDelivery }>('POST', path`/webhooks/deliveries/${deliveryId}/redeliver`, {}),
};
