import type { ActorType } from './constants';
import type { IsoDate, Pagination } from './entities';

/**
 * Every type of domain event the plugin emits (docs/spec.md §10). An event is written in the
 * transaction of the change it reports; `server/src/events/consumers.ts` lists what each causes.
 */
export const DOMAIN_EVENT_TYPES = [
  'organization.created',
  'organization.updated',
  'organization.archived',
  'organization.unarchived',
  'organization.access_disabled',
  'organization.access_enabled',
  'organization.deleted',
  'organization.purge_scheduled',
  'organization.purged',
  'organization.retention_extended',
  'organization.legal_hold_placed',
  'organization.legal_hold_lifted',
  'entitlement.created',
  'entitlement.suspended',
  'entitlement.resumed',
  'entitlement.cancellation_scheduled',
  'entitlement.cancellation_undone',
  'entitlement.cancelled',
  'entitlement.reactivated',
  // Issue 15 (docs/spec.md §13). A pause's end, by its job or on demand, is `entitlement.resumed`.
  'entitlement.paused',
  'entitlement.activated',
  'entitlement.dunning_stage_reached',
  'scheduled_change.created',
  'scheduled_change.cancelled',
  'scheduled_change.failed',
  'entitlement.deprovisioned',
  'entitlement.reprovisioned',
  'entitlement.provisioning_retried',
  'resource.added',
  'refund.recorded',
  'refund.reversed',
  'export.requested',
  'export.ready',
  'export.failed',
  'export.expired',
  'checklist.started',
  'checklist.step_completed',
  'checklist.step_skipped',
  'checklist.step_reopened',
  'checklist.completed',
  'collaborator.added',
  'collaborator.removed',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'policy.created',
  'policy.updated',
  'provisioning_policy.updated',
  'reason.created',
  'reason.updated',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** The events of the entitlement state machine's transitions (docs/spec.md §1). */
export const ENTITLEMENT_TRANSITION_EVENTS = DOMAIN_EVENT_TYPES.filter((type) =>
  ['suspended', 'resumed', 'cancellation_scheduled', 'cancellation_undone', 'cancelled', 'reactivated', 'paused', 'activated'].some((name) => type === `entitlement.${name}`)
);

/** An event as the event log and Strapi's eventHub show it (docs/spec.md §10). */
export interface DomainEvent {
  id: number;
  type: DomainEventType;
  occurredAt: IsoDate;
  /** Increases by one per event of the organization; null for settings events (no organization). */
  sequence: number | null;
  organization: { documentId: string; name: string | null } | null;
  target: { type: string; documentId: string | null };
  actor: { type: ActorType };
  /** What the change left, as the admin API shows it, with `changed` naming the fields it changed; null once redacted. */
  data: (Record<string, unknown> & { changed: string[] }) | null;
}

export declare namespace ListEvents {
  export interface Request {
    query: { organization?: string; type?: DomainEventType; page?: number; pageSize?: number };
  }
  export interface Response {
    data: DomainEvent[];
    meta: { pagination: Pagination };
  }
}
