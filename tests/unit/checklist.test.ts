/**
 * The checklist's rules with plain values: the current step, the automatic ticks in order,
 * what an admin may complete or skip, and how the stored progress is read back.
 */
import { DomainError } from '../../src/plugins/offboarding/server/src/domain/errors';
import {
  describeChecklist,
  planAutomaticTicks,
  planComplete,
  planSkip,
  readProgress,
  type ChecklistFacts,
  type ChecklistProgress,
  type ChecklistRunState,
  type StepRecord,
} from '../../src/plugins/offboarding/server/src/domain/checklist';

const AT = '2027-01-11T00:00:00.000Z';
const done = (by: string | null = 'admin@test.local'): StepRecord => ({ state: 'done', at: AT, by, note: null, reason: null });
const run = (progress: ChecklistProgress, completedAt: string | null = null): ChecklistRunState => ({
  startedAt: AT,
  startedBy: 'admin@test.local',
  completedAt,
  progress,
});
const facts = (overrides: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  entitlements: [{ status: 'active', provisioningState: 'none' }],
  exportReady: false,
  archived: false,
  ...overrides,
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('automatic ticks', () => {
  it('tick from the current step on, in order, and stop at the first manual step or unmet condition', () => {
    const cancelled = { status: 'cancelled' as const, provisioningState: 'done' };
    expect(planAutomaticTicks({}, facts({ entitlements: [cancelled], exportReady: true, archived: true }))).toEqual([]);
    const reviewed = { review_entitlements: done() };
    expect(planAutomaticTicks(reviewed, facts())).toEqual([]);
    expect(planAutomaticTicks(reviewed, facts({ entitlements: [cancelled] }))).toEqual(['cancel_entitlements', 'downstream_cleanup']);
    expect(planAutomaticTicks(reviewed, facts({ entitlements: [cancelled], exportReady: true, archived: true }))).toEqual([
      'cancel_entitlements',
      'downstream_cleanup',
      'data_export',
    ]);
    const notified: ChecklistProgress = {
      ...reviewed,
      cancel_entitlements: done(null),
      downstream_cleanup: done(null),
      data_export: done(null),
      notify_customer: done(),
    };
    expect(planAutomaticTicks(notified, facts({ archived: true }))).toEqual(['archive']);
  });

  it('count a pending cancellation as cancelled, but not as cleaned up; pending or failed deprovisioning holds cleanup', () => {
    const reviewed = { review_entitlements: done() };
    expect(planAutomaticTicks(reviewed, facts({ entitlements: [{ status: 'pending_cancellation', provisioningState: 'none' }] }))).toEqual([
      'cancel_entitlements',
    ]);
    for (const provisioningState of ['pending', 'failed']) {
      expect(planAutomaticTicks(reviewed, facts({ entitlements: [{ status: 'cancelled', provisioningState }] }))).toEqual(['cancel_entitlements']);
    }
    expect(planAutomaticTicks(reviewed, facts({ entitlements: [] }))).toEqual(['cancel_entitlements', 'downstream_cleanup']);
  });
});

describe('admin actions', () => {
  it('complete only the current manual step', () => {
    expect(planComplete(run({}), 'review_entitlements', 'a@b.c', 'ok', AT)).toEqual({ state: 'done', at: AT, by: 'a@b.c', note: 'ok', reason: null });
    expect(refusal(() => planComplete(run({}), 'notify_customer', 'a@b.c', null, AT))).toEqual({
      kind: 'conflict',
      message: 'The step "notify_customer" is not the current one: "review_entitlements" comes first',
    });
    expect(refusal(() => planComplete(run({ review_entitlements: done() }), 'review_entitlements', 'a@b.c', null, AT)).message).toBe(
      'The step "review_entitlements" is already done'
    );
    expect(refusal(() => planComplete(run({ review_entitlements: done() }), 'cancel_entitlements', 'a@b.c', null, AT)).kind).toBe('invalid');
    expect(refusal(() => planComplete(run({}, AT), 'review_entitlements', 'a@b.c', null, AT)).message).toBe(
      'The offboarding checklist is already complete'
    );
  });

  it('skip the current step, automatic or manual, with its reason', () => {
    expect(planSkip(run({ review_entitlements: done() }), 'cancel_entitlements', 'a@b.c', 'reseller', AT)).toEqual({
      state: 'skipped',
      at: AT,
      by: 'a@b.c',
      note: null,
      reason: 'reseller',
    });
    expect(refusal(() => planSkip(run({}), 'archive', 'a@b.c', 'later', AT)).kind).toBe('conflict');
  });
});

describe('reading and showing', () => {
  it('reads the stored progress strictly: known steps, known states, in order only', () => {
    const stored = {
      review_entitlements: { state: 'done', at: AT, by: 'a@b.c', note: 'n', reason: null, extra: 1 },
      cancel_entitlements: { state: 'maybe', at: AT },
      data_export: { state: 'done', at: AT },
      teleport: { state: 'done', at: AT },
    };
    expect(readProgress(stored)).toEqual({ review_entitlements: { state: 'done', at: AT, by: 'a@b.c', note: 'n', reason: null } });
    expect(readProgress(JSON.stringify(stored))).toEqual(readProgress(stored));
    expect(readProgress(null)).toEqual({});
    expect(readProgress([1, 2])).toEqual({});
  });

  it('shows a run not started as all waiting, and a finished one with no current step', () => {
    const notStarted = describeChecklist('org1', null, facts());
    expect(notStarted.current).toBeNull();
    expect(notStarted.steps.map((s) => s.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(notStarted.steps.map((s) => s.conditionMet)).toEqual([null, false, false, false, null, false]);
    const started = describeChecklist('org1', run({ review_entitlements: done() }), facts());
    expect(started.current).toBe('cancel_entitlements');
    expect(started.steps.map((s) => s.state)).toEqual(['done', 'current', 'waiting', 'waiting', 'waiting', 'waiting']);
    const all: ChecklistProgress = {
      review_entitlements: done(),
      cancel_entitlements: { ...done(), state: 'skipped', reason: 'reseller' },
      downstream_cleanup: done(null),
      data_export: done(null),
      notify_customer: done(),
      archive: done(null),
    };
    const finished = describeChecklist('org1', run(all, AT), facts({ archived: true }));
    expect(finished).toMatchObject({ completedAt: AT, current: null });
    expect(finished.steps.map((s) => s.state)).toEqual(['done', 'skipped', 'done', 'done', 'done', 'done']);
    expect(finished.steps[1]).toMatchObject({ skipReason: 'reseller', completedBy: 'admin@test.local' });
  });
});
