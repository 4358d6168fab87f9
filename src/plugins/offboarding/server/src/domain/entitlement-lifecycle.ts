import type {
  BillingPeriod,
  CancelTiming,
  DunningLevel,
  EntitlementStatus,
  PauseAccess,
  PolicySettings,
  RefundMode,
  SuspensionReason,
} from '../../../shared/contracts/constants';
import type { ErrorCode } from '../../../shared/contracts/error-codes';
import { addBillingPeriod, addDays } from './dates';
import { dunningCancelAt } from './dunning';
import { conflict, invalid } from './errors';
import { capRefund, computeRefund, type CappedRefund } from './refund';

/** What the rules need to know about an entitlement; dates already parsed. */
export interface EntitlementState {
  status: EntitlementStatus;
  price: number;
  billingPeriod: BillingPeriod;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  suspensionReason: SuspensionReason | null;
  graceEndsAt: Date | null;
  previousStatus: EntitlementStatus | null;
  cancelEffectiveAt: Date | null;
  cancelledAt: Date | null;
  /** A pause (docs/spec.md §13): since when, and when it ends by itself (null: on demand). */
  pausedAt: Date | null;
  resumeAt: Date | null;
  /** Dunning (docs/spec.md §13): read by the dunning stages only; absent reads as "not under dunning". */
  suspendedAt?: Date | null;
  dunningStagesDone?: number | null;
  dunningLevel?: DunningLevel | null;
}

/** The fields a transition writes; `null` clears a field. */
export interface EntitlementPatch {
  status?: EntitlementStatus;
  previousStatus?: EntitlementStatus | null;
  suspendedAt?: Date | null;
  suspensionReason?: SuspensionReason | null;
  suspensionReasonCode?: string | null;
  suspensionNotes?: string | null;
  graceEndsAt?: Date | null;
  cancellationReason?: string | null;
  cancellationNotes?: string | null;
  cancelRequestedAt?: Date | null;
  cancelRequestedBy?: string | null;
  cancelTiming?: CancelTiming | null;
  cancelEffectiveAt?: Date | null;
  cancelledAt?: Date | null;
  refundMode?: RefundMode | null;
  refundAmount?: number | null;
  prorateAsOf?: Date | null;
  reactivatedAt?: Date | null;
  currentPeriodStart?: Date | null;
  currentPeriodEnd?: Date | null;
  pausedAt?: Date | null;
  pauseReason?: string | null;
  pauseNotes?: string | null;
  pauseAccess?: PauseAccess | null;
  resumeAt?: Date | null;
  activatedAt?: Date | null;
  dunningStagesDone?: number | null;
  dunningLevel?: DunningLevel | null;
}

export type EntitlementAction =
  | 'suspend'
  | 'resume'
  | 'cancel'
  | 'undo_cancel'
  | 'reactivate'
  | 'expire_grace'
  | 'complete_cancellation'
  | 'pause'
  | 'end_pause'
  | 'activate';

/** Which statuses each action may start from (docs/spec.md §1 transitions table). */
export const ALLOWED_FROM: Readonly<Record<EntitlementAction, readonly EntitlementStatus[]>> = {
  suspend: ['active'],
  resume: ['suspended'],
  // A prospect may be cancelled (at once, nothing to refund); a paused one like an active one.
  cancel: ['active', 'suspended', 'paused', 'prospect'],
  undo_cancel: ['pending_cancellation'],
  reactivate: ['cancelled'],
  expire_grace: ['suspended'],
  complete_cancellation: ['pending_cancellation'],
  pause: ['active'],
  end_pause: ['paused'],
  // Nothing returns to `prospect`: no action lists it as a target, only `create` makes one.
  activate: ['prospect'],
};

const ACTION_LABEL: Record<EntitlementAction, string> = {
  suspend: 'suspend',
  resume: 'resume',
  cancel: 'cancel',
  undo_cancel: 'undo the cancellation of',
  reactivate: 'reactivate',
  expire_grace: 'end the grace period of',
  complete_cancellation: 'complete the cancellation of',
  pause: 'pause',
  end_pause: 'end the pause of',
  activate: 'activate',
};

/** The code of the 409 each refused transition answers (docs/spec.md §7). */
const TRANSITION_CODE: Record<EntitlementAction, ErrorCode> = {
  suspend: 'entitlement.not_suspendable',
  resume: 'entitlement.not_resumable',
  cancel: 'entitlement.not_cancellable',
  undo_cancel: 'entitlement.not_undoable',
  reactivate: 'entitlement.not_reactivatable',
  expire_grace: 'entitlement.grace_not_expirable',
  complete_cancellation: 'entitlement.cancellation_not_completable',
  pause: 'entitlement.not_pausable',
  end_pause: 'entitlement.pause_not_endable',
  activate: 'entitlement.not_activatable',
};

export const canTransition = (status: EntitlementStatus, action: EntitlementAction) =>
  ALLOWED_FROM[action].includes(status);

/** Refuses an action the state machine does not allow, naming the current status. */
export const assertTransition = (status: EntitlementStatus, action: EntitlementAction) => {
  if (!canTransition(status, action)) {
    throw conflict(TRANSITION_CODE[action], `Cannot ${ACTION_LABEL[action]} an entitlement whose status is "${status}"`, {
      currentStatus: status,
      action,
      allowedFrom: ALLOWED_FROM[action],
    });
  }
};

const CLEARED_SUSPENSION: EntitlementPatch = {
  suspendedAt: null,
  suspensionReason: null,
  suspensionReasonCode: null,
  suspensionNotes: null,
  graceEndsAt: null,
};

/** A suspension's dunning progress goes with it; written only when there is some (the default policy never has). */
const clearedDunning = (ent: EntitlementState): EntitlementPatch =>
  ent.dunningStagesDone != null || ent.dunningLevel != null ? { dunningStagesDone: null, dunningLevel: null } : {};

const CLEARED_CANCELLATION: EntitlementPatch = {
  previousStatus: null,
  cancellationReason: null,
  cancellationNotes: null,
  cancelRequestedAt: null,
  cancelRequestedBy: null,
  cancelTiming: null,
  cancelEffectiveAt: null,
  cancelledAt: null,
  refundMode: null,
  refundAmount: null,
  prorateAsOf: null,
};

const CLEARED_PAUSE: EntitlementPatch = {
  pausedAt: null,
  pauseReason: null,
  pauseNotes: null,
  pauseAccess: null,
  resumeAt: null,
};

export interface SuspendInput {
  reason: SuspensionReason;
  reasonCode: string;
  notes?: string | null;
  now: Date;
  /** Absent or null: the single grace period. A list: the dunning stages (domain/dunning.ts). */
  policy: Pick<PolicySettings, 'gracePeriodDays'> & Partial<Pick<PolicySettings, 'dunningStages'>>;
}

export const planSuspend = (ent: EntitlementState, input: SuspendInput): EntitlementPatch => {
  assertTransition(ent.status, 'suspend');
  const patch: EntitlementPatch = {
    status: 'suspended',
    suspendedAt: input.now,
    suspensionReason: input.reason,
    suspensionReasonCode: input.reasonCode,
    suspensionNotes: input.notes ?? null,
    graceEndsAt: input.reason === 'non_payment' ? addDays(input.now, input.policy.gracePeriodDays) : null,
  };
  const stages = input.policy.dunningStages;
  if (input.reason === 'non_payment' && stages) {
    // The stages replace the grace period: it ends with the cancel stage, never without one.
    return { ...patch, graceEndsAt: dunningCancelAt(stages, input.now), dunningStagesDone: 0, dunningLevel: 'none' };
  }
  return patch;
};

export const planResume = (ent: EntitlementState): EntitlementPatch => {
  assertTransition(ent.status, 'resume');
  return { status: 'active', ...CLEARED_SUSPENSION, ...clearedDunning(ent) };
};

/** Grace over for a non-payment suspension: cancelled for `payment_failure`, no refund. */
export const planGraceExpiry = (ent: EntitlementState, now: Date): EntitlementPatch | null => {
  if (!canTransition(ent.status, 'expire_grace')) return null;
  if (ent.suspensionReason !== 'non_payment' || !ent.graceEndsAt) return null;
  if (ent.graceEndsAt.getTime() > now.getTime()) return null;
  return {
    status: 'cancelled',
    previousStatus: null,
    cancellationReason: 'payment_failure',
    cancellationNotes: 'Grace period ended without payment',
    cancelRequestedAt: now,
    cancelRequestedBy: 'job',
    cancelTiming: 'immediate',
    cancelEffectiveAt: ent.graceEndsAt,
    cancelledAt: now,
    refundMode: 'none',
    refundAmount: 0,
    prorateAsOf: null,
  };
};

export interface CancelInput {
  timing: CancelTiming;
  effectiveAt?: Date | null;
  refund: RefundMode;
  prorateAsOf?: Date | null;
  reason: string;
  notes?: string | null;
  requestedBy: string;
  now: Date;
  policy: Pick<PolicySettings, 'refundEligible'>;
  /** What the refund ledger already holds for the current period (0 when nothing). */
  alreadyRefunded?: number;
}

export interface CancelPlan {
  patch: EntitlementPatch;
  effectiveAt: Date;
  /** Capped by what the current period has left to refund. */
  refund: CappedRefund;
  /** true when the cancellation takes effect at once, false when it becomes pending. */
  immediate: boolean;
}

const effectiveTimeOf = (ent: EntitlementState, input: CancelInput): Date => {
  const { timing, now } = input;
  if (timing === 'immediate') {
    if (input.effectiveAt) throw invalid('effectiveAt', 'effectiveAt is only accepted with timing "date"');
    return now;
  }
  if (timing === 'period_end') {
    if (input.effectiveAt) throw invalid('effectiveAt', 'effectiveAt is only accepted with timing "date"');
    if (!ent.currentPeriodEnd) {
      throw invalid('timing', 'the entitlement has no currentPeriodEnd: cancel "immediate" or on a "date"');
    }
    if (ent.currentPeriodEnd.getTime() <= now.getTime()) {
      throw invalid('timing', `the current period already ended (${ent.currentPeriodEnd.toISOString()}): cancel "immediate" or on a "date"`);
    }
    return ent.currentPeriodEnd;
  }
  if (!input.effectiveAt) throw invalid('effectiveAt', 'effectiveAt is required with timing "date"');
  if (input.effectiveAt.getTime() <= now.getTime()) {
    throw invalid('effectiveAt', 'effectiveAt must be in the future', {}, 'validation.date_not_in_future');
  }
  return input.effectiveAt;
};

/**
 * Cancel now, at period end or on a date. The refund is computed for the effective time
 * (or `prorateAsOf`, "immediately, prorated as of a date"), capped by what the period has
 * left to refund, and recorded with the request.
 */
export const planCancel = (ent: EntitlementState, input: CancelInput): CancelPlan => {
  assertTransition(ent.status, 'cancel');
  if (ent.status === 'prospect') {
    // Never billed: a prospect ends at once, with nothing to refund.
    if (input.timing !== 'immediate') throw invalid('timing', 'a prospect can only be cancelled "immediate"');
    if (input.refund !== 'none') throw invalid('refund', 'a prospect was never billed: refund must be "none"');
  }
  if (input.prorateAsOf && input.refund !== 'prorated') {
    throw invalid('prorateAsOf', 'prorateAsOf is only accepted with refund "prorated"');
  }
  const effectiveAt = effectiveTimeOf(ent, input);
  const computed = computeRefund({
    mode: input.refund,
    price: ent.price,
    billingPeriod: ent.billingPeriod,
    periodStart: ent.currentPeriodStart,
    periodEnd: ent.currentPeriodEnd,
    asOf: input.prorateAsOf ?? effectiveAt,
    refundEligible: input.policy.refundEligible,
  });
  const refund = capRefund(computed, { price: ent.price, alreadyRefunded: input.alreadyRefunded ?? 0 });
  const immediate = input.timing === 'immediate';
  const patch: EntitlementPatch = {
    status: immediate ? 'cancelled' : 'pending_cancellation',
    previousStatus: immediate ? null : ent.status,
    cancellationReason: input.reason,
    cancellationNotes: input.notes ?? null,
    cancelRequestedAt: input.now,
    cancelRequestedBy: input.requestedBy,
    cancelTiming: input.timing,
    cancelEffectiveAt: effectiveAt,
    cancelledAt: immediate ? input.now : null,
    refundMode: refund.mode,
    refundAmount: refund.amount,
    prorateAsOf: input.prorateAsOf ?? null,
  };
  return { patch, effectiveAt, refund, immediate };
};

/** Back to the status the entitlement had before the cancellation was requested. */
export const planUndoCancel = (ent: EntitlementState): EntitlementPatch => {
  assertTransition(ent.status, 'undo_cancel');
  // A paused entitlement goes back to its pause (its pause fields were kept while pending).
  const back: EntitlementStatus = ent.previousStatus === 'suspended' || ent.previousStatus === 'paused' ? ent.previousStatus : 'active';
  return { ...CLEARED_CANCELLATION, status: back };
};

/** The job's half of a pending cancellation: due when its effective time is reached. */
export const planCompleteCancellation = (ent: EntitlementState, now: Date): EntitlementPatch | null => {
  if (!canTransition(ent.status, 'complete_cancellation')) return null;
  if (!ent.cancelEffectiveAt || ent.cancelEffectiveAt.getTime() > now.getTime()) return null;
  return { status: 'cancelled', previousStatus: null, cancelledAt: ent.cancelEffectiveAt };
};

export interface ReactivateInput {
  now: Date;
  policy: Pick<PolicySettings, 'allowReactivation' | 'reactivationWindowDays'>;
  organizationArchived: boolean;
  organizationPurged: boolean;
}

export const reactivationDeadline = (cancelledAt: Date, windowDays: number): Date => addDays(cancelledAt, windowDays);

/**
 * Win-back. Allowed by policy, within the window after cancellation, and never for an archived
 * or purged organization. A period that ended meanwhile restarts now.
 */
export const planReactivate = (ent: EntitlementState, input: ReactivateInput): EntitlementPatch => {
  assertTransition(ent.status, 'reactivate');
  if (input.organizationPurged) throw conflict('organization.purged', 'Cannot reactivate: the organization was purged', { rule: 'purged' });
  if (input.organizationArchived) {
    throw conflict('organization.archived', 'Cannot reactivate: the organization is archived; unarchive it first', { rule: 'archived' });
  }
  if (!input.policy.allowReactivation) {
    throw conflict('entitlement.reactivation_not_allowed', 'Cannot reactivate: the cancellation policy does not allow reactivation', {
      rule: 'allowReactivation',
    });
  }
  const cancelledAt = ent.cancelledAt ?? input.now;
  const deadline = reactivationDeadline(cancelledAt, input.policy.reactivationWindowDays);
  if (input.now.getTime() > deadline.getTime()) {
    throw conflict('entitlement.reactivation_window_closed', `Cannot reactivate: the reactivation window closed on ${deadline.toISOString()}`, {
      rule: 'reactivationWindowDays',
      windowClosedAt: deadline.toISOString(),
    });
  }
  const patch: EntitlementPatch = { ...CLEARED_CANCELLATION, ...CLEARED_SUSPENSION, ...CLEARED_PAUSE, ...clearedDunning(ent), status: 'active', reactivatedAt: input.now };
  const periodOver = !ent.currentPeriodEnd || ent.currentPeriodEnd.getTime() <= input.now.getTime();
  const nextEnd = addBillingPeriod(input.now, ent.billingPeriod);
  if (periodOver && nextEnd) {
    patch.currentPeriodStart = input.now;
    patch.currentPeriodEnd = nextEnd;
  }
  return patch;
};

export interface PauseInput {
  reason: string;
  notes?: string | null;
  access: PauseAccess;
  /** null: until resumed on demand. */
  resumeAt?: Date | null;
  now: Date;
}

/** A customer-requested pause (docs/spec.md §13), now; billing stops until it ends. */
export const planPause = (ent: EntitlementState, input: PauseInput): EntitlementPatch => {
  assertTransition(ent.status, 'pause');
  const resumeAt = input.resumeAt ?? null;
  if (resumeAt && resumeAt.getTime() <= input.now.getTime()) {
    throw invalid('resumeAt', 'resumeAt must be after the start of the pause');
  }
  return {
    status: 'paused',
    pausedAt: input.now,
    pauseReason: input.reason,
    pauseNotes: input.notes ?? null,
    pauseAccess: input.access,
    resumeAt,
  };
};

/**
 * The end of a pause, on demand or by its job: active again, and the current period ends later
 * by the time paused (the customer did not use it), to the millisecond.
 */
export const planEndPause = (ent: EntitlementState, endedAt: Date): EntitlementPatch => {
  assertTransition(ent.status, 'end_pause');
  const patch: EntitlementPatch = { ...CLEARED_PAUSE, status: 'active' };
  if (ent.pausedAt && ent.currentPeriodEnd) {
    const paused = Math.max(0, endedAt.getTime() - ent.pausedAt.getTime());
    patch.currentPeriodEnd = new Date(ent.currentPeriodEnd.getTime() + paused);
  }
  return patch;
};

/**
 * The job's end of a pause: due when `resumeAt` is reached, else nothing (a repeat, a moved
 * date). The pause ends at `resumeAt` as agreed, however late the sweep runs (catch-up after
 * downtime), so the period end moves by exactly `resumeAt - pausedAt`.
 */
export const planPauseExpiry = (ent: EntitlementState, now: Date): EntitlementPatch | null => {
  if (!canTransition(ent.status, 'end_pause')) return null;
  if (!ent.resumeAt || ent.resumeAt.getTime() > now.getTime()) return null;
  return planEndPause(ent, ent.resumeAt);
};

/**
 * A prospect becomes a customer: active from now, never a prospect again. A billed entitlement
 * without a running period starts one now (as a reactivation does).
 */
export const planActivate = (ent: EntitlementState, now: Date): EntitlementPatch => {
  assertTransition(ent.status, 'activate');
  const patch: EntitlementPatch = { status: 'active', activatedAt: now };
  const periodOver = !ent.currentPeriodEnd || ent.currentPeriodEnd.getTime() <= now.getTime();
  const nextEnd = addBillingPeriod(now, ent.billingPeriod);
  if (periodOver && nextEnd) {
    patch.currentPeriodStart = now;
    patch.currentPeriodEnd = nextEnd;
  }
  return patch;
};
