import {
  dunningCancelAt,
  dunningStagesProblem,
  effectiveStages,
  levelAfter,
  nextDunningStep,
  planDunningStep,
  MAX_DUNNING_STAGES,
} from '../../src/plugins/offboarding/server/src/domain/dunning';
import { planReactivate, planResume, planSuspend, type EntitlementPatch } from '../../src/plugins/offboarding/server/src/domain/entitlement-lifecycle';
import { desiredEntitlementTasks } from '../../src/plugins/offboarding/server/src/domain/schedule';
import type { DunningStage } from '../../src/plugins/offboarding/shared/contracts/constants';
import { at, entitlement } from './fixtures';

const SUSPENDED_AT = at('2027-01-11T00:00:00Z');
const day = (n: number) => new Date(SUSPENDED_AT.getTime() + n * 86_400_000);

/** The policy of the issue: notify at 0, restrict at 10, block at 20, cancel at 30. */
const STAGES: DunningStage[] = [
  { afterDays: 0, action: 'notify' },
  { afterDays: 10, action: 'restrict' },
  { afterDays: 20, action: 'block' },
  { afterDays: 30, action: 'cancel' },
];

const overdue = (done: number, level: 'none' | 'restrict' | 'block' = 'none') =>
  entitlement({
    status: 'suspended',
    suspensionReason: 'non_payment',
    suspendedAt: SUSPENDED_AT,
    graceEndsAt: day(30),
    dunningStagesDone: done,
    dunningLevel: level,
  });

describe('dunning stage lists: validation', () => {
  it.each<[string, unknown]>([
    ['null (the single grace period)', null],
    ['an empty list (never cancelled, nothing sent)', []],
    ['the issue example', STAGES],
    ['no cancel stage', [{ afterDays: 5, action: 'notify' }, { afterDays: 15, action: 'block' }]],
    ['a cancel alone at day 0', [{ afterDays: 0, action: 'cancel' }]],
    ['the bounds 0 and 3650', [{ afterDays: 0, action: 'notify' }, { afterDays: 3650, action: 'cancel' }]],
  ])('accepts %s', (_name, value) => {
    expect(dunningStagesProblem(value)).toBeNull();
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not a list', { afterDays: 1, action: 'notify' }, 'dunningStages', /list of stages or null/],
    ['a stage that is not an object', [{ afterDays: 1, action: 'notify' }, 'block'], 'dunningStages[1]', /must be an object/],
    ['an extra key', [{ afterDays: 1, action: 'notify', note: 'x' }], 'dunningStages[0]', /unknown field\(s\): note/],
    ['a fractional day', [{ afterDays: 1.5, action: 'notify' }], 'dunningStages[0].afterDays', /whole number/],
    ['a negative day', [{ afterDays: -1, action: 'notify' }], 'dunningStages[0].afterDays', /from 0 to 3650/],
    ['a day past 3650', [{ afterDays: 3651, action: 'cancel' }], 'dunningStages[0].afterDays', /from 0 to 3650/],
    ['days as text', [{ afterDays: '3', action: 'notify' }], 'dunningStages[0].afterDays', /whole number/],
    ['an unknown action', [{ afterDays: 3, action: 'suspend' }], 'dunningStages[0].action', /one of notify, restrict, block, cancel/],
    ['a missing action', [{ afterDays: 3 }], 'dunningStages[0].action', /one of/],
    [
      'days out of order',
      [{ afterDays: 0, action: 'notify' }, { afterDays: 10, action: 'restrict' }, { afterDays: 5, action: 'block' }],
      'dunningStages[2].afterDays',
      /\(5\) must be greater than dunningStages\[1\]\.afterDays \(10\)/,
    ],
    ['two stages on one day', [{ afterDays: 3, action: 'notify' }, { afterDays: 3, action: 'block' }], 'dunningStages[1].afterDays', /must be greater/],
    ['two cancels', [{ afterDays: 3, action: 'cancel' }, { afterDays: 4, action: 'cancel' }], 'dunningStages', /at most one cancel/],
    ['a cancel not last', [{ afterDays: 3, action: 'cancel' }, { afterDays: 4, action: 'notify' }], 'dunningStages', /must be the last/],
  ])('refuses %s, naming %s', (_name, value, path, message) => {
    const problem = dunningStagesProblem(value);
    expect(problem?.path).toBe(path);
    expect(problem?.message).toMatch(message);
  });

  it(`refuses more than ${MAX_DUNNING_STAGES} stages`, () => {
    const many = Array.from({ length: MAX_DUNNING_STAGES + 1 }, (_, i) => ({ afterDays: i, action: 'notify' }));
    expect(dunningStagesProblem(many)?.path).toBe('dunningStages');
    expect(dunningStagesProblem(many.slice(0, MAX_DUNNING_STAGES))).toBeNull();
  });
});

describe('effective stages', () => {
  it('null reads as the grace period: notify at 0, the grace reminders, cancel at its end', () => {
    expect(effectiveStages({ gracePeriodDays: 30, dunningStages: null }, [7, 1])).toEqual([
      { afterDays: 0, action: 'notify' },
      { afterDays: 23, action: 'notify' },
      { afterDays: 29, action: 'notify' },
      { afterDays: 30, action: 'cancel' },
    ]);
  });

  it('drops reminders that fall outside a short grace period, and repeats', () => {
    expect(effectiveStages({ gracePeriodDays: 5, dunningStages: null }, [7, 1, 1])).toEqual([
      { afterDays: 0, action: 'notify' },
      { afterDays: 4, action: 'notify' },
      { afterDays: 5, action: 'cancel' },
    ]);
  });

  it("a policy's list is used as it is", () => {
    expect(effectiveStages({ gracePeriodDays: 30, dunningStages: STAGES }, [7, 1])).toEqual(STAGES);
  });
});

describe('suspension under stages', () => {
  const suspend = (stages: DunningStage[] | null, reason: 'non_payment' | 'manual' = 'non_payment') =>
    planSuspend(entitlement(), { reason, reasonCode: 'payment_failure', now: SUSPENDED_AT, policy: { gracePeriodDays: 14, dunningStages: stages } });

  it('the grace end is the cancel stage, dunning starts at stage 0 with no restriction', () => {
    expect(suspend(STAGES)).toMatchObject<EntitlementPatch>({ graceEndsAt: day(30), dunningStagesDone: 0, dunningLevel: 'none' });
  });

  it('without a cancel stage the suspension is never cancelled by a job', () => {
    expect(suspend([{ afterDays: 3, action: 'block' }]).graceEndsAt).toBeNull();
    expect(dunningCancelAt([{ afterDays: 3, action: 'block' }], SUSPENDED_AT)).toBeNull();
  });

  it('null stages: the grace period, and no dunning field written at all', () => {
    const patch = suspend(null);
    expect(patch.graceEndsAt).toEqual(day(14));
    expect(patch).not.toHaveProperty('dunningStagesDone');
    expect(patch).not.toHaveProperty('dunningLevel');
  });

  it('a manual suspension never enters dunning', () => {
    const patch = suspend(STAGES, 'manual');
    expect(patch.graceEndsAt).toBeNull();
    expect(patch).not.toHaveProperty('dunningStagesDone');
  });

  it('resume and reactivate clear the dunning progress; without any, they write nothing about it', () => {
    expect(planResume(overdue(2, 'block'))).toMatchObject({ status: 'active', dunningStagesDone: null, dunningLevel: null });
    expect(planResume(entitlement({ status: 'suspended', suspensionReason: 'non_payment' }))).not.toHaveProperty('dunningLevel');
    const cancelled = { ...overdue(3, 'block'), status: 'cancelled' as const, cancelledAt: day(30) };
    const policy = { allowReactivation: true, reactivationWindowDays: 90 };
    expect(planReactivate(cancelled, { now: day(31), policy, organizationArchived: false, organizationPurged: false })).toMatchObject({
      dunningStagesDone: null,
      dunningLevel: null,
    });
  });
});

describe('next stage and steps', () => {
  it('walks the stages in order, each at suspendedAt + afterDays, the level only ever rising', () => {
    expect(nextDunningStep(overdue(0), STAGES)).toEqual({ index: 0, stage: STAGES[0], dueAt: day(0) });
    expect(nextDunningStep(overdue(1), STAGES)).toEqual({ index: 1, stage: STAGES[1], dueAt: day(10) });
    expect(nextDunningStep(overdue(2, 'restrict'), STAGES)).toEqual({ index: 2, stage: STAGES[2], dueAt: day(20) });
    // The cancel stage is the grace expiry's, not a step.
    expect(nextDunningStep(overdue(3, 'block'), STAGES)).toBeNull();
  });

  it('a step is due at its instant, not a millisecond before', () => {
    expect(planDunningStep(overdue(1), STAGES, new Date(day(10).getTime() - 1))).toBeNull();
    expect(planDunningStep(overdue(1), STAGES, day(10))).toMatchObject({ index: 1, patch: { dunningStagesDone: 2, dunningLevel: 'restrict' } });
    expect(planDunningStep(overdue(2, 'restrict'), STAGES, day(20))).toMatchObject({ patch: { dunningStagesDone: 3, dunningLevel: 'block' } });
  });

  it('levelAfter keeps the strongest level', () => {
    expect(levelAfter('block', 'notify')).toBe('block');
    expect(levelAfter('block', 'restrict')).toBe('block');
    expect(levelAfter('restrict', 'block')).toBe('block');
    expect(levelAfter(null, 'notify')).toBe('none');
  });

  it('nothing for a resumed, cancelled, manual or pre-stages suspension', () => {
    expect(nextDunningStep({ ...overdue(1), status: 'active' }, STAGES)).toBeNull();
    expect(nextDunningStep({ ...overdue(1), status: 'cancelled' }, STAGES)).toBeNull();
    expect(nextDunningStep({ ...overdue(1), suspensionReason: 'manual' }, STAGES)).toBeNull();
    expect(nextDunningStep({ ...overdue(1), dunningStagesDone: null }, STAGES)).toBeNull();
    expect(nextDunningStep(overdue(1), null)).toBeNull();
  });
});

describe('derived tasks', () => {
  const settings = { now: SUSPENDED_AT, graceReminderDays: [7, 1] };

  it('under stages: the next step and the cancel stage, no grace reminders', () => {
    expect(desiredEntitlementTasks(overdue(1), settings, STAGES)).toEqual([
      { kind: 'dunning_step', dueAt: day(10) },
      { kind: 'expire_grace', dueAt: day(30) },
    ]);
    expect(desiredEntitlementTasks(overdue(3, 'block'), settings, STAGES)).toEqual([{ kind: 'expire_grace', dueAt: day(30) }]);
  });

  it('no cancel stage: only the steps', () => {
    const noCancel: DunningStage[] = [{ afterDays: 5, action: 'block' }];
    expect(desiredEntitlementTasks({ ...overdue(0), graceEndsAt: null }, settings, noCancel)).toEqual([{ kind: 'dunning_step', dueAt: day(5) }]);
  });

  it('the default (null) derives what it always did: the grace end and its reminders', () => {
    const grace = entitlement({ status: 'suspended', suspensionReason: 'non_payment', suspendedAt: SUSPENDED_AT, graceEndsAt: day(30) });
    const expected = [
      { kind: 'expire_grace', dueAt: day(30) },
      { kind: 'remind_grace', dueAt: day(23) },
      { kind: 'remind_grace', dueAt: day(29) },
    ];
    expect(desiredEntitlementTasks(grace, settings, null)).toEqual(expected);
    expect(desiredEntitlementTasks(grace, settings)).toEqual(expected);
    // A suspension begun before the policy gained stages keeps its grace period.
    expect(desiredEntitlementTasks(grace, settings, STAGES)).toEqual(expected);
  });
});
