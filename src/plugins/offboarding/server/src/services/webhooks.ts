import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { DomainEventType } from '../../../shared/contracts/events';
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryState,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventSelection,
} from '../../../shared/contracts/webhooks';
import type { OffboardingConfig } from '../config';
import { PLUGIN_ID, UID } from '../constants';
import { PREVIOUS_SECRET_TTL_MS } from '../domain/webhooks';
import { taskStore } from '../store/task';
import { getService } from '../utils';
import { iso } from '../utils/db';
import { conflictError, fieldError, notFound } from '../utils/errors';
import { tableOf } from '../utils/links';
import { isBlockedAddress, resolveHost } from '../utils/network';
import { findPageBounded, type PageRequest } from '../utils/paging';

type Values = Record<string, unknown>;

export interface WebhookInput {
  url?: string;
  events?: WebhookEventSelection;
  description?: string | null;
  enabled?: boolean;
  includePersonalData?: boolean;
}

export type EndpointRow = Values & {
  id: number;
  documentId: string;
  url: string;
  events: string[];
  enabled: boolean;
  includePersonalData: boolean;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | string | null;
  disabledAt: Date | string | null;
  disabledReason: string | null;
  failingSince: Date | string | null;
};

export type DeliveryRow = Values & {
  id: number;
  documentId: string;
  endpoint: string;
  eventId: number;
  eventType: string;
  organization: string | null;
  organizationName: string | null;
  state: WebhookDeliveryState;
  attempts: WebhookAttempt[] | string | null;
  attemptCount: number | null;
  firstAttemptAt: Date | string | null;
  nextAttemptAt: Date | string | null;
  deliveredAt: Date | string | null;
};

export const DELIVERY_TARGET = 'webhook-delivery';

const isoOf = (value: unknown): string | null => (value === null || value === undefined ? null : iso(new Date(value as string)));

/** A secret shown once: 32 random bytes, prefixed so that it is recognisable in a vault or a leak scan. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** A documentId of our own making, for rows inserted in bulk (createMany answers no documentIds). */
export const newDocumentId = () => randomBytes(18).toString('base64url').replace(/[-_]/g, '').slice(0, 24).toLowerCase().padEnd(24, '0');

export const attemptsOf = (row: DeliveryRow): WebhookAttempt[] => {
  const value = typeof row.attempts === 'string' ? (JSON.parse(row.attempts) as unknown) : row.attempts;
  return Array.isArray(value) ? (value as WebhookAttempt[]) : [];
};

export const deliveryView = (row: DeliveryRow): WebhookDelivery => ({
  documentId: row.documentId,
  endpoint: row.endpoint,
  eventId: Number(row.eventId),
  eventType: row.eventType as DomainEventType | 'ping',
  organization: row.organization ? { documentId: row.organization, name: row.organizationName ?? null } : null,
  state: row.state,
  attempts: attemptsOf(row),
  nextAttemptAt: row.state === 'pending' ? isoOf(row.nextAttemptAt) : null,
  deliveredAt: isoOf(row.deliveredAt),
  createdAt: isoOf(row.createdAt) as string,
});

/**
 * The plugin's webhook endpoints, as the admin API manages them (docs/spec.md §10): secrets
 * shown once, URLs checked against the SSRF rules, the delivery log, redelivery and the test
 * ping. Sending is services/webhook-delivery.ts.
 */
const createWebhooksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const endpoints = () => strapi.db.query(UID.webhookEndpoint);
  const deliveries = () => strapi.db.query(UID.webhookDelivery);
  const now = () => getService(strapi, 'clock').now();
  const config = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig).webhooks;

  /** null in the config: allowed unless NODE_ENV is production (the README's start command is development). */
  const allowed = (flag: boolean | null) => (flag === null ? process.env.NODE_ENV !== 'production' : flag);

  const findEndpoint = async (documentId: string): Promise<EndpointRow> => {
    const row = (await endpoints().findOne({ where: { documentId } })) as EndpointRow | null;
    if (!row) throw notFound('webhookEndpoint', documentId);
    return row;
  };

  /** Pending and failed counts and the last delivery, per endpoint: one grouped statement each. */
  const standingOf = async (ids: string[]) => {
    const standing = new Map<string, WebhookEndpoint['deliveries']>();
    for (const id of ids) standing.set(id, { pending: 0, failed: 0, lastDeliveredAt: null });
    if (!ids.length) return standing;
    const table = tableOf(strapi, UID.webhookDelivery);
    // Inside the caller's transaction when there is one (SQLite has a single connection).
    const counts = (await strapi.db.transaction(({ trx }) => trx(table).whereIn('endpoint', ids).whereIn('state', ['pending', 'failed']).groupBy('endpoint', 'state').select('endpoint', 'state').count({ n: '*' }))) as { endpoint: string; state: 'pending' | 'failed'; n: number | string }[];
    for (const row of counts) (standing.get(row.endpoint) as WebhookEndpoint['deliveries'])[row.state] = Number(row.n);
    const last = (await strapi.db.transaction(({ trx }) => trx(table).whereIn('endpoint', ids).whereNotNull('delivered_at').groupBy('endpoint').select('endpoint').max({ at: 'delivered_at' }))) as { endpoint: string; at: unknown }[];
    for (const row of last) (standing.get(row.endpoint) as WebhookEndpoint['deliveries']).lastDeliveredAt = isoOf(row.at);
    return standing;
  };

  /** The endpoint as every answer shows it: never a secret. */
  const view = (row: EndpointRow, deliveriesOf: WebhookEndpoint['deliveries']): WebhookEndpoint => ({
    documentId: row.documentId,
    url: row.url,
    description: (row.description as string | null) ?? null,
    events: (typeof row.events === 'string' ? JSON.parse(row.events) : row.events) as WebhookEventSelection,
    enabled: Boolean(row.enabled),
    includePersonalData: Boolean(row.includePersonalData),
    disabledAt: isoOf(row.disabledAt),
    disabledReason: row.disabledReason ?? null,
    failingSince: isoOf(row.failingSince),
    previousSecretExpiresAt: row.previousSecretExpiresAt && new Date(row.previousSecretExpiresAt).getTime() > now().getTime() ? isoOf(row.previousSecretExpiresAt) : null,
    deliveries: deliveriesOf,
    createdAt: isoOf(row.createdAt) as string,
    updatedAt: isoOf(row.updatedAt) as string,
  });

  const viewOne = async (row: EndpointRow) => view(row, (await standingOf([row.documentId])).get(row.documentId) as WebhookEndpoint['deliveries']);

  /**
   * Only http(s); `http:` only when `webhooks.allowInsecure`; a host that resolves to a private,
   * loopback or link-local address only when `webhooks.allowPrivateNetworks`. Checked again at
   * send time, on the addresses actually connected to (services/webhook-delivery.ts).
   */
  const assertUrl = async (value: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw fieldError('url', 'url must be an absolute http(s) URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fieldError('url', `url must use https: (or http:), not ${url.protocol}`);
    if (url.protocol === 'http:' && !allowed(config().allowInsecure)) throw fieldError('url', 'url must use https: (webhooks.allowInsecure is off)');
    if (url.username || url.password) throw fieldError('url', 'url must not carry credentials');
    if (allowed(config().allowPrivateNetworks)) return;
    const addresses = await resolveHost(url.hostname);
    if (!addresses.length) throw fieldError('url', `url's host ${url.hostname} does not resolve`);
    const blocked = addresses.find(isBlockedAddress);
    if (blocked) throw fieldError('url', `url's host ${url.hostname} resolves to ${blocked}, a private, loopback or link-local address (webhooks.allowPrivateNetworks is off)`);
  };

  /** Queues one delivery of an event already in the outbox to one endpoint, due now. */
  const queueDelivery = async (endpoint: EndpointRow, event: { id: number; type: string; organization: string | null; organizationName: string | null }) => {
    const at = now();
    const row = (await deliveries().create({
      data: {
        endpoint: endpoint.documentId,
        eventId: event.id,
        eventType: event.type,
        organization: event.organization,
        organizationName: event.organizationName,
        state: 'pending',
        attempts: [],
        attemptCount: 0,
        nextAttemptAt: at,
      },
    })) as DeliveryRow;
    await taskStore(strapi).enqueue('deliver_webhook', DELIVERY_TARGET, row.documentId, at);
    return row;
  };

  /** Pending deliveries that waited while the endpoint was disabled: due now, with a fresh retry window. */
  const requeuePending = async (documentId: string) => {
    const pending = (await deliveries().findMany({ where: { endpoint: documentId, state: 'pending' }, select: ['id', 'documentId'] })) as DeliveryRow[];
    if (!pending.length) return;
    const at = now();
    const store = taskStore(strapi);
    const queued = new Set((await store.pendingOfMany(DELIVERY_TARGET, pending.map((d) => d.documentId), ['deliver_webhook'])).map((task) => task.targetId));
    await deliveries().updateMany({ where: { id: { $in: pending.map((d) => d.id) } }, data: { firstAttemptAt: null, nextAttemptAt: at } });
    await store.enqueueMany(pending.filter((d) => !queued.has(d.documentId)).map((d) => ({ kind: 'deliver_webhook' as const, targetType: DELIVERY_TARGET, targetId: d.documentId, dueAt: at })));
  };

  return {
    assertUrl,
    allowPrivateNetworks: () => allowed(config().allowPrivateNetworks),
    allowInsecure: () => allowed(config().allowInsecure),

    async list(page: PageRequest) {
      const { results, pagination } = await findPageBounded(endpoints(), { orderBy: [{ id: 'asc' }], ...page });
      const rows = results as EndpointRow[];
      const standing = await standingOf(rows.map((row) => row.documentId));
      return { results: rows.map((row) => view(row, standing.get(row.documentId) as WebhookEndpoint['deliveries'])), pagination };
    },

    async create(input: WebhookInput & { url: string; events: WebhookEventSelection }): Promise<WebhookEndpointWithSecret> {
      await assertUrl(input.url);
      const secret = newSecret();
      const row = (await endpoints().create({
        data: {
          url: input.url,
          events: input.events,
          description: input.description ?? null,
          enabled: input.enabled ?? true,
          includePersonalData: input.includePersonalData ?? false,
          secret,
        },
      })) as EndpointRow;
      return { ...(await viewOne(row)), secret };
    },

    async update(documentId: string, input: WebhookInput): Promise<WebhookEndpoint> {
      if (input.url !== undefined) await assertUrl(input.url);
      return strapi.db.transaction(async () => {
        const row = await findEndpoint(documentId);
        const data: Values = { ...input };
        const reenabled = input.enabled === true && !row.enabled;
        // Enabled again: the failure streak starts over, and what waited is sent now.
        if (input.enabled === true) Object.assign(data, { disabledAt: null, disabledReason: null, failingSince: null });
        const updated = (await endpoints().update({ where: { id: row.id }, data })) as EndpointRow;
        if (reenabled) await requeuePending(documentId);
        return viewOne(updated);
      });
    },

    /** Deletes the endpoint and its delivery log; the pending deliveries' tasks are cancelled. */
    async remove(documentId: string): Promise<WebhookEndpoint> {
      return strapi.db.transaction(async () => {
        const row = await findEndpoint(documentId);
        const shown = await viewOne(row);
        const pending = (await deliveries().findMany({ where: { endpoint: documentId, state: 'pending' }, select: ['documentId'] })) as DeliveryRow[];
        if (pending.length) await taskStore(strapi).cancelPendingOf(pending.map((d) => d.documentId), 'endpoint deleted', now());
        await deliveries().deleteMany({ where: { endpoint: documentId } });
        await endpoints().delete({ where: { id: row.id } });
        return shown;
      });
    },

    /** A new secret, shown once; the previous one keeps signing for 24 h (two `v1=` values). */
    async rotateSecret(documentId: string): Promise<WebhookEndpointWithSecret> {
      return strapi.db.transaction(async () => {
        const row = await findEndpoint(documentId);
        const secret = newSecret();
        const updated = (await endpoints().update({
          where: { id: row.id },
          data: { secret, previousSecret: row.secret, previousSecretExpiresAt: new Date(now().getTime() + PREVIOUS_SECRET_TTL_MS) },
        })) as EndpointRow;
        return { ...(await viewOne(updated)), secret };
      });
    },

    async deliveries(documentId: string, filter: { state?: WebhookDeliveryState }, page: PageRequest) {
      await findEndpoint(documentId);
      const { results, pagination } = await findPageBounded(deliveries(), {
        where: { endpoint: documentId, ...(filter.state ? { state: filter.state } : {}) },
        orderBy: [{ id: 'desc' }],
        ...page,
      });
      return { results: (results as DeliveryRow[]).map(deliveryView), pagination };
    },

    /** A delivered or failed delivery gets a new attempt now (a new task); its attempts so far stay. */
    async redeliver(documentId: string): Promise<WebhookDelivery> {
      return strapi.db.transaction(async () => {
        const row = (await deliveries().findOne({ where: { documentId } })) as DeliveryRow | null;
        if (!row) throw notFound('webhookDelivery', documentId);
        const endpoint = await findEndpoint(row.endpoint);
        if (!endpoint.enabled) throw conflictError('webhook.endpoint_disabled', 'The endpoint is disabled: enable it first', { endpoint: endpoint.documentId });
        const at = now();
        // Only from a settled state, so that two redeliveries (or one racing the sweep) queue one attempt.
        const { count } = await deliveries().updateMany({
          where: { id: row.id, state: { $in: ['delivered', 'failed'] } },
          data: { state: 'pending', nextAttemptAt: at, firstAttemptAt: null, deliveredAt: null },
        });
        if (!count) throw conflictError('webhook.delivery_pending', 'This delivery is still pending: its next attempt is already queued', { state: row.state });
        await taskStore(strapi).enqueue('deliver_webhook', DELIVERY_TARGET, row.documentId, at);
        return deliveryView((await deliveries().findOne({ where: { id: row.id } })) as DeliveryRow);
      });
    },

    /** A `ping` event, written to the outbox (no consumer runs on it) and delivered to this endpoint only. */
    async test(documentId: string): Promise<WebhookDelivery> {
      return strapi.db.transaction(async () => {
        const endpoint = await findEndpoint(documentId);
        if (!endpoint.enabled) throw conflictError('webhook.endpoint_disabled', 'The endpoint is disabled: enable it first', { endpoint: documentId });
        const event = (await strapi.db.query(UID.event).create({
          data: { type: 'ping', organization: null, sequence: null, targetType: 'webhook-endpoint', targetId: documentId, actorType: 'admin', data: { changed: [] }, occurredAt: now() },
        })) as { id: number };
        return deliveryView(await queueDelivery(endpoint, { id: Number(event.id), type: 'ping', organization: null, organizationName: null }));
      });
    },
  };
};

export type WebhooksService = ReturnType<typeof createWebhooksService>;
export default createWebhooksService;
