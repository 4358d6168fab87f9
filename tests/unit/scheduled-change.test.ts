import { DomainError } from '../../src/plugins/offboarding/server/src/domain/errors';
import {
  assertFuture,
  assertSchedulable,
  derivedChangeId,
  desiredChangeTasks,
  parseChangeId,
  taskKindsOf,
  type DatedChangeTarget,
} from '../../src/plugins/offboarding/server/src/domain/scheduled-change';
import { ENTITLEMENT_STATUSES } from '../../src/plugins/offboarding/shared/contracts/constants';
import { DATED_CHANGE_KINDS, type DatedChangeKind } from '../../src/plugins/offboarding/shared/contracts/lifecycle';

const NOW = new Date('2027-01-11T00:00:00Z');

/** The refusal a rule throws, or null when it allows. */
const refusal = (fn: () => void): { kind: string; message: string; details: Record<string, unknown> } | null => {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { kind: error.kind, message: error.message, details: error.details };
  }
};

const target = (over: Partial<DatedChangeTarget> = {}): DatedChangeTarget => ({ status: 'active', accessStatus: 'enabled', purged: false, ...over });

describe('assertFuture: a dated change is ahead of now', () => {
  it('refuses now and any earlier time, naming the field it was given', () => {
    expect(refusal(() => assertFuture(NOW, NOW, 'effectiveAt'))).toMatchObject({ kind: 'invalid', details: { field: 'effectiveAt' } });
    expect(refusal(() => assertFuture(new Date(NOW.getTime() - 1), NOW, 'startAt'))).toMatchObject({ kind: 'invalid', details: { field: 'startAt' } });
  });
  it('allows a millisecond later', () => {
    expect(refusal(() => assertFuture(new Date(NOW.getTime() + 1), NOW, 'effectiveAt'))).toBeNull();
  });
});

describe('assertSchedulable: allowed from the target as it stands', () => {
  /** Which statuses each entitlement kind may be scheduled from. */
  const ALLOWED: Record<'suspend' | 'resume' | 'pause', string[]> = {
    suspend: ['active'],
    resume: ['paused', 'suspended'],
    pause: ['active'],
  };
  it.each(Object.entries(ALLOWED))('%s: from %j only; any other status is a conflict naming it', (kind, allowed) => {
    for (const status of ENTITLEMENT_STATUSES) {
      const result = refusal(() => assertSchedulable(kind as DatedChangeKind, target({ status })));
      if (allowed.includes(status)) expect(result).toBeNull();
      else {
        expect(result).toMatchObject({ kind: 'conflict', details: { currentStatus: status } });
        expect(result?.message).toContain(`"${status}"`);
      }
    }
  });

  it('access changes: refused when access is already so, allowed otherwise', () => {
    expect(refusal(() => assertSchedulable('disable_access', target({ status: null })))).toBeNull();
    expect(refusal(() => assertSchedulable('enable_access', target({ status: null, accessStatus: 'disabled' })))).toBeNull();
    expect(refusal(() => assertSchedulable('disable_access', target({ status: null, accessStatus: 'disabled' })))).toMatchObject({ kind: 'conflict', message: 'Access is already disabled' });
    expect(refusal(() => assertSchedulable('enable_access', target({ status: null })))).toMatchObject({ kind: 'conflict', message: 'Access is already enabled' });
  });

  it('nothing is scheduled on a purged organization, and an entitlement kind needs an entitlement', () => {
    for (const kind of DATED_CHANGE_KINDS) expect(refusal(() => assertSchedulable(kind, target({ purged: true })))).toMatchObject({ kind: 'conflict', details: { purgeState: 'purged' } });
    expect(refusal(() => assertSchedulable('suspend', target({ status: null })))).toMatchObject({ kind: 'conflict' });
  });
});

describe('desiredChangeTasks: a pending change is made at its time, nothing else is due', () => {
  const effectiveAt = new Date('2027-02-01T00:00:00Z');
  it('pending → one apply_change at effectiveAt', () => {
    expect(desiredChangeTasks({ state: 'pending', effectiveAt })).toEqual([{ kind: 'apply_change', dueAt: effectiveAt }]);
  });
  it.each(['done', 'cancelled', 'failed'] as const)('%s → none', (state) => {
    expect(desiredChangeTasks({ state, effectiveAt })).toEqual([]);
  });
});

describe('the list reads the task queue', () => {
  it('every listed kind without a filter; each kind to its task kind', () => {
    expect(taskKindsOf(undefined).sort()).toEqual(['apply_change', 'complete_cancellation', 'dunning_step', 'expire_grace', 'purge', 'resume_pause']);
    expect(taskKindsOf('cancellation')).toEqual(['complete_cancellation']);
    expect(taskKindsOf('pause_end')).toEqual(['resume_pause']);
    expect(taskKindsOf('grace_end')).toEqual(['expire_grace']);
    for (const kind of DATED_CHANGE_KINDS) expect(taskKindsOf(kind)).toEqual(['apply_change']);
  });

  it('ids: a dated change by its own id, the others by kind and target', () => {
    expect(parseChangeId('abc123')).toEqual({ dated: 'abc123' });
    expect(parseChangeId(derivedChangeId('cancellation', 'ent1'))).toEqual({ kind: 'cancellation', target: 'ent1' });
    expect(parseChangeId('purge:org1')).toEqual({ kind: 'purge', target: 'org1' });
    // A dated kind is never named by prefix; an unknown kind or an empty target names nothing.
    expect(parseChangeId('suspend:ent1')).toBeNull();
    expect(parseChangeId('later:ent1')).toBeNull();
    expect(parseChangeId('cancellation:')).toBeNull();
    expect(parseChangeId('')).toBeNull();
  });
});
