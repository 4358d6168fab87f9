import type { EntitlementState } from './entitlement-lifecycle';
import type { TaskKind } from '../../../shared/contracts/constants';
import { addDays } from './dates';

export interface DesiredTask {
  kind: TaskKind;
  dueAt: Date;
}

/** What must happen later to an entitlement, derived from its state alone. */
export const desiredEntitlementTasks = (ent: EntitlementState): DesiredTask[] => {
  if (ent.status === 'pending_cancellation' && ent.cancelEffectiveAt) {
    return [{ kind: 'complete_cancellation', dueAt: ent.cancelEffectiveAt }];
  }
  if (ent.status === 'suspended' && ent.suspensionReason === 'non_payment' && ent.graceEndsAt) {
    return [{ kind: 'expire_grace', dueAt: ent.graceEndsAt }];
  }
  return [];
};

export interface OrganizationRetentionState {
  archivedAt: Date | null;
  retentionUntil: Date | null;
  purgeState: 'none' | 'scheduled' | 'purged';
  purgeAfter: Date | null;
  legalHold: boolean;
  /** true when every entitlement is cancelled (or there is none). */
  allCancelled: boolean;
}

/** An organization may be queued or purged only when archived, fully cancelled and not on hold. */
export const purgeBlockers = (org: OrganizationRetentionState): string[] => {
  const blockers: string[] = [];
  if (!org.archivedAt) blockers.push('not archived');
  if (!org.allCancelled) blockers.push('has entitlements that are not cancelled');
  if (org.legalHold) blockers.push('under legal hold');
  if (org.purgeState === 'purged') blockers.push('already purged');
  return blockers;
};

export const desiredOrganizationTasks = (org: OrganizationRetentionState): DesiredTask[] => {
  if (purgeBlockers(org).length) return [];
  if (org.purgeState === 'none' && org.retentionUntil) return [{ kind: 'flag_retention', dueAt: org.retentionUntil }];
  if (org.purgeState === 'scheduled' && org.purgeAfter) return [{ kind: 'purge', dueAt: org.purgeAfter }];
  return [];
};

/** The retention sweep's decision: queue for purge after the review window, or leave alone. */
export const planRetentionFlag = (
  org: OrganizationRetentionState,
  now: Date,
  purgeReviewDays: number
): { purgeState: 'scheduled'; purgeAfter: Date } | null => {
  if (purgeBlockers(org).length || org.purgeState !== 'none') return null;
  if (!org.retentionUntil || org.retentionUntil.getTime() > now.getTime()) return null;
  return { purgeState: 'scheduled', purgeAfter: addDays(now, purgeReviewDays) };
};

/** The purge sweep's guard: queued, due, and still purgeable. */
export const canPurge = (org: OrganizationRetentionState, now: Date): boolean =>
  org.purgeState === 'scheduled' &&
  purgeBlockers(org).length === 0 &&
  Boolean(org.purgeAfter && org.purgeAfter.getTime() <= now.getTime());
