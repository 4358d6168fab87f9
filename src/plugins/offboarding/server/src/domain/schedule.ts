import type { EntitlementState } from './entitlement-lifecycle';
import type { DunningStage, TaskKind } from '../../../shared/contracts/constants';
import { addDays, DAY_MS } from './dates';
import { nextDunningStep } from './dunning';

export interface DesiredTask {
  kind: TaskKind;
  dueAt: Date;
}

/**
 * Reminder notices (docs/spec.md §11), derived like the rest: N days before a cancellation takes
 * effect, a grace period ends or a purge runs. `now` leaves out a reminder whose time is more
 * than REMINDER_SLACK_MS past (a cancellation scheduled 3 days out gets no 7-day reminder, and a
 * reminder is never sent days late); without `reminders`, none is derived.
 */
export interface ReminderSettings {
  now: Date;
  cancellationReminderDays?: number;
  graceReminderDays?: readonly number[];
  purgeWarningDays?: readonly number[];
}

/** How late a reminder may still go out: the sweeps run every minute, a day covers an outage. */
export const REMINDER_SLACK_MS = DAY_MS;

const reminders = (kind: TaskKind, at: Date, days: readonly number[] | undefined, settings: ReminderSettings | undefined): DesiredTask[] => {
  if (!settings || !days) return [];
  const out: DesiredTask[] = [];
  for (const n of new Set(days)) {
    if (!(n > 0)) continue;
    const dueAt = addDays(at, -n);
    // Never for a date already reached, nor for a reminder whose time is long past.
    if (dueAt.getTime() < at.getTime() && dueAt.getTime() > settings.now.getTime() - REMINDER_SLACK_MS && at.getTime() > settings.now.getTime()) {
      out.push({ kind, dueAt });
    }
  }
  return out;
};

/**
 * What must happen later to an entitlement, derived from its state alone. `dunningStages`: the
 * stages of the policy governing it (docs/spec.md §13). A non-payment suspension begun under
 * stages (`dunningStagesDone` set) waits for its next stage and for its cancel stage (`graceEndsAt`,
 * none without one); the stages' `notify` replace the grace reminders. Any other follows the
 * single grace period with its reminders, as before the stages.
 */
export const desiredEntitlementTasks = (ent: EntitlementState, settings?: ReminderSettings, dunningStages?: readonly DunningStage[] | null): DesiredTask[] => {
  if (ent.status === 'suspended' && ent.suspensionReason === 'non_payment' && dunningStages && ent.dunningStagesDone != null) {
    const next = nextDunningStep(ent, dunningStages);
    return [
      ...(next ? [{ kind: 'dunning_step' as const, dueAt: next.dueAt }] : []),
      ...(ent.graceEndsAt ? [{ kind: 'expire_grace' as const, dueAt: ent.graceEndsAt }] : []),
    ];
  }
  if (ent.status === 'pending_cancellation' && ent.cancelEffectiveAt) {
    const days = settings?.cancellationReminderDays ? [settings.cancellationReminderDays] : undefined;
    return [{ kind: 'complete_cancellation', dueAt: ent.cancelEffectiveAt }, ...reminders('remind_cancellation', ent.cancelEffectiveAt, days, settings)];
  }
  if (ent.status === 'suspended' && ent.suspensionReason === 'non_payment' && ent.graceEndsAt) {
    return [{ kind: 'expire_grace', dueAt: ent.graceEndsAt }, ...reminders('remind_grace', ent.graceEndsAt, settings?.graceReminderDays, settings)];
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

export const desiredOrganizationTasks = (org: OrganizationRetentionState, settings?: ReminderSettings): DesiredTask[] => {
  if (purgeBlockers(org).length) return [];
  if (org.purgeState === 'none' && org.retentionUntil) return [{ kind: 'flag_retention', dueAt: org.retentionUntil }];
  if (org.purgeState === 'scheduled' && org.purgeAfter) {
    return [{ kind: 'purge', dueAt: org.purgeAfter }, ...reminders('warn_purge', org.purgeAfter, settings?.purgeWarningDays, settings)];
  }
  return [];
};

/**
 * The reminder of `kind` a target's state calls for now: the latest one due (two due at once —
 * the sweeps were down — send one, not both), with its distance in days to the date it announces.
 */
export const dueReminder = (desired: DesiredTask[], kind: TaskKind, now: Date, target: Date | null): { dueAt: Date; daysLeft: number } | null => {
  const due = desired.filter((t) => t.kind === kind && t.dueAt.getTime() <= now.getTime()).sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())[0];
  if (!due || !target) return null;
  return { dueAt: due.dueAt, daysLeft: Math.round((target.getTime() - due.dueAt.getTime()) / DAY_MS) };
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
