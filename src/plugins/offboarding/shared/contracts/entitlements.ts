import type { ScheduledAnswer } from './lifecycle';
import type { CancelPreview, CancelRequest, SuspendRequest } from './api';
import type { Entitlement } from './entities';

/** One request and one response type per admin route on entitlements (server/src/routes/admin.ts). */

/** GET /entitlements/:id */
export declare namespace GetEntitlement {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: Entitlement;
  }
}

/** POST /entitlements/:id/cancel */
export declare namespace CancelEntitlement {
  export interface Request {
    params: { id: string };
    body: CancelRequest;
  }
  export interface Response {
    data: Entitlement;
  }
}

/** POST /entitlements/:id/cancel/preview: what the cancellation would do, changing nothing. */
export declare namespace PreviewCancelEntitlement {
  export interface Request {
    params: { id: string };
    body: CancelRequest;
  }
  export interface Response {
    data: CancelPreview;
  }
}

/** POST /entitlements/:id/suspend */
export declare namespace SuspendEntitlement {
  export interface Request {
    params: { id: string };
    body: SuspendRequest;
  }
  /** With a future `effectiveAt`: the entitlement as it stands and the scheduled change (docs/spec.md §13). */
  export type Response = ScheduledAnswer<Entitlement>;
}

/** POST /entitlements/:id/undo-cancel and /reactivate: no body (/resume: ResumeEntitlement). */
export declare namespace ChangeEntitlement {
  export interface Request {
    params: { id: string };
    body: Record<string, never>;
  }
  export interface Response {
    data: Entitlement;
  }
}
