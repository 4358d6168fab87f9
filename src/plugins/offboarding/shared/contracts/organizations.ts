import type { AccessChangeRequest, ScheduledAnswer } from './lifecycle';
import type { CancelAllPreview, CancelAllRequest, ListOrganizationsQuery, ListResponse, OrganizationDetail, OrganizationInput, PolicyPreview, Stats } from './api';
import type { AuditTimelineEvent, IsoDate, Organization, RefundEntry } from './entities';

/**
 * One request and one response type per admin route on organizations (server/src/routes/admin.ts),
 * in the shape of content-releases' contracts: the server answers them, the admin client sends them.
 * Most changes answer with the organization's detail, so the page redraws from the answer.
 */

/** A page of an organization's history: `?page=&pageSize=`. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** GET /organizations */
export declare namespace ListOrganizations {
  export interface Request {
    query: ListOrganizationsQuery;
  }
  export type Response = ListResponse<Organization>;
}

/** GET /organizations/:id */
export declare namespace GetOrganization {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** PUT /organizations/:id */
export declare namespace UpdateOrganization {
  export interface Request {
    params: { id: string };
    body: Partial<OrganizationInput>;
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** DELETE /organizations/:id?confirm=<the organization's name> */
export declare namespace DeleteOrganization {
  export interface Request {
    params: { id: string };
    query: { confirm: string };
  }
  export interface Response {
    data: { documentId: string; name: string; deletedAt: IsoDate; deleted: Record<string, number> };
  }
}

/** POST /organizations/:id/archive and /unarchive: no body. */
export declare namespace ArchiveOrganization {
  export interface Request {
    params: { id: string };
    body: Record<string, never>;
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** POST /organizations/:id/disable and /enable */
export declare namespace SetOrganizationAccess {
  export interface Request {
    params: { id: string };
    /** A future `effectiveAt` schedules the change (docs/spec.md §13). */
    body: AccessChangeRequest;
  }
  /** `scheduledChange` is set when the change was scheduled; `data` is then the organization as it stands. */
  export type Response = ScheduledAnswer<OrganizationDetail>;
}

/** POST /organizations/:id/cancel-all */
export declare namespace CancelAllEntitlements {
  export interface Request {
    params: { id: string };
    body: CancelAllRequest;
  }
  export interface Response {
    data: OrganizationDetail;
    meta: { cancelled: { documentId: string; status: string; cancelEffectiveAt: IsoDate | null }[] };
  }
}

/** POST /organizations/:id/cancel-all/preview: what cancel-all would do, nothing written. */
export declare namespace PreviewCancelAllEntitlements {
  export interface Request {
    params: { id: string };
    body: CancelAllRequest;
  }
  export interface Response {
    data: CancelAllPreview;
  }
}

/** POST /organizations/:id/policy/preview: what giving it this policy would do to its retention, nothing written. */
export declare namespace PreviewOrganizationPolicy {
  export interface Request {
    params: { id: string };
    body: { cancellationPolicy: string | null };
  }
  export interface Response {
    data: PolicyPreview;
  }
}

/** GET /organizations/:id/audit */
export declare namespace GetOrganizationAudit {
  export interface Request {
    params: { id: string };
    query: PageQuery;
  }
  export type Response = ListResponse<AuditTimelineEvent>;
}

/** GET /organizations/:id/refunds */
export declare namespace GetOrganizationRefunds {
  export interface Request {
    params: { id: string };
    query: PageQuery;
  }
  export type Response = ListResponse<RefundEntry>;
}

/** DELETE /organizations/:id/collaborators/:userId */
export declare namespace RemoveCollaborator {
  export interface Request {
    /** userId: the admin user's documentId. */
    params: { id: string; userId: string };
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** GET /stats */
export declare namespace GetStats {
  export interface Response {
    data: Stats;
  }
}
