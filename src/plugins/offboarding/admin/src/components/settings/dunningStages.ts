import type { DunningAction, DunningStage } from '../../../../shared/contracts/constants';

/** The server's limits on a policy's stages (docs/spec.md §13), checked here first so errors show at once. */
export const MAX_DUNNING_STAGES = 20;
export const MAX_DUNNING_DAYS = 3650;

/** One row of the editor; a number field the admin emptied is undefined until filled again. */
export interface DunningStageDraft {
  /** Tells rows apart while they are added and removed (never sent). */
  key: number;
  afterDays: number | undefined;
  action: DunningAction;
}

export type DunningProblem = 'required' | 'range' | 'order' | 'cancelLast' | 'tooMany';

/** A problem and where it is: `dunningStages`, `dunningStages.<i>.afterDays` or `dunningStages.<i>.action`. */
export interface DunningError {
  path: 'dunningStages' | `dunningStages.${number}.afterDays` | `dunningStages.${number}.action`;
  problem: DunningProblem;
}

let nextKey = 0;
export const draftStage = (afterDays: number | undefined, action: DunningAction): DunningStageDraft => ({
  key: (nextKey += 1),
  afterDays,
  action,
});

export const toDrafts = (stages: DunningStage[] | null): DunningStageDraft[] | null =>
  stages ? stages.map((stage) => draftStage(stage.afterDays, stage.action)) : null;

/**
 * What the single grace period does, as stages: the suspended notice at once, the two grace
 * reminders (a week and a day before its end), the cancellation at its end. The admin's
 * starting point when switching to stages.
 */
export const stagesLikeGrace = (gracePeriodDays: number | undefined): DunningStageDraft[] => {
  const grace = Math.max(1, Math.min(gracePeriodDays ?? 30, MAX_DUNNING_DAYS));
  const days = [...new Set([0, grace - 7, grace - 1].filter((day) => day >= 0 && day < grace))].sort((a, b) => a - b);
  return [...days.map((day) => draftStage(day, 'notify')), draftStage(grace, 'cancel')];
};

/**
 * The server's rules: whole days from 0 to 3650, strictly increasing, at most one `cancel` and
 * it comes last, at most 20 stages. Null (the single grace period) is always valid.
 */
export const dunningErrors = (stages: DunningStageDraft[] | null): DunningError[] => {
  if (!stages) return [];
  const errors: DunningError[] = [];
  if (stages.length > MAX_DUNNING_STAGES) errors.push({ path: 'dunningStages', problem: 'tooMany' });
  let previous: number | undefined;
  stages.forEach((stage, index) => {
    const { afterDays } = stage;
    if (afterDays === undefined) errors.push({ path: `dunningStages.${index}.afterDays`, problem: 'required' });
    else if (!Number.isInteger(afterDays) || afterDays < 0 || afterDays > MAX_DUNNING_DAYS)
      errors.push({ path: `dunningStages.${index}.afterDays`, problem: 'range' });
    else if (previous !== undefined && afterDays <= previous) errors.push({ path: `dunningStages.${index}.afterDays`, problem: 'order' });
    if (afterDays !== undefined) previous = afterDays;
    if (stage.action === 'cancel' && index !== stages.length - 1)
      errors.push({ path: `dunningStages.${index}.action`, problem: 'cancelLast' });
  });
  return errors;
};

/** The request's value; call once `dunningErrors` found nothing. */
export const toStages = (drafts: DunningStageDraft[] | null): DunningStage[] | null =>
  drafts ? drafts.map(({ afterDays, action }) => ({ afterDays: afterDays ?? 0, action })) : null;
