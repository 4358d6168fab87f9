import {
  AUTOMATIC_CHECKLIST_STEPS,
  CHECKLIST_STEPS,
  type Checklist,
  type ChecklistStepKey,
} from '../../../shared/contracts/checklist';
import type { EntitlementStatus } from '../../../shared/contracts/constants';
import type { IsoDate } from '../../../shared/contracts/entities';
import { conflict, invalid } from './errors';

/**
 * The offboarding checklist (docs/spec.md §6) as plain rules: which step is current, what an admin may
 * do to it, and which automatic steps tick themselves. The service feeds it stored values and
 * facts about the organization, and writes what it plans.
 */

/** What is kept of a finished step. */
export interface StepRecord {
  state: 'done' | 'skipped';
  at: IsoDate;
  /** The admin who completed or skipped it; null when it ticked itself. */
  by: string | null;
  note: string | null;
  reason: string | null;
}

/** Finished steps by key; steps finish in order, so they are always a prefix of the runbook. */
export type ChecklistProgress = Partial<Record<ChecklistStepKey, StepRecord>>;

export interface ChecklistRunState {
  startedAt: IsoDate | null;
  startedBy: string | null;
  completedAt: IsoDate | null;
  progress: ChecklistProgress;
}

/** What the automatic steps' conditions look at. */
export interface ChecklistFacts {
  entitlements: { status: EntitlementStatus; provisioningState: string | null }[];
  /** A data export of the organization became ready since the run started (any, before it starts). */
  exportReady: boolean;
  archived: boolean;
}

type AutomaticStepKey = 'cancel_entitlements' | 'downstream_cleanup' | 'data_export' | 'archive';

/**
 * The conditions. An organization with no entitlement has nothing to cancel or clean up: both
 * hold. Downstream work "pending" or "failed" (the provisioning outbox) keeps cleanup open.
 */
const CONDITIONS: Record<AutomaticStepKey, { holds: (facts: ChecklistFacts) => boolean; text: string }> = {
  cancel_entitlements: {
    holds: (facts) => facts.entitlements.every((e) => e.status === 'cancelled' || e.status === 'pending_cancellation'),
    text: 'no entitlement is active or suspended',
  },
  downstream_cleanup: {
    holds: (facts) =>
      facts.entitlements.every((e) => e.status === 'cancelled' && e.provisioningState !== 'pending' && e.provisioningState !== 'failed'),
    text: 'every entitlement is cancelled and none has deprovisioning pending or failed',
  },
  data_export: {
    holds: (facts) => facts.exportReady,
    text: 'a data export generated since the checklist started is ready',
  },
  archive: {
    holds: (facts) => facts.archived,
    text: 'the organization is archived',
  },
};

export const isAutomaticStep = (step: ChecklistStepKey): step is AutomaticStepKey => AUTOMATIC_CHECKLIST_STEPS.includes(step);

/** Whether an automatic step's condition holds; null for a manual step. */
export const conditionOf = (step: ChecklistStepKey, facts: ChecklistFacts): boolean | null =>
  isAutomaticStep(step) ? CONDITIONS[step].holds(facts) : null;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * The stored progress (a JSON column), read strictly: only known steps in a known state,
 * and only as a prefix of the runbook, so a hand-edited row cannot put steps out of order.
 */
export const readProgress = (stored: unknown): ChecklistProgress => {
  const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
  const progress: ChecklistProgress = {};
  if (!isObject(value)) return progress;
  for (const step of CHECKLIST_STEPS) {
    const record = value[step];
    if (!isObject(record) || (record.state !== 'done' && record.state !== 'skipped') || typeof record.at !== 'string') break;
    progress[step] = {
      state: record.state,
      at: record.at,
      by: textOrNull(record.by),
      note: textOrNull(record.note),
      reason: textOrNull(record.reason),
    };
  }
  return progress;
};

/** The first step not finished, or null once all are. */
export const currentStep = (progress: ChecklistProgress): ChecklistStepKey | null =>
  CHECKLIST_STEPS.find((step) => !progress[step]) ?? null;

export const isFinished = (progress: ChecklistProgress) => currentStep(progress) === null;

/** The automatic steps that tick now: from the current one on, while each is automatic and holds. */
export const planAutomaticTicks = (progress: ChecklistProgress, facts: ChecklistFacts): ChecklistStepKey[] => {
  const ticks: ChecklistStepKey[] = [];
  for (const step of CHECKLIST_STEPS) {
    if (progress[step]) continue;
    if (!isAutomaticStep(step) || !CONDITIONS[step].holds(facts)) break;
    ticks.push(step);
  }
  return ticks;
};

/**
 * The steps that follow the entitlements: done once every one is cancelled (and deprovisioned),
 * untrue again when one comes back (a cancellation undone, a reactivation, a failed
 * deprovisioning). The checklist then reopens them itself rather than show a stale "done". The
 * export and archive steps are not retracted: an export that expires later, or an archive undone
 * (unarchive reopens that step itself), do not undo what the customer was given.
 */
const RETRACTABLE_STEPS: readonly AutomaticStepKey[] = ['cancel_entitlements', 'downstream_cleanup'];

/** Whether the run has a retractable step done: only then can `retractedStep` find one. */
export const mayRetract = (progress: ChecklistProgress) => RETRACTABLE_STEPS.some((step) => progress[step]?.state === 'done');

/** The first retractable step done whose condition no longer holds, with what no longer holds; null when none. */
export const retractedStep = (progress: ChecklistProgress, facts: ChecklistFacts): { step: AutomaticStepKey; condition: string } | null => {
  const step = RETRACTABLE_STEPS.find((key) => progress[key]?.state === 'done' && !CONDITIONS[key].holds(facts));
  return step ? { step, condition: CONDITIONS[step].text } : null;
};

/** An admin acts on a started, unfinished run, and only on its current step. */
const refuseUnlessCurrent = (run: ChecklistRunState, step: ChecklistStepKey) => {
  if (run.completedAt) throw conflict('checklist.complete', 'The offboarding checklist is already complete', { step, completedAt: run.completedAt });
  const record = run.progress[step];
  if (record) throw conflict('checklist.step_already_done', `The step "${step}" is already ${record.state}`, { step, state: record.state });
  const current = currentStep(run.progress);
  if (current !== step) throw conflict('checklist.step_not_current', `The step "${step}" is not the current one: "${current}" comes first`, { step, current });
};

/**
 * Completing by hand is for manual steps only, whatever the run's state: an automatic step
 * ticks itself when its condition holds (checked on every change that can make it hold, and
 * before a checklist is shown), or an admin skips it with a reason.
 */
export const refuseAutomaticStep = (step: ChecklistStepKey) => {
  if (isAutomaticStep(step)) {
    throw invalid(
      'step',
      `"${step}" is an automatic step: it completes itself when ${CONDITIONS[step].text}; skip it with a reason to pass over it`,
      { step },
      'checklist.step_automatic'
    );
  }
};

export const planComplete = (run: ChecklistRunState, step: ChecklistStepKey, by: string | null, note: string | null, at: IsoDate): StepRecord => {
  refuseAutomaticStep(step);
  refuseUnlessCurrent(run, step);
  return { state: 'done', at, by, note, reason: null };
};

/** Any current step may be skipped, automatic or not; the reason is what makes it acceptable. */
export const planSkip = (run: ChecklistRunState, step: ChecklistStepKey, by: string | null, reason: string, at: IsoDate): StepRecord => {
  refuseUnlessCurrent(run, step);
  return { state: 'skipped', at, by, note: null, reason };
};

/** What reopening a step leaves: the progress without that step and every later one. */
export interface ReopenPlan {
  progress: ChecklistProgress;
  /** The steps put back to pending, the reopened one first, each with the state it had. */
  reopened: { step: ChecklistStepKey; state: StepRecord['state'] }[];
}

/**
 * Reopening puts a done or skipped step back to pending, and every later step with it: steps
 * finish in order, so what came after was decided on top of it. A pending step has nothing to
 * reopen. An automatic step whose condition still holds would tick itself again at once, so it
 * is refused, naming the condition: undo what makes it hold first (unarchive, for `archive`).
 */
export const planReopen = (run: ChecklistRunState, step: ChecklistStepKey, facts: ChecklistFacts): ReopenPlan => {
  const record = run.progress[step];
  if (!record) {
    throw conflict('checklist.step_not_done', `The step "${step}" is not done or skipped: there is nothing to reopen`, {
      step,
      current: currentStep(run.progress),
    });
  }
  if (isAutomaticStep(step) && CONDITIONS[step].holds(facts)) {
    throw conflict(
      'checklist.step_not_reopenable',
      `The step "${step}" cannot be reopened while ${CONDITIONS[step].text}: it would complete itself again`,
      { step, condition: CONDITIONS[step].text }
    );
  }
  const from = CHECKLIST_STEPS.indexOf(step);
  const progress: ChecklistProgress = {};
  const reopened: ReopenPlan['reopened'] = [];
  CHECKLIST_STEPS.forEach((key, index) => {
    const kept = run.progress[key];
    if (!kept) return;
    if (index < from) progress[key] = kept;
    else reopened.push({ step: key, state: kept.state });
  });
  return { progress, reopened };
};

/** The checklist as the API shows it; a run not started shows every step waiting. */
export const describeChecklist = (organization: string, run: ChecklistRunState | null, facts: ChecklistFacts): Checklist => {
  const progress = run?.progress ?? {};
  const current = run && !run.completedAt ? currentStep(progress) : null;
  return {
    organization,
    startedAt: run?.startedAt ?? null,
    startedBy: run?.startedBy ?? null,
    completedAt: run?.completedAt ?? null,
    current,
    steps: CHECKLIST_STEPS.map((key) => {
      const record = progress[key];
      return {
        key,
        automatic: isAutomaticStep(key),
        state: record ? record.state : key === current ? 'current' : 'waiting',
        conditionMet: conditionOf(key, facts),
        completedAt: record?.at ?? null,
        completedBy: record?.by ?? null,
        note: record?.note ?? null,
        skipReason: record?.reason ?? null,
      };
    }),
  };
};
