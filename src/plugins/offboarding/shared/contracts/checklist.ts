import type { IsoDate } from './entities';

/**
 * The offboarding checklist (docs/spec.md §6): an ordered runbook per organization. Shared by the
 * server, which decides every state, and the admin panel, which only shows it.
 */
export const CHECKLIST_STEPS = [
  'review_entitlements',
  'cancel_entitlements',
  'downstream_cleanup',
  'data_export',
  'notify_customer',
  'archive',
] as const;
export type ChecklistStepKey = (typeof CHECKLIST_STEPS)[number];

/** Steps whose completion the plugin observes itself; the others an admin ticks. */
export const AUTOMATIC_CHECKLIST_STEPS: readonly ChecklistStepKey[] = [
  'cancel_entitlements',
  'downstream_cleanup',
  'data_export',
  'archive',
];

/**
 * - `waiting`: an earlier step is still open.
 * - `current`: the first open step: the one to work on now.
 * - `done`: completed (by an admin, or by itself when automatic).
 * - `skipped`: passed over by an admin, with a reason.
 */
export type ChecklistStepState = 'waiting' | 'current' | 'done' | 'skipped';

export interface ChecklistStep {
  key: ChecklistStepKey;
  automatic: boolean;
  state: ChecklistStepState;
  /**
   * For an automatic step: whether its condition holds right now (shown even while the step
   * waits, or after it was done: a done step stays done). Null for a manual step.
   */
  conditionMet: boolean | null;
  completedAt: IsoDate | null;
  /** Display name of the admin who completed or skipped it; null for an automatic tick. */
  completedBy: string | null;
  note: string | null;
  skipReason: string | null;
}

export interface Checklist {
  organization: string;
  startedAt: IsoDate | null;
  startedBy: string | null;
  /** Set when the last step is done or skipped: "offboarding complete". */
  completedAt: IsoDate | null;
  current: ChecklistStepKey | null;
  steps: ChecklistStep[];
}

/** Longest note or skip reason accepted (characters). */
export const CHECKLIST_TEXT_MAX = 2000;

export interface CompleteChecklistStepRequest {
  note?: string | null;
}

export interface SkipChecklistStepRequest {
  reason: string;
}

/** Longest reason for reopening a step (characters). */
export const CHECKLIST_REOPEN_REASON_MAX = 500;

export interface ReopenChecklistStepRequest {
  reason: string;
}

/** GET /organizations/:id/checklist */
export declare namespace GetChecklist {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: Checklist;
  }
}

/** POST /organizations/:id/checklist/start: no body. */
export declare namespace StartChecklist {
  export interface Request {
    params: { id: string };
    body: Record<string, never>;
  }
  export interface Response {
    data: Checklist;
  }
}

/** POST /organizations/:id/checklist/steps/:step/complete */
export declare namespace CompleteChecklistStep {
  export interface Request {
    params: { id: string; step: ChecklistStepKey };
    body: CompleteChecklistStepRequest;
  }
  export interface Response {
    data: Checklist;
  }
}

/** POST /organizations/:id/checklist/steps/:step/skip */
export declare namespace SkipChecklistStep {
  export interface Request {
    params: { id: string; step: ChecklistStepKey };
    body: SkipChecklistStepRequest;
  }
  export interface Response {
    data: Checklist;
  }
}

/**
 * POST /organizations/:id/checklist/steps/:step/reopen: a done or skipped step, and every later
 * one, back to pending (409 `checklist.step_not_done`, `checklist.step_not_reopenable`).
 */
export declare namespace ReopenChecklistStep {
  export interface Request {
    params: { id: string; step: ChecklistStepKey };
    body: ReopenChecklistStepRequest;
  }
  export interface Response {
    data: Checklist;
  }
}
