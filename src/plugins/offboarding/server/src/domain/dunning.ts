import {
  DUNNING_ACTIONS,
  type DunningAction,
  type DunningLevel,
  type DunningStage,
  type PolicySettings,
} from '../../../shared/contracts/constants';
import { addDays } from './dates';

/**
 * Dunning stages (docs/spec.md §13): after N days of a non-payment suspension, `notify`,
 * `restrict` (read-only portal), `block` (closed portal) or `cancel`. A policy's list replaces the
 * single grace period; `null` keeps it (the grace period and the notices' grace reminders, as
 * before). Pure: values in, values out.
 *
 * The stages of one suspension are counted from its `suspendedAt`. `dunningStagesDone` is the
 * index of the next stage to perform; the `cancel` stage is not a step of its own: its day is the
 * suspension's `graceEndsAt`, so the grace expiry (`expire_grace`) performs it.
 */

export const MAX_DUNNING_STAGES = 20;
export const MAX_DUNNING_DAYS = 3650;

/** What is wrong with a stage list, as the request names it; null when nothing is. */
export interface StageProblem {
  path: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The rules of a stage list, checked in the order a reader fixes them: shape of each stage, then
 * the list's order (strictly increasing days), then `cancel` (at most one, and last).
 */
export const dunningStagesProblem = (value: unknown): StageProblem | null => {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return { path: 'dunningStages', message: 'dunningStages must be a list of stages or null' };
  if (value.length > MAX_DUNNING_STAGES) {
    return { path: 'dunningStages', message: `dunningStages holds at most ${MAX_DUNNING_STAGES} stages` };
  }
  for (const [i, stage] of value.entries()) {
    const at = `dunningStages[${i}]`;
    if (!isRecord(stage)) return { path: at, message: `${at} must be an object {afterDays, action}` };
    const extra = Object.keys(stage).filter((key) => key !== 'afterDays' && key !== 'action');
    if (extra.length) return { path: at, message: `${at} has unknown field(s): ${extra.join(', ')}` };
    const days = stage.afterDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_DUNNING_DAYS) {
      return { path: `${at}.afterDays`, message: `${at}.afterDays must be a whole number of days from 0 to ${MAX_DUNNING_DAYS}` };
    }
    if (typeof stage.action !== 'string' || !(DUNNING_ACTIONS as readonly string[]).includes(stage.action)) {
      return { path: `${at}.action`, message: `${at}.action must be one of ${DUNNING_ACTIONS.join(', ')}` };
    }
  }
  const stages = value as DunningStage[];
  for (let i = 1; i < stages.length; i += 1) {
    if (stages[i].afterDays <= stages[i - 1].afterDays) {
      return {
        path: `dunningStages[${i}].afterDays`,
        message: `dunningStages[${i}].afterDays (${stages[i].afterDays}) must be greater than dunningStages[${i - 1}].afterDays (${stages[i - 1].afterDays}): stages go in order of days`,
      };
    }
  }
  const cancels = stages.filter((stage) => stage.action === 'cancel').length;
  if (cancels > 1) return { path: 'dunningStages', message: 'dunningStages may hold at most one cancel stage' };
  if (cancels === 1 && stages[stages.length - 1].action !== 'cancel') {
    return { path: 'dunningStages', message: 'the cancel stage must be the last of dunningStages: nothing follows a cancellation' };
  }
  return null;
};

/**
 * The stages a policy's suspensions go through. With no list (null), the single grace period
 * read as stages: the suspended notice at 0, the grace reminders (`notices.graceReminderDays`,
 * those inside the grace period) and the cancellation at its end: today's behaviour, described.
 */
export const effectiveStages = (
  settings: Pick<PolicySettings, 'gracePeriodDays' | 'dunningStages'>,
  graceReminderDays: readonly number[] = []
): DunningStage[] => {
  if (settings.dunningStages) return settings.dunningStages.map((stage) => ({ ...stage }));
  const grace = settings.gracePeriodDays;
  const reminders = [...new Set(graceReminderDays)]
    .filter((n) => n > 0 && n < grace)
    .map((n) => grace - n)
    .sort((a, b) => a - b);
  const notices = [0, ...reminders.filter((day) => day > 0)].map((afterDays): DunningStage => ({ afterDays, action: 'notify' }));
  return [...notices, { afterDays: grace, action: 'cancel' }];
};

/** The day a suspension with these stages is cancelled (its `graceEndsAt`); null when no stage cancels. */
export const dunningCancelAt = (stages: readonly DunningStage[], suspendedAt: Date): Date | null => {
  const cancel = stages.find((stage) => stage.action === 'cancel');
  return cancel ? addDays(suspendedAt, cancel.afterDays) : null;
};

/** What dunning needs to know of an entitlement; `dunningStagesDone` null: not under dunning stages. */
export interface DunningState {
  status: string;
  suspensionReason: string | null;
  suspendedAt?: Date | null;
  dunningStagesDone?: number | null;
  dunningLevel?: DunningLevel | null;
}

export interface DunningStep {
  /** Its index in the policy's list. */
  index: number;
  stage: DunningStage;
  dueAt: Date;
}

/**
 * The next stage a non-payment suspension under dunning stages is waiting for, if any: the first
 * one not yet performed, unless it is the cancel stage (the grace expiry performs that one).
 */
export const nextDunningStep = (ent: DunningState, stages: readonly DunningStage[] | null | undefined): DunningStep | null => {
  if (!stages || ent.status !== 'suspended' || ent.suspensionReason !== 'non_payment') return null;
  const done = ent.dunningStagesDone;
  if (done === null || done === undefined || !ent.suspendedAt) return null;
  const stage = stages[done];
  if (!stage || stage.action === 'cancel') return null;
  return { index: done, stage: { ...stage }, dueAt: addDays(ent.suspendedAt, stage.afterDays) };
};

const LEVEL_RANK: Record<DunningLevel, number> = { none: 0, restrict: 1, block: 2 };

/** The level an action leaves: the strongest reached so far (a later `notify` never lifts a block). */
export const levelAfter = (current: DunningLevel | null | undefined, action: DunningAction): DunningLevel => {
  const from: DunningLevel = current ?? 'none';
  const to: DunningLevel = action === 'restrict' || action === 'block' ? action : 'none';
  return LEVEL_RANK[to] > LEVEL_RANK[from] ? to : from;
};

export interface DunningStepPlan extends DunningStep {
  patch: { dunningStagesDone: number; dunningLevel: DunningLevel };
}

/**
 * The dunning sweep's decision for one entitlement at `now`: the next stage when it is due, with
 * what it writes; null when nothing is due (resumed, cancelled, not yet time, no stages left).
 * Re-checked under the entitlement's lock, so a repeat is a no-op.
 */
export const planDunningStep = (ent: DunningState, stages: readonly DunningStage[] | null | undefined, now: Date): DunningStepPlan | null => {
  const next = nextDunningStep(ent, stages);
  if (!next || next.dueAt.getTime() > now.getTime()) return null;
  return { ...next, patch: { dunningStagesDone: next.index + 1, dunningLevel: levelAfter(ent.dunningLevel, next.stage.action) } };
};
