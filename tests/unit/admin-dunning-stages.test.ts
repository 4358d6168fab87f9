/**
 * The policy page's dunning stages editor checks a list as the server does (docs/spec.md §13):
 * whole days 0..3650, strictly increasing, at most one cancel and it is last, at most 20 stages,
 * each problem at the path the server names (`dunningStages.<i>.afterDays`).
 */
import {
  draftStage,
  dunningErrors,
  stagesLikeGrace,
  toStages,
  type DunningStageDraft,
} from '../../src/plugins/offboarding/admin/src/components/settings/dunningStages';
import type { DunningAction } from '../../src/plugins/offboarding/shared/contracts/constants';

const list = (...stages: [number | undefined, DunningAction][]): DunningStageDraft[] =>
  stages.map(([afterDays, action]) => draftStage(afterDays, action));

describe('dunning stages editor', () => {
  test('null (the single grace period) and a well-ordered list pass', () => {
    expect(dunningErrors(null)).toEqual([]);
    expect(dunningErrors([])).toEqual([]);
    expect(dunningErrors(list([0, 'notify'], [10, 'restrict'], [20, 'block'], [30, 'cancel']))).toEqual([]);
    expect(dunningErrors(list([0, 'notify'], [3650, 'block']))).toEqual([]);
  });

  test('days out of order are refused at the later stage', () => {
    expect(dunningErrors(list([0, 'notify'], [10, 'restrict'], [10, 'block']))).toEqual([
      { path: 'dunningStages.2.afterDays', problem: 'order' },
    ]);
    expect(dunningErrors(list([20, 'notify'], [5, 'block']))).toEqual([{ path: 'dunningStages.1.afterDays', problem: 'order' }]);
  });

  test('missing, negative, fractional and too large days are refused', () => {
    expect(dunningErrors(list([undefined, 'notify']))).toEqual([{ path: 'dunningStages.0.afterDays', problem: 'required' }]);
    expect(dunningErrors(list([-1, 'notify']))).toEqual([{ path: 'dunningStages.0.afterDays', problem: 'range' }]);
    expect(dunningErrors(list([1.5, 'notify']))).toEqual([{ path: 'dunningStages.0.afterDays', problem: 'range' }]);
    expect(dunningErrors(list([3651, 'notify']))).toEqual([{ path: 'dunningStages.0.afterDays', problem: 'range' }]);
  });

  test('cancel must be last, so there is at most one', () => {
    expect(dunningErrors(list([0, 'cancel'], [10, 'notify']))).toEqual([{ path: 'dunningStages.0.action', problem: 'cancelLast' }]);
    expect(dunningErrors(list([5, 'cancel'], [10, 'cancel']))).toEqual([{ path: 'dunningStages.0.action', problem: 'cancelLast' }]);
  });

  test('at most 20 stages', () => {
    const many = Array.from({ length: 21 }, (_, day) => draftStage(day, 'notify'));
    expect(dunningErrors(many)).toEqual([{ path: 'dunningStages', problem: 'tooMany' }]);
    expect(dunningErrors(many.slice(0, 20))).toEqual([]);
  });

  test('switching to stages starts from what the grace period does', () => {
    expect(toStages(stagesLikeGrace(30))).toEqual([
      { afterDays: 0, action: 'notify' },
      { afterDays: 23, action: 'notify' },
      { afterDays: 29, action: 'notify' },
      { afterDays: 30, action: 'cancel' },
    ]);
    // A short grace period keeps the stages distinct and increasing.
    expect(toStages(stagesLikeGrace(1))).toEqual([
      { afterDays: 0, action: 'notify' },
      { afterDays: 1, action: 'cancel' },
    ]);
    expect(dunningErrors(stagesLikeGrace(5))).toEqual([]);
    expect(toStages(null)).toBeNull();
  });
});
