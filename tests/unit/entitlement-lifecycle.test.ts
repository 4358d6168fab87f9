import {
  ALLOWED_FROM,
  assertTransition,
  canTransition,
  planCancel,
  planActivate,
  planCompleteCancellation,
  planEndPause,
  planGraceExpiry,
  planPause,
  planPauseExpiry,
  planReactivate,
  planResume,
  planSuspend,
  planUndoCancel,
  type CancelInput,
  type EntitlementAction,
  type EntitlementPatch,
  type EntitlementState,
  type ReactivateInput,
} from '../../src/plugins/offboarding/server/src/domain';
import { ENTITLEMENT_STATUSES, type EntitlementStatus } from '../../src/plugins/offboarding/shared/contracts/constants';
import { at, entitlement, expectDomainError } from './fixtures';

const NOW = at('2027-01-11T00:00:00Z');

const cancelInput = (overrides: Partial<CancelInput> = {}): CancelInput => ({
  timing: 'immediate',
  refund: 'none',
  reason: 'customer_request',
  notes: 'moving to another vendor',
  requestedBy: 'admin:7',
  now: NOW,
  policy: { refundEligible: true },
  ...overrides,
});

const reactivateInput = (overrides: Partial<ReactivateInput> = {}): ReactivateInput => ({
  now: at('2027-01-20T00:00:00Z'),
  policy: { allowReactivation: true, reactivationWindowDays: 90 },
  organizationArchived: false,
  organizationPurged: false,
  ...overrides,
});

/** docs/spec.md §1 transitions table, written out independently of ALLOWED_FROM. */
const SPEC_ALLOWED_FROM: Record<EntitlementAction, EntitlementStatus[]> = {
  suspend: ['active'],
  resume: ['suspended'],
  cancel: ['active', 'suspended', 'paused', 'prospect'],
  undo_cancel: ['pending_cancellation'],
  reactivate: ['cancelled'],
  expire_grace: ['suspended'],
  complete_cancellation: ['pending_cancellation'],
  // Issue 15 (docs/spec.md §13): nothing but create makes a prospect.
  pause: ['active'],
  end_pause: ['paused'],
  activate: ['prospect'],
};

const REFUSED: [EntitlementAction, EntitlementStatus][] = (
  Object.keys(SPEC_ALLOWED_FROM) as EntitlementAction[]
).flatMap((action) =>
  ENTITLEMENT_STATUSES.filter((s) => !SPEC_ALLOWED_FROM[action].includes(s)).map(
    (status): [EntitlementAction, EntitlementStatus] => [action, status]
  )
);

describe('state machine table', () => {
  it('ALLOWED_FROM matches the docs/spec.md §1 transitions table', () => {
    expect(ALLOWED_FROM).toEqual(SPEC_ALLOWED_FROM);
  });

  // 10 actions × 6 statuses, 13 allowed.
  it('lists 47 refused (action, status) pairs', () => {
    expect(REFUSED).toHaveLength(47);
  });

  const runUserAction: Partial<Record<EntitlementAction, (ent: EntitlementState) => unknown>> = {
    suspend: (ent) =>
      planSuspend(ent, { reason: 'manual', reasonCode: 'other', now: NOW, policy: { gracePeriodDays: 30 } }),
    resume: (ent) => planResume(ent),
    cancel: (ent) => planCancel(ent, cancelInput()),
    undo_cancel: (ent) => planUndoCancel(ent),
    reactivate: (ent) => planReactivate(ent, reactivateInput()),
    pause: (ent) => planPause(ent, { reason: 'customer_request', access: 'keep', now: NOW }),
    end_pause: (ent) => planEndPause(ent, NOW),
    activate: (ent) => planActivate(ent, NOW),
  };

  it.each(REFUSED)('refuses %s from "%s" (409 conflict naming the status)', (action, status) => {
    expect(canTransition(status, action)).toBe(false);
    const error = expectDomainError(() => assertTransition(status, action), 'conflict', {
      currentStatus: status,
      action,
    });
    expect(error.message).toContain(`"${status}"`);

    // An entitlement that would otherwise qualify for every job (grace and effective time both past).
    const ent = entitlement({
      status,
      suspensionReason: 'non_payment',
      graceEndsAt: at('2027-01-01T00:00:00Z'),
      cancelEffectiveAt: at('2027-01-01T00:00:00Z'),
      cancelledAt: at('2027-01-10T00:00:00Z'),
      pausedAt: at('2027-01-01T00:00:00Z'),
      resumeAt: at('2027-01-02T00:00:00Z'),
    });
    const plan = runUserAction[action];
    if (plan) {
      const planError = expectDomainError(() => plan(ent), 'conflict', { currentStatus: status });
      expect(planError.message).toContain(`"${status}"`);
    } else {
      // The scheduled jobs are guarded by row state: a wrong status is a no-op, not an error.
      const later = at('2027-06-01T00:00:00Z');
      const result =
        action === 'expire_grace' ? planGraceExpiry(ent, later) : action === 'complete_cancellation' ? planCompleteCancellation(ent, later) : null;
      expect(result).toBeNull();
    }
    // The pause's end by its job is guarded by row state too: a no-op, not an error.
    if (action === 'end_pause') expect(planPauseExpiry(ent, at('2027-06-01T00:00:00Z'))).toBeNull();
  });
});

describe('suspend', () => {
  it('non_payment sets graceEndsAt = now + gracePeriodDays', () => {
    const now = at('2027-01-10T12:00:00Z');
    const patch = planSuspend(entitlement(), {
      reason: 'non_payment',
      reasonCode: 'payment_failure',
      notes: 'card declined',
      now,
      policy: { gracePeriodDays: 30 },
    });
    expect(patch).toEqual<EntitlementPatch>({
      status: 'suspended',
      suspendedAt: now,
      suspensionReason: 'non_payment',
      suspensionReasonCode: 'payment_failure',
      suspensionNotes: 'card declined',
      graceEndsAt: at('2027-02-09T12:00:00Z'),
    });
  });

  it('uses the policy grace period (7 days)', () => {
    const patch = planSuspend(entitlement(), {
      reason: 'non_payment',
      reasonCode: 'payment_failure',
      now: at('2027-01-10T12:00:00Z'),
      policy: { gracePeriodDays: 7 },
    });
    expect(patch.graceEndsAt).toEqual(at('2027-01-17T12:00:00Z'));
    expect(patch.suspensionNotes).toBeNull();
  });

  it('manual suspension has no grace end', () => {
    const patch = planSuspend(entitlement(), {
      reason: 'manual',
      reasonCode: 'other',
      now: NOW,
      policy: { gracePeriodDays: 30 },
    });
    expect(patch.status).toBe('suspended');
    expect(patch.suspensionReason).toBe('manual');
    expect(patch.graceEndsAt).toBeNull();
  });
});

describe('resume', () => {
  it('returns to active and clears every suspension field', () => {
    const patch = planResume(
      entitlement({ status: 'suspended', suspensionReason: 'non_payment', graceEndsAt: at('2027-02-09T12:00:00Z') })
    );
    expect(patch).toEqual<EntitlementPatch>({
      status: 'active',
      suspendedAt: null,
      suspensionReason: null,
      suspensionReasonCode: null,
      suspensionNotes: null,
      graceEndsAt: null,
    });
  });
});

describe('cancel', () => {
  it.each<EntitlementStatus>(['active', 'suspended'])('immediate from %s → cancelled now', (from) => {
    const plan = planCancel(entitlement({ status: from }), cancelInput({ timing: 'immediate' }));
    expect(plan.immediate).toBe(true);
    expect(plan.effectiveAt).toEqual(NOW);
    expect(plan.patch).toEqual<EntitlementPatch>({
      status: 'cancelled',
      previousStatus: null,
      cancellationReason: 'customer_request',
      cancellationNotes: 'moving to another vendor',
      cancelRequestedAt: NOW,
      cancelRequestedBy: 'admin:7',
      cancelTiming: 'immediate',
      cancelEffectiveAt: NOW,
      cancelledAt: NOW,
      refundMode: 'none',
      refundAmount: 0,
      prorateAsOf: null,
    });
  });

  it.each<EntitlementStatus>(['active', 'suspended'])(
    'period_end from %s → pending_cancellation effective at currentPeriodEnd',
    (from) => {
      const plan = planCancel(entitlement({ status: from }), cancelInput({ timing: 'period_end' }));
      expect(plan.immediate).toBe(false);
      expect(plan.effectiveAt).toEqual(at('2027-01-31T00:00:00Z'));
      expect(plan.patch).toMatchObject<EntitlementPatch>({
        status: 'pending_cancellation',
        previousStatus: from,
        cancelTiming: 'period_end',
        cancelEffectiveAt: at('2027-01-31T00:00:00Z'),
        cancelledAt: null,
        cancelRequestedAt: NOW,
      });
    }
  );

  it.each<EntitlementStatus>(['active', 'suspended'])('date from %s → pending_cancellation on that date', (from) => {
    const date = at('2027-03-15T09:00:00Z');
    const plan = planCancel(entitlement({ status: from }), cancelInput({ timing: 'date', effectiveAt: date }));
    expect(plan.immediate).toBe(false);
    expect(plan.effectiveAt).toEqual(date);
    expect(plan.patch).toMatchObject<EntitlementPatch>({
      status: 'pending_cancellation',
      previousStatus: from,
      cancelTiming: 'date',
      cancelEffectiveAt: date,
      cancelledAt: null,
    });
  });

  it('immediate prorated: 10 of 30 days used on 3000 → refund 2000 recorded on the patch', () => {
    const plan = planCancel(entitlement(), cancelInput({ refund: 'prorated' }));
    expect(plan.refund.amount).toBe(2000);
    expect(plan.patch.refundMode).toBe('prorated');
    expect(plan.patch.refundAmount).toBe(2000);
  });

  it('date-cancel prorates from the date: effective Jan 21 of a 30-day period → 1000', () => {
    const plan = planCancel(
      entitlement(),
      cancelInput({ timing: 'date', effectiveAt: at('2027-01-21T00:00:00Z'), refund: 'prorated' })
    );
    expect(plan.refund.amount).toBe(1000);
  });

  it('period_end prorated refunds nothing (no unused time after the period end)', () => {
    const plan = planCancel(entitlement(), cancelInput({ timing: 'period_end', refund: 'prorated' }));
    expect(plan.refund.amount).toBe(0);
  });

  it('prorateAsOf overrides the effective time and is recorded', () => {
    const asOf = at('2027-01-16T00:00:00Z');
    const plan = planCancel(entitlement(), cancelInput({ timing: 'period_end', refund: 'prorated', prorateAsOf: asOf }));
    expect(plan.effectiveAt).toEqual(at('2027-01-31T00:00:00Z'));
    expect(plan.refund.amount).toBe(1500);
    expect(plan.patch.prorateAsOf).toEqual(asOf);
    expect(plan.patch.refundAmount).toBe(1500);
  });

  it('full refund records the period price', () => {
    const plan = planCancel(entitlement(), cancelInput({ refund: 'full' }));
    expect(plan.patch.refundMode).toBe('full');
    expect(plan.patch.refundAmount).toBe(3000);
  });
});

describe('undo cancel', () => {
  it.each<EntitlementStatus>(['active', 'suspended'])('returns to the previous status %s', (previous) => {
    const patch = planUndoCancel(
      entitlement({
        status: 'pending_cancellation',
        previousStatus: previous,
        cancelEffectiveAt: at('2027-01-31T00:00:00Z'),
      })
    );
    expect(patch.status).toBe(previous);
  });

  it('clears the cancellation record', () => {
    const patch = planUndoCancel(
      entitlement({ status: 'pending_cancellation', previousStatus: 'active', cancelEffectiveAt: at('2027-01-31T00:00:00Z') })
    );
    expect(patch).toEqual<EntitlementPatch>({
      status: 'active',
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
    });
  });

  it('back to suspended keeps the suspension (and its grace end) untouched', () => {
    const patch = planUndoCancel(
      entitlement({
        status: 'pending_cancellation',
        previousStatus: 'suspended',
        suspensionReason: 'non_payment',
        graceEndsAt: at('2027-02-09T12:00:00Z'),
      })
    );
    expect(patch.status).toBe('suspended');
    expect(patch).not.toHaveProperty('graceEndsAt');
    expect(patch).not.toHaveProperty('suspensionReason');
  });
});

describe('grace expiry (job)', () => {
  const graceEndsAt = at('2027-02-09T12:00:00Z');
  const suspended = entitlement({ status: 'suspended', suspensionReason: 'non_payment', graceEndsAt });

  it('does nothing before graceEndsAt', () => {
    expect(planGraceExpiry(suspended, new Date(graceEndsAt.getTime() - 1))).toBeNull();
  });

  it('cancels at graceEndsAt for payment_failure with no refund', () => {
    const patch = planGraceExpiry(suspended, graceEndsAt);
    expect(patch).toMatchObject<EntitlementPatch>({
      status: 'cancelled',
      cancellationReason: 'payment_failure',
      refundMode: 'none',
      refundAmount: 0,
      cancelledAt: graceEndsAt,
      cancelEffectiveAt: graceEndsAt,
    });
  });

  it('a late sweep cancels with cancelledAt = the sweep time and effective time = graceEndsAt', () => {
    const late = at('2027-02-12T03:00:00Z');
    const patch = planGraceExpiry(suspended, late);
    expect(patch?.status).toBe('cancelled');
    expect(patch?.cancelledAt).toEqual(late);
    expect(patch?.cancelEffectiveAt).toEqual(graceEndsAt);
  });

  it('never expires a manual suspension', () => {
    const manual = entitlement({ status: 'suspended', suspensionReason: 'manual', graceEndsAt: null });
    expect(planGraceExpiry(manual, at('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('does nothing for a non_payment suspension without graceEndsAt', () => {
    const noGrace = entitlement({ status: 'suspended', suspensionReason: 'non_payment', graceEndsAt: null });
    expect(planGraceExpiry(noGrace, at('2030-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('complete cancellation (job)', () => {
  const effective = at('2027-01-31T00:00:00Z');
  const pending = entitlement({ status: 'pending_cancellation', previousStatus: 'active', cancelEffectiveAt: effective });

  it('does nothing before the effective time', () => {
    expect(planCompleteCancellation(pending, new Date(effective.getTime() - 1))).toBeNull();
  });

  it('cancels at the effective time with cancelledAt = cancelEffectiveAt', () => {
    expect(planCompleteCancellation(pending, effective)).toEqual<EntitlementPatch>({
      status: 'cancelled',
      previousStatus: null,
      cancelledAt: effective,
    });
  });

  it('a sweep three days late still records cancelledAt = cancelEffectiveAt', () => {
    const patch = planCompleteCancellation(pending, at('2027-02-03T00:00:00Z'));
    expect(patch?.status).toBe('cancelled');
    expect(patch?.cancelledAt).toEqual(effective);
  });
});

describe('reactivate', () => {
  const cancelledAt = at('2027-01-20T00:00:00Z');
  const cancelled = entitlement({
    status: 'cancelled',
    cancelledAt,
    cancelEffectiveAt: cancelledAt,
    currentPeriodStart: at('2027-01-01T00:00:00Z'),
    currentPeriodEnd: at('2027-01-31T00:00:00Z'),
  });
  // cancelledAt + 90 days
  const deadline = at('2027-04-20T00:00:00Z');

  it('within the period: back to active, cancellation and suspension cleared, period kept', () => {
    const now = at('2027-01-25T00:00:00Z');
    const patch = planReactivate(cancelled, reactivateInput({ now }));
    expect(patch).toMatchObject<EntitlementPatch>({
      status: 'active',
      reactivatedAt: now,
      previousStatus: null,
      cancelledAt: null,
      cancelEffectiveAt: null,
      cancellationReason: null,
      refundAmount: null,
      suspensionReason: null,
      graceEndsAt: null,
    });
    expect(patch).not.toHaveProperty('currentPeriodStart');
    expect(patch).not.toHaveProperty('currentPeriodEnd');
  });

  it('is allowed on the last instant of the window (now = cancelledAt + reactivationWindowDays)', () => {
    expect(planReactivate(cancelled, reactivateInput({ now: deadline })).status).toBe('active');
  });

  it('is refused one millisecond after the window closed', () => {
    const error = expectDomainError(
      () => planReactivate(cancelled, reactivateInput({ now: new Date(deadline.getTime() + 1) })),
      'conflict',
      { rule: 'reactivationWindowDays', windowClosedAt: '2027-04-20T00:00:00.000Z' }
    );
    expect(error.message).toContain('2027-04-20T00:00:00.000Z');
  });

  it('uses the policy window length (10 days)', () => {
    const policy = { allowReactivation: true, reactivationWindowDays: 10 };
    expect(planReactivate(cancelled, reactivateInput({ now: at('2027-01-30T00:00:00Z'), policy })).status).toBe('active');
    expectDomainError(
      () => planReactivate(cancelled, reactivateInput({ now: at('2027-01-30T00:00:01Z'), policy })),
      'conflict',
      { rule: 'reactivationWindowDays' }
    );
  });

  it('is refused when the policy does not allow reactivation', () => {
    expectDomainError(
      () =>
        planReactivate(
          cancelled,
          reactivateInput({ now: at('2027-01-21T00:00:00Z'), policy: { allowReactivation: false, reactivationWindowDays: 90 } })
        ),
      'conflict',
      { rule: 'allowReactivation' }
    );
  });

  it.each([
    ['archived', { organizationArchived: true }],
    ['purged', { organizationPurged: true }],
    ['purged', { organizationArchived: true, organizationPurged: true }],
  ] as const)('is refused when the organization is %s', (rule, flags) => {
    expectDomainError(
      () => planReactivate(cancelled, reactivateInput({ now: at('2027-01-21T00:00:00Z'), ...flags })),
      'conflict',
      { rule }
    );
  });

  it('after the month ended, a new monthly period starts now (Mar 31 → Apr 30)', () => {
    const now = at('2027-03-31T09:30:00Z');
    const patch = planReactivate(cancelled, reactivateInput({ now }));
    expect(patch.currentPeriodStart).toEqual(now);
    expect(patch.currentPeriodEnd).toEqual(at('2027-04-30T09:30:00Z'));
  });

  it('after the year ended, a new yearly period starts now (Feb 29 2028 → Feb 28 2029)', () => {
    const yearly = entitlement({
      status: 'cancelled',
      billingPeriod: 'year',
      price: 36000,
      currentPeriodStart: at('2027-02-01T00:00:00Z'),
      currentPeriodEnd: at('2028-02-01T00:00:00Z'),
      cancelledAt: at('2028-01-15T00:00:00Z'),
    });
    const now = at('2028-02-29T00:00:00Z');
    const patch = planReactivate(yearly, reactivateInput({ now }));
    expect(patch.status).toBe('active');
    expect(patch.currentPeriodStart).toEqual(now);
    expect(patch.currentPeriodEnd).toEqual(at('2029-02-28T00:00:00Z'));
  });

  it('billingPeriod none gets no period even though none is running', () => {
    const oneOff = entitlement({
      status: 'cancelled',
      billingPeriod: 'none',
      currentPeriodStart: null,
      currentPeriodEnd: null,
      cancelledAt,
    });
    const patch = planReactivate(oneOff, reactivateInput({ now: at('2027-02-01T00:00:00Z') }));
    expect(patch.status).toBe('active');
    expect(patch).not.toHaveProperty('currentPeriodStart');
    expect(patch).not.toHaveProperty('currentPeriodEnd');
  });
});

describe('plan functions do not mutate their input', () => {
  const snapshot = (ent: EntitlementState): EntitlementState => structuredClone(ent);

  const cases: [string, EntitlementState, (ent: EntitlementState) => unknown][] = [
    [
      'planSuspend',
      entitlement(),
      (ent) =>
        planSuspend(ent, { reason: 'non_payment', reasonCode: 'payment_failure', now: NOW, policy: { gracePeriodDays: 30 } }),
    ],
    [
      'planResume',
      entitlement({ status: 'suspended', suspensionReason: 'manual' }),
      (ent) => planResume(ent),
    ],
    [
      'planCancel',
      entitlement({ status: 'suspended', suspensionReason: 'manual' }),
      (ent) => planCancel(ent, cancelInput({ timing: 'period_end', refund: 'prorated', prorateAsOf: at('2027-01-16T00:00:00Z') })),
    ],
    [
      'planUndoCancel',
      entitlement({ status: 'pending_cancellation', previousStatus: 'suspended', cancelEffectiveAt: at('2027-01-31T00:00:00Z') }),
      (ent) => planUndoCancel(ent),
    ],
    [
      'planGraceExpiry',
      entitlement({ status: 'suspended', suspensionReason: 'non_payment', graceEndsAt: at('2027-01-05T00:00:00Z') }),
      (ent) => planGraceExpiry(ent, NOW),
    ],
    [
      'planCompleteCancellation',
      entitlement({ status: 'pending_cancellation', previousStatus: 'active', cancelEffectiveAt: at('2027-01-05T00:00:00Z') }),
      (ent) => planCompleteCancellation(ent, NOW),
    ],
    [
      'planReactivate',
      entitlement({ status: 'cancelled', cancelledAt: at('2027-01-20T00:00:00Z') }),
      (ent) => planReactivate(ent, reactivateInput({ now: at('2027-03-31T09:30:00Z') })),
    ],
  ];

  it.each(cases)('%s leaves the entitlement (and its dates) unchanged', (_name, ent, plan) => {
    const before = snapshot(ent);
    const result = plan(ent);
    expect(result).not.toBeNull();
    expect(ent).toEqual(before);
  });

  it('planCancel does not mutate the input object or its dates', () => {
    const input = cancelInput({ timing: 'date', effectiveAt: at('2027-01-21T00:00:00Z'), refund: 'prorated' });
    const before = structuredClone(input);
    planCancel(entitlement(), input);
    expect(input).toEqual(before);
  });
});
