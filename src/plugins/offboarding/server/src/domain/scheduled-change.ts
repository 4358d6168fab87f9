import type { AccessStatus, EntitlementStatus, TaskKind } from '../../../shared/contracts/constants';
import { SCHEDULED_CHANGE_KINDS, type DatedChangeKind, type ScheduledChangeKind } from '../../../shared/contracts/lifecycle';
import { assertTransition } from './entitlement-lifecycle';
import { conflict, invalid } from './errors';
import type { DesiredTask } from './schedule';

/**
 * Status changes on a date (docs/spec.md §13): the rules of a dated request, pure. A dated change
 * is checked twice: when it is asked for, against the target as it stands (so an admin learns at
 * once that it makes no sense), and when it falls due, by the action's own service path.
 */

export type ScheduledChangeState = 'pending' | 'done' | 'cancelled' | 'failed';

/** The target of a dated change as its rules see it. */
export interface DatedChangeTarget {
  /** The entitlement's status; null for an organization's access change. */
  status: EntitlementStatus | null;
  accessStatus: AccessStatus;
  purged: boolean;
}

export const ENTITLEMENT_CHANGE_KINDS: readonly DatedChangeKind[] = ['suspend', 'resume', 'pause'];
export const isEntitlementChange = (kind: DatedChangeKind) => ENTITLEMENT_CHANGE_KINDS.includes(kind);

/** A dated change's time must be ahead: a time already past is asked for now, without a date. */
export const assertFuture = (effectiveAt: Date, now: Date, field: string) => {
  if (effectiveAt.getTime() <= now.getTime()) {
    throw invalid(field, `${field} must be in the future (it is ${effectiveAt.toISOString()}, now is ${now.toISOString()}); leave it out to make the change now`, {}, 'validation.date_not_in_future');
  }
};

/**
 * Refuses a dated change that its target's current state does not allow, naming that state
 * (the same 409 the change made now gets). Resume covers a suspension and a pause alike.
 */
export const assertSchedulable = (kind: DatedChangeKind, target: DatedChangeTarget) => {
  if (target.purged) throw conflict('organization.purged', 'The organization was purged', { purgeState: 'purged' });
  if (kind === 'disable_access' || kind === 'enable_access') {
    const wanted: AccessStatus = kind === 'disable_access' ? 'disabled' : 'enabled';
    if (target.accessStatus === wanted) throw conflict('organization.access_unchanged', `Access is already ${wanted}`, { accessStatus: wanted });
    return;
  }
  const status = target.status;
  if (!status) throw conflict('scheduled_change.needs_entitlement', `A ${kind} needs an entitlement`, { kind });
  if (kind === 'suspend') assertTransition(status, 'suspend');
  else if (kind === 'resume') {
    if (status !== 'suspended' && status !== 'paused') {
      throw conflict('entitlement.not_resumable', `Cannot resume an entitlement whose status is "${status}"`, { currentStatus: status, action: 'resume', allowedFrom: ['suspended', 'paused'] });
    }
  } else if (status !== 'active') {
    throw conflict('entitlement.not_pausable', `Cannot pause an entitlement whose status is "${status}"`, { currentStatus: status, action: 'pause', allowedFrom: ['active'] });
  }
};

/** The durable queue's work for a change row: a pending one is made at its time; nothing else is due. */
export const desiredChangeTasks = (row: { state: ScheduledChangeState; effectiveAt: Date | null }): DesiredTask[] =>
  row.state === 'pending' && row.effectiveAt ? [{ kind: 'apply_change', dueAt: row.effectiveAt }] : [];

/**
 * The list of scheduled changes reads the pending task queue: each of these task kinds is one
 * kind of future change (a dated change's `apply_change` takes the kind of its row).
 */
export const LISTED_TASK_KINDS = {
  complete_cancellation: 'cancellation',
  resume_pause: 'pause_end',
  expire_grace: 'grace_end',
  dunning_step: 'dunning_step',
  purge: 'purge',
} as const satisfies Partial<Record<TaskKind, ScheduledChangeKind>>;
export type ListedTaskKind = keyof typeof LISTED_TASK_KINDS;

/** The task kinds listing `kind` (a dated kind: `apply_change`, its rows then filtered by kind). */
export const taskKindsOf = (kind: ScheduledChangeKind | undefined): TaskKind[] => {
  const derived = Object.entries(LISTED_TASK_KINDS) as [ListedTaskKind, ScheduledChangeKind][];
  if (!kind) return ['apply_change', ...derived.map(([task]) => task)];
  const match = derived.find(([, listed]) => listed === kind);
  return match ? [match[0]] : ['apply_change'];
};

/**
 * A change's id in the list: a dated change's own documentId, or `<kind>:<documentId>` of the
 * entitlement (or, for a purge, the organization) whose state makes the change.
 */
export type ChangeId = { dated: string } | { kind: Exclude<ScheduledChangeKind, DatedChangeKind>; target: string };

export const derivedChangeId = (kind: ScheduledChangeKind, target: string) => `${kind}:${target}`;

/** Parses a change id; null for one naming no kind of change. */
export const parseChangeId = (id: string): ChangeId | null => {
  const colon = id.indexOf(':');
  if (colon < 0) return id ? { dated: id } : null;
  const kind = id.slice(0, colon) as ScheduledChangeKind;
  const target = id.slice(colon + 1);
  const derived = Object.values(LISTED_TASK_KINDS) as ScheduledChangeKind[];
  if (!SCHEDULED_CHANGE_KINDS.includes(kind) || !derived.includes(kind) || !target) return null;
  return { kind: kind as Exclude<ScheduledChangeKind, DatedChangeKind>, target };
};
