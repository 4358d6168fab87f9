import type { Core } from '@strapi/strapi';
import type { EntitlementClass } from '../../../shared/contracts/constants';
import type { DomainEventType } from '../../../shared/contracts/events';
import type { ResolvedPolicy } from '../domain/policy';
import type { Row } from '../utils/db';
import type { Actor } from '../services/audit';
import type { OrganizationRow } from '../store/organization';

type Values = Record<string, unknown>;

/** What a change reports: one domain event (docs/spec.md §10). */
export interface EventInput {
  type: DomainEventType;
  actor: Actor;
  targetType: string;
  targetId: string | null;
  /** The organization's documentId; null for settings (policies, reasons). */
  organization: string | null;
  /** Its name, when the change holds no organization row (a batch). */
  organizationName?: string | null;
  reason?: string | null;
  notes?: string | null;
  /** The changed fields before and after, as the audit trail keeps them. */
  before?: Values | null;
  after?: Values | null;
  /** The entity as the admin API shows it after the change; `after` when not given. */
  data?: object | null;
}

/** An event as consumers receive it: written, numbered, timed. */
export interface EmittedEvent extends EventInput {
  /** The outbox row's id: the event's id in the event log, `Offboarding-Event-Id` of its webhooks. */
  id: number;
  sequence: number | null;
  occurredAt: Date;
}

/**
 * What the change loaded under its locks, handed to every consumer instead of a re-read
 * (docs/architecture.md "Context handed down"). Consumers may update what they change
 * (provisioning marks the entitlement), so the change answers with the final state.
 */
export interface ChangeContext {
  /** The organization row the change locked; its lock guards the events' sequence. */
  organization?: OrganizationRow;
  /** Set when the change holds the lock of every organization its events name (a batch). */
  organizationsLocked?: boolean;
  resolve?: (entitlementClass: EntitlementClass | null) => ResolvedPolicy;
  /** An entitlement transition: its row before and after, in API terms (`status`). */
  entitlement?: { before: Row; after: Row };
  /** The organization's entitlements as the change leaves them, in API terms. */
  entitlements?: Row[];
}

/**
 * A reaction to events. `transaction` consumers run inside the change's transaction, in the
 * order of the registry, and a failure rolls the change back; `after-commit` ones run once
 * the change is committed, and their failure is logged, never undoes the change.
 */
export interface Consumer {
  name: string;
  on: readonly DomainEventType[] | '*';
  phase: 'transaction' | 'after-commit';
  run: (strapi: Core.Strapi, event: EmittedEvent, context: ChangeContext) => Promise<void> | void;
  /**
   * The same reaction to a batch of events (`emitMany`, a sweep's), done set-wise; without it,
   * `run` is called for each. Each context holds its organization as the whole batch leaves it.
   */
  runMany?: (strapi: Core.Strapi, items: { event: EmittedEvent; context: ChangeContext }[]) => Promise<void>;
}
