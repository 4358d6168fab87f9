import {
  planActivate,
  planCancel,
  planEndPause,
  planPause,
  planPauseExpiry,
  planReactivate,
  planUndoCancel,
  type CancelInput,
} from '../../src/plugins/offboarding/server/src/domain';
import { at, entitlement, expectDomainError } from './fixtures';

const NOW = at('2027-01-11T00:00:00Z');

describe('pause (docs/spec.md §13)', () => {
  it('pauses an active entitlement now, with its reason, notes, access and end', () => {
    const resumeAt = at('2027-01-21T00:00:00Z');
    expect(planPause(entitlement(), { reason: 'customer_request', notes: 'holiday', access: 'block', resumeAt, now: NOW })).toEqual({
      status: 'paused',
      pausedAt: NOW,
      pauseReason: 'customer_request',
      pauseNotes: 'holiday',
      pauseAccess: 'block',
      resumeAt,
    });
  });

  it('pauses until resumed on demand when there is no resumeAt', () => {
    const patch = planPause(entitlement(), { reason: 'customer_request', access: 'keep', now: NOW });
    expect(patch.resumeAt).toBeNull();
    expect(patch.pauseNotes).toBeNull();
  });

  it.each([
    ['at the start', NOW],
    ['before the start', at('2027-01-10T23:59:59.999Z')],
  ])('refuses a resumeAt %s (400 naming resumeAt)', (_label, resumeAt) => {
    expectDomainError(() => planPause(entitlement(), { reason: 'x', access: 'keep', resumeAt, now: NOW }), 'invalid', { field: 'resumeAt' });
  });

  it('accepts a resumeAt one millisecond after the start', () => {
    const resumeAt = new Date(NOW.getTime() + 1);
    expect(planPause(entitlement(), { reason: 'x', access: 'keep', resumeAt, now: NOW }).resumeAt).toEqual(resumeAt);
  });

  it.each(['suspended', 'paused', 'pending_cancellation', 'cancelled', 'prospect'] as const)('refuses to pause a %s entitlement (409 naming it)', (status) => {
    const error = expectDomainError(() => planPause(entitlement({ status }), { reason: 'x', access: 'keep', now: NOW }), 'conflict', { currentStatus: status });
    expect(error.message).toContain(`"${status}"`);
  });
});

describe('end of a pause', () => {
  const paused = entitlement({
    status: 'paused',
    pausedAt: at('2027-01-11T00:00:00Z'),
    resumeAt: at('2027-01-21T00:00:00Z'),
  });

  it('on demand: active, pause fields cleared, the period end later by exactly the time paused', () => {
    const patch = planEndPause(paused, at('2027-01-15T06:00:00Z'));
    expect(patch).toEqual({
      status: 'active',
      pausedAt: null,
      pauseReason: null,
      pauseNotes: null,
      pauseAccess: null,
      resumeAt: null,
      // 4 days 6 hours paused: 2027-01-31T00:00Z + 4d6h.
      currentPeriodEnd: at('2027-02-04T06:00:00Z'),
    });
  });

  it('leaves the period alone for an entitlement without a period end', () => {
    expect(planEndPause({ ...paused, billingPeriod: 'none', currentPeriodEnd: null }, at('2027-01-15T00:00:00Z'))).not.toHaveProperty('currentPeriodEnd');
  });

  it('by its job: nothing before resumeAt, to the millisecond', () => {
    expect(planPauseExpiry(paused, at('2027-01-20T23:59:59.999Z'))).toBeNull();
  });

  it('by its job at resumeAt: the period end moves by resumeAt - pausedAt', () => {
    expect(planPauseExpiry(paused, at('2027-01-21T00:00:00Z'))?.currentPeriodEnd).toEqual(at('2027-02-10T00:00:00Z'));
  });

  it('by its job days late (catch-up after downtime): still moved by resumeAt - pausedAt exactly', () => {
    const patch = planPauseExpiry(paused, at('2027-03-01T00:00:00Z'));
    expect(patch?.status).toBe('active');
    expect(patch?.currentPeriodEnd).toEqual(at('2027-02-10T00:00:00Z'));
  });

  it('by its job: nothing for a pause without resumeAt, nor once it is over (a repeat)', () => {
    expect(planPauseExpiry({ ...paused, resumeAt: null }, at('2027-06-01T00:00:00Z'))).toBeNull();
    expect(planPauseExpiry({ ...paused, status: 'active' }, at('2027-06-01T00:00:00Z'))).toBeNull();
  });

  it('refuses to end the pause of an active entitlement (409)', () => {
    expectDomainError(() => planEndPause(entitlement(), NOW), 'conflict', { currentStatus: 'active', action: 'end_pause' });
  });
});

describe('cancellation of a paused entitlement', () => {
  const cancelInput = (overrides: Partial<CancelInput> = {}): CancelInput => ({
    timing: 'date',
    effectiveAt: at('2027-01-20T00:00:00Z'),
    refund: 'none',
    reason: 'customer_request',
    requestedBy: 'admin:1',
    now: NOW,
    policy: { refundEligible: true },
    ...overrides,
  });

  it('is pending from paused and its undo goes back to the pause', () => {
    const paused = entitlement({ status: 'paused', pausedAt: at('2027-01-05T00:00:00Z') });
    const plan = planCancel(paused, cancelInput());
    expect(plan.patch).toMatchObject({ status: 'pending_cancellation', previousStatus: 'paused' });
    expect(planUndoCancel({ ...paused, status: 'pending_cancellation', previousStatus: 'paused' })).toMatchObject({ status: 'paused' });
  });

  it('reactivation after it clears the pause fields', () => {
    const cancelled = entitlement({ status: 'cancelled', cancelledAt: at('2027-01-10T00:00:00Z'), pausedAt: at('2027-01-05T00:00:00Z') });
    const patch = planReactivate(cancelled, { now: NOW, policy: { allowReactivation: true, reactivationWindowDays: 30 }, organizationArchived: false, organizationPurged: false });
    expect(patch).toMatchObject({ status: 'active', pausedAt: null, pauseAccess: null, resumeAt: null });
  });
});

describe('prospect', () => {
  const prospect = entitlement({ status: 'prospect', currentPeriodStart: null, currentPeriodEnd: null });

  it('activates: active, activatedAt now, a billed one starts its first period now', () => {
    expect(planActivate(prospect, NOW)).toEqual({
      status: 'active',
      activatedAt: NOW,
      currentPeriodStart: NOW,
      currentPeriodEnd: at('2027-02-11T00:00:00Z'),
    });
  });

  it('keeps a period that still runs', () => {
    const running = entitlement({ status: 'prospect' });
    expect(planActivate(running, NOW)).toEqual({ status: 'active', activatedAt: NOW });
  });

  it('starts no period for a one-off (billingPeriod none)', () => {
    expect(planActivate({ ...prospect, billingPeriod: 'none' }, NOW)).toEqual({ status: 'active', activatedAt: NOW });
  });

  it.each(['active', 'paused', 'suspended', 'pending_cancellation', 'cancelled'] as const)('refuses to activate a %s entitlement (409)', (status) => {
    expectDomainError(() => planActivate(entitlement({ status }), NOW), 'conflict', { currentStatus: status, action: 'activate' });
  });

  it('is cancelled only at once and without a refund (400 naming the field)', () => {
    const base: CancelInput = { timing: 'immediate', refund: 'none', reason: 'r', requestedBy: 'admin:1', now: NOW, policy: { refundEligible: true } };
    expect(planCancel(prospect, base).patch).toMatchObject({ status: 'cancelled', refundAmount: 0 });
    expectDomainError(() => planCancel(prospect, { ...base, timing: 'date', effectiveAt: at('2027-02-01T00:00:00Z') }), 'invalid', { field: 'timing' });
    expectDomainError(() => planCancel(prospect, { ...base, refund: 'full' }), 'invalid', { field: 'refund' });
  });
});
