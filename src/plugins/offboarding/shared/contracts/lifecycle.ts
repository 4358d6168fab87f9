import type { DunningStage, PauseAccess } from './constants';
import type { Entitlement, IsoDate, Pagination } from './entities';

/**
 * Issue 15 (docs/spec.md §13): pause, prospects, status changes on a date, the list of
 * scheduled changes. Routes in server/src/routes/admin.ts.
 */

/**
 * A dated request (`effectiveAt` / `startAt` in the future) changes nothing now: it answers the
 * entitlement or organization as it stands and the scheduled change that will make it.
 */
export interface ScheduledAnswer<T> {
  data: T;
  /** Set when the change was scheduled rather than made. */
  scheduledChange?: ScheduledChange;
}

/** POST /entitlements/:id/pause (RBAC: suspend). 409 naming the status unless `active`. */
export interface PauseRequest {
  /** A reason code usable for suspensions (cancellation-reason `appliesToSuspend`). */
  reason: string;
  notes?: string | null;
  /** Future: the pause is a scheduled change. Absent or null: now. */
  startAt?: IsoDate | null;
  /** After the start; absent or null: paused until resumed on demand. */
  resumeAt?: IsoDate | null;
  access: PauseAccess;
}
export declare namespace PauseEntitlement {
  export interface Request {
    params: { id: string };
    body: PauseRequest;
  }
  export type Response = ScheduledAnswer<Entitlement>;
}

/**
 * POST /entitlements/:id/resume (RBAC: suspend): a suspended or a paused entitlement, now or at
 * `effectiveAt`. Ending a pause moves `currentPeriodEnd` later by the time paused.
 */
export interface ResumeRequest {
  effectiveAt?: IsoDate | null;
}
export declare namespace ResumeEntitlement {
  export interface Request {
    params: { id: string };
    body: ResumeRequest;
  }
  export type Response = ScheduledAnswer<Entitlement>;
}

/** POST /entitlements/:id/activate (RBAC: manage): prospect → active, provisioned. No body. */
export declare namespace ActivateEntitlement {
  export interface Request {
    params: { id: string };
    body: Record<string, never>;
  }
  export interface Response {
    data: Entitlement;
  }
}

/** POST /organizations/:id/disable and /enable (RBAC: access) gain `effectiveAt`. */
export interface AccessChangeRequest {
  reason?: string | null;
  effectiveAt?: IsoDate | null;
}

/** What a scheduled change does. */
export const SCHEDULED_CHANGE_KINDS = [
  'cancellation',
  'suspend',
  'resume',
  'pause',
  'pause_end',
  'disable_access',
  'enable_access',
  'grace_end',
  'dunning_step',
  'purge',
] as const;
export type ScheduledChangeKind = (typeof SCHEDULED_CHANGE_KINDS)[number];

/** The kinds an admin schedules by a dated request; stored as `scheduled-change` rows. */
export const DATED_CHANGE_KINDS = ['suspend', 'resume', 'pause', 'disable_access', 'enable_access'] as const satisfies readonly ScheduledChangeKind[];
export type DatedChangeKind = (typeof DATED_CHANGE_KINDS)[number];

/**
 * One future change, whatever made it: a dated request (`id` is its scheduled-change
 * documentId), a pending cancellation (`cancellation:<entitlement documentId>`), a pause's end
 * (`pause_end:<…>`), a grace end or dunning step (`grace_end:<…>`, `dunning_step:<…>`), a purge
 * (`purge:<organization documentId>`).
 */
export interface ScheduledChange {
  id: string;
  kind: ScheduledChangeKind;
  at: IsoDate;
  organization: { documentId: string; name: string };
  entitlement: { documentId: string; name: string | null } | null;
  /** DELETE /scheduled-changes/:id takes it back (dated changes and pending cancellations). */
  undoable: boolean;
  /** Admin-facing detail: the request's reason, notes, resumeAt, access, the dunning stage. */
  details: {
    reason?: string | null;
    notes?: string | null;
    resumeAt?: IsoDate | null;
    access?: PauseAccess | null;
    stage?: DunningStage | null;
  };
  createdBy: string | null;
}

/** GET /scheduled-changes (RBAC: read): every future change, soonest first. */
export declare namespace ListScheduledChanges {
  export interface Request {
    query: {
      organization?: string;
      kind?: ScheduledChangeKind;
      /** Window, default now .. no end. */
      from?: IsoDate;
      to?: IsoDate;
      page?: number;
      pageSize?: number;
    };
  }
  export interface Response {
    data: ScheduledChange[];
    meta: { pagination: Pagination };
  }
}

/**
 * DELETE /scheduled-changes/:id: RBAC of the change's own action (suspend for suspend, resume
 * and pause; access for access changes; cancel for a cancellation). 409 when it cannot be undone.
 */
export declare namespace CancelScheduledChange {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: ScheduledChange;
  }
}
