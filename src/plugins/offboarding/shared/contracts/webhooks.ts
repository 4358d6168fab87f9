import type { DomainEvent, DomainEventType } from './events';
import type { IsoDate, Pagination } from './entities';

/**
 * The plugin's own webhook endpoints (docs/spec.md §10): signed, retried deliveries of domain
 * events. Admin routes under `/offboarding/webhooks`, permission `settings`.
 */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** `['*']` for every event type; otherwise a non-empty list of types (or `ping`, always sent by the test button). */
export type WebhookEventSelection = ['*'] | DomainEventType[];

export interface WebhookEndpoint {
  documentId: string;
  url: string;
  description: string | null;
  events: WebhookEventSelection;
  enabled: boolean;
  /** Personal data and internal notes are left out of deliveries unless this is true (data minimisation). */
  includePersonalData: boolean;
  /** Set when the plugin disabled the endpoint (failing for 3 days in a row); null when enabled or disabled by hand. */
  disabledAt: IsoDate | null;
  disabledReason: string | null;
  /** The first failed delivery since the last successful one; null while deliveries succeed. */
  failingSince: IsoDate | null;
  /** While set and in the future, deliveries carry a second `v1=` signed with the previous secret. */
  previousSecretExpiresAt: IsoDate | null;
  /** Deliveries waiting for their next attempt, and those given up on. */
  deliveries: { pending: number; failed: number; lastDeliveredAt: IsoDate | null };
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** Answered by create and rotate-secret only: the secret is shown this once. */
export type WebhookEndpointWithSecret = WebhookEndpoint & { secret: string };

export interface WebhookAttempt {
  at: IsoDate;
  /** The receiver's HTTP status; null when there was no answer (refused, timed out, blocked address). */
  responseCode: number | null;
  /** Why the attempt failed; null when it was delivered. */
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  documentId: string;
  endpoint: string;
  /** The event's id in the event log (`GET /offboarding/events`); `Offboarding-Event-Id`. */
  eventId: number;
  eventType: DomainEventType | 'ping';
  organization: { documentId: string; name: string | null } | null;
  state: WebhookDeliveryState;
  /** Every attempt, oldest first. */
  attempts: WebhookAttempt[];
  nextAttemptAt: IsoDate | null;
  deliveredAt: IsoDate | null;
  createdAt: IsoDate;
}

/** What a receiver gets as the request body: the event as the event log shows it (personal data left out unless allowed). */
export type WebhookPayload = DomainEvent | (Omit<DomainEvent, 'type'> & { type: 'ping' });

export declare namespace CreateWebhook {
  export interface Request {
    body: { url: string; events: WebhookEventSelection; description?: string | null; enabled?: boolean; includePersonalData?: boolean };
  }
  export interface Response {
    data: WebhookEndpointWithSecret;
  }
}

export declare namespace UpdateWebhook {
  export interface Request {
    body: { url?: string; events?: WebhookEventSelection; description?: string | null; enabled?: boolean; includePersonalData?: boolean };
  }
  export interface Response {
    data: WebhookEndpoint;
  }
}

export declare namespace ListWebhooks {
  export interface Response {
    data: WebhookEndpoint[];
    meta: { pagination: Pagination };
  }
}

export declare namespace ListWebhookDeliveries {
  export interface Request {
    query: { state?: WebhookDeliveryState; page?: number; pageSize?: number };
  }
  export interface Response {
    data: WebhookDelivery[];
    meta: { pagination: Pagination };
  }
}
