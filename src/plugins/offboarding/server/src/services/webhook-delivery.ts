import http from 'http';
import https from 'https';
import { isIP } from 'net';
import type { Core } from '@strapi/strapi';
import type { WebhookAttempt, WebhookPayload } from '../../../shared/contracts/webhooks';
import type { OffboardingConfig } from '../config';
import { PLUGIN_ID, UID } from '../constants';
import { withoutPersonalData } from '../domain/customer-view';
import { nextAttemptAt, shouldDisable, signatureHeader, subscribes } from '../domain/webhooks';
import type { EmittedEvent } from '../events/types';
import { taskStore } from '../store/task';
import { getService } from '../utils';
import { guardedLookup, isBlockedAddress } from '../utils/network';
import { eventView } from './events';
import type { GroupOutcome, TaskOutcome } from './sweeps';
import { attemptsOf, DELIVERY_TARGET, newDocumentId, type DeliveryRow, type EndpointRow } from './webhooks';

type Values = Record<string, unknown>;

interface SendResult {
  responseCode: number | null;
  error: string | null;
}

const RESPONSE_BODY_LIMIT = 64 * 1024;
/** Endpoints a sweep's batch sends to at once (each endpoint's own deliveries go one at a time). */
const PARALLEL_ENDPOINTS = 8;
/** How long past `timeoutMs` an attempt in flight keeps its delivery from being claimed again. */
const IN_FLIGHT_MARGIN_MS = 60_000;

/**
 * One POST, no redirect followed (a 3xx is a failed attempt), answered within `timeoutMs` or
 * abandoned. Unless private networks are allowed, the socket connects only to addresses that
 * `guardedLookup` let through, so a name rebound to a private address at send time is refused.
 */
const post = (target: URL, body: string, headers: Record<string, string>, timeoutMs: number, allowPrivate: boolean): Promise<SendResult> =>
  new Promise((resolve) => {
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    // An IP literal is connected to without any lookup: judged here.
    if (!allowPrivate && isIP(literal) && isBlockedAddress(literal)) {
      resolve({ responseCode: null, error: `${literal} is a private, loopback or link-local address (webhooks.allowPrivateNetworks is off)` });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        agent: false,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        let read = 0;
        // Read (and drop) the answer so that the socket closes; only its status counts.
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > RESPONSE_BODY_LIMIT) response.destroy();
        });
        const status = response.statusCode ?? 0;
        const outcome = { responseCode: status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` };
        response.on('end', () => done(outcome));
        response.on('close', () => done(outcome));
        response.on('error', () => done(outcome));
      }
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('error', (error: Error) => done({ responseCode: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });

/**
 * Webhook deliveries (docs/spec.md §10): the `webhook-outbox` consumer queues them in the
 * change's transaction; the webhooks sweep's `deliver_webhook` tasks send them, one attempt per
 * task, signed; a failed attempt queues the next one after the backoff.
 */
const createWebhookDeliveryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => strapi.db.query(UID.webhookDelivery);
  const endpoints = () => strapi.db.query(UID.webhookEndpoint);
  const now = () => getService(strapi, 'clock').now();
  const config = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig).webhooks;
  /** The enabled endpoints, read once per transaction (per emit), not once per event. */
  const enabledByTransaction = new WeakMap<object, Promise<EndpointRow[]>>();

  const enabledEndpoints = () =>
    strapi.db.transaction(({ trx }) => {
      let list = enabledByTransaction.get(trx);
      if (!list) {
        list = endpoints().findMany({ where: { enabled: true }, select: ['documentId', 'events'] }) as Promise<EndpointRow[]>;
        enabledByTransaction.set(trx, list);
      }
      return list;
    });

  /** What the endpoint receives: the event as the event log shows it, personal data left out unless allowed. */
  const payloadOf = (row: Values, endpoint: EndpointRow): WebhookPayload => {
    const event = eventView(row) as WebhookPayload;
    if (endpoint.includePersonalData || !event.data) return event;
    return { ...event, data: withoutPersonalData(event.data) as WebhookPayload['data'] };
  };

  /** The endpoint's failure streak: started by a failed attempt, ended by a delivered one; 3 days of it disable the endpoint. */
  const recordStreak = async (endpoint: EndpointRow, delivered: boolean, at: Date) => {
    if (delivered) {
      if (endpoint.failingSince) await endpoints().updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
      return;
    }
    // Conditional: of two deliveries failing at once, the first sets the streak's start.
    await endpoints().updateMany({ where: { id: endpoint.id, failingSince: { $null: true } }, data: { failingSince: at } });
    const current = (await endpoints().findOne({ where: { id: endpoint.id }, select: ['id', 'failingSince', 'enabled'] })) as EndpointRow | null;
    const since = current?.failingSince ? new Date(current.failingSince) : null;
    if (current?.enabled && shouldDisable(since, at)) {
      await endpoints().updateMany({
        where: { id: endpoint.id, enabled: true },
        data: { enabled: false, disabledAt: at, disabledReason: `Every delivery failed for 3 days in a row (since ${since?.toISOString()})` },
      });
      strapi.log.warn(`[offboarding] webhook endpoint ${endpoint.documentId} disabled: failing since ${since?.toISOString()}`);
    }
  };

  const service = {
    /**
     * The `webhook-outbox` consumer: one pending delivery per event and matching enabled endpoint,
     * and its `deliver_webhook` task due now, inserted set-wise in the change's transaction.
     */
    async queue(events: EmittedEvent[]) {
      if (!events.length) return;
      const subscribed = await enabledEndpoints();
      if (!subscribed.length) return;
      const at = now();
      const rows: Values[] = [];
      for (const event of events) {
        for (const endpoint of subscribed) {
          const selection = (typeof endpoint.events === 'string' ? JSON.parse(endpoint.events) : endpoint.events) as string[];
          if (!subscribes(selection, event.type)) continue;
          rows.push({
            documentId: newDocumentId(),
            endpoint: endpoint.documentId,
            eventId: event.id,
            eventType: event.type,
            organization: event.organization,
            organizationName: event.organizationName ?? null,
            state: 'pending',
            attempts: [],
            attemptCount: 0,
            nextAttemptAt: at,
          });
        }
      }
      if (!rows.length) return;
      await deliveries().createMany({ data: rows });
      await taskStore(strapi).enqueueMany(rows.map((row) => ({ kind: 'deliver_webhook' as const, targetType: DELIVERY_TARGET, targetId: row.documentId as string, dueAt: at })));
    },

    /**
     * The `deliver_webhook` task: one attempt. The sweep claimed the task; the attempt is also
     * claimed on the delivery itself (its attempt count moves from n to n + 1 only once), so two
     * instances reaching the same delivery make one attempt and the other is a no-op.
     */
    /**
     * A sweep's batch of deliveries: one lane per endpoint, its deliveries sent one after the
     * other (in the batch's order: oldest due first), up to PARALLEL_ENDPOINTS lanes at once. A
     * receiver that hangs until `timeoutMs` then holds up only its own deliveries, never another
     * endpoint's. Each delivery's outcome is its own; one that throws fails alone.
     */
    async deliverMany(documentIds: string[]): Promise<Record<string, GroupOutcome>> {
      const rows = (await deliveries().findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId', 'endpoint'] })) as Pick<DeliveryRow, 'documentId' | 'endpoint'>[];
      const endpointOf = new Map(rows.map((row) => [row.documentId, String(row.endpoint)]));
      const lanes = new Map<string, string[]>();
      for (const id of documentIds) {
        const lane = endpointOf.get(id) ?? '';
        lanes.set(lane, [...(lanes.get(lane) ?? []), id]);
      }
      const outcomes: Record<string, GroupOutcome> = {};
      const waiting = [...lanes.values()];
      const work = async () => {
        for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
          for (const id of lane) {
            try {
              outcomes[id] = await service.deliver(id);
            } catch (error) {
              outcomes[id] = { failed: error instanceof Error ? error : new Error(String(error)) };
            }
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_ENDPOINTS, waiting.length) }, work));
      return outcomes;
    },

    async deliver(documentId: string): Promise<TaskOutcome> {
      const delivery = (await deliveries().findOne({ where: { documentId } })) as DeliveryRow | null;
      if (!delivery || delivery.state !== 'pending') return 'noop';
      // Not due yet: a task that ran late (a claim that expired while its instance was busy) must
      // not send the next attempt before its backoff; that attempt has its own task.
      if (delivery.nextAttemptAt && new Date(delivery.nextAttemptAt).getTime() > now().getTime()) return 'noop';
      const endpoint = (await endpoints().findOne({ where: { documentId: delivery.endpoint } })) as EndpointRow | null;
      // A disabled endpoint's deliveries wait; enabling it queues them again (services/webhooks.ts).
      if (!endpoint || !endpoint.enabled) return 'noop';
      const event = (await strapi.db.query(UID.event).findOne({ where: { id: delivery.eventId } })) as Values | null;
      const count = Number(delivery.attemptCount ?? 0);
      const at = now();
      // The claim also moves nextAttemptAt past the attempt's longest run: another sweep (a second
      // one in this instance, or a task run late) that reads the delivery while this attempt is in
      // flight finds it not due rather than claiming attempt n + 2 and sending the event again.
      const { count: claimed } = await deliveries().updateMany({
        where: { id: delivery.id, state: 'pending', attemptCount: count },
        data: { attemptCount: count + 1, nextAttemptAt: new Date(at.getTime() + config().timeoutMs + IN_FLIGHT_MARGIN_MS) },
      });
      if (!claimed) return 'noop';

      const started = Date.now();
      let result: SendResult;
      if (!event) {
        result = { responseCode: null, error: 'the event is no longer in the event log' };
      } else {
        const body = JSON.stringify(payloadOf(event, endpoint));
        const secrets = [endpoint.secret];
        if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt).getTime() > at.getTime()) secrets.push(endpoint.previousSecret);
        const timestamp = Math.floor(at.getTime() / 1000);
        result = await post(
          new URL(endpoint.url),
          body,
          {
            'Content-Type': 'application/json',
            'User-Agent': 'strapi-plugin-offboarding',
            'Offboarding-Event-Id': String(event.id),
            'Offboarding-Event-Type': String(event.type),
            'Offboarding-Signature': signatureHeader(secrets, timestamp, body),
          },
          config().timeoutMs,
          getService(strapi, 'webhooks').allowPrivateNetworks()
        );
      }
      const attempt: WebhookAttempt = { at: at.toISOString(), responseCode: result.responseCode, error: result.error, durationMs: Date.now() - started };
      const delivered = result.error === null;
      const firstAttemptAt = delivery.firstAttemptAt ? new Date(delivery.firstAttemptAt) : at;
      const next = delivered || !event ? null : nextAttemptAt(count + 1, firstAttemptAt, at);
      const state = delivered ? 'delivered' : next ? 'pending' : 'failed';
      await strapi.db.transaction(async () => {
        // Conditional on our own claim: an attempt records only its own outcome.
        const { count: recorded } = await deliveries().updateMany({
          where: { id: delivery.id, state: 'pending', attemptCount: count + 1 },
          data: {
            attempts: [...attemptsOf(delivery), attempt],
            state,
            firstAttemptAt,
            nextAttemptAt: next,
            deliveredAt: delivered ? at : null,
          },
        });
        if (!recorded) return;
        if (next) await taskStore(strapi).enqueue('deliver_webhook', DELIVERY_TARGET, delivery.documentId, next);
        await recordStreak(endpoint, delivered, at);
      });
      return 'performed';
    },
  };
  return service;
};

export type WebhookDeliveryService = ReturnType<typeof createWebhookDeliveryService>;
export default createWebhookDeliveryService;
