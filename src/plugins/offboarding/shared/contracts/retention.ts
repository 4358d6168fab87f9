import type { ListResponse, OrganizationDetail } from './api';
import type { SweepName } from './constants';
import type { IsoDate } from './entities';
import type { PageQuery } from './organizations';

/** One request and one response type per admin route of the Data Retention page (server/src/routes/admin.ts). */

/** A row of `GET /retention/queue` (retention service `queue`). */
export interface PurgeQueueItem {
  documentId: string;
  name: string;
  taxId: string | null;
  archivedAt: IsoDate | null;
  lastCancelledAt: IsoDate | null;
  retentionUntil: IsoDate | null;
  purgeAfter: IsoDate | null;
  /** Rows the purge removes, per kind (`entitlements`, `collaborators`, the app's `orders`…), and audit events it redacts. */
  willDelete: Record<string, number>;
}

/** A row of `GET /jobs`: one sweep of the durable queue. */
export interface SweepStatus {
  name: SweepName;
  kinds: string[];
  due: number;
  pending: number;
  failed: number;
  nextDueAt: IsoDate | null;
  /** SQLite: the instance working the sweep, while it holds the lease. */
  lease: { name: string; holder: string | null; expiresAt: IsoDate | null } | null;
  /** PostgreSQL and MySQL: due tasks claimed right now, and by how many instances. */
  claimed: { tasks: number; instances: number };
}

/** The answer of `POST /jobs/:name/run`. */
export interface SweepResult {
  sweep: SweepName;
  ran: boolean;
  /** Why it did not run: another instance holds the lease. */
  skipped: string | null;
  processed: number;
  performed: number;
  noop: number;
  failed: number;
  startedAt: IsoDate;
  finishedAt: IsoDate;
}

/** GET /retention/queue */
export declare namespace GetPurgeQueue {
  export interface Request {
    query: PageQuery;
  }
  export type Response = ListResponse<PurgeQueueItem>;
}

/** POST /organizations/:id/retention/extend */
export declare namespace ExtendRetention {
  export interface Request {
    params: { id: string };
    body: { until: IsoDate; reason: string };
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** POST /organizations/:id/retention/hold */
export declare namespace PlaceLegalHold {
  export interface Request {
    params: { id: string };
    body: { reason: string };
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** DELETE /organizations/:id/retention/hold */
export declare namespace LiftLegalHold {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: OrganizationDetail;
  }
}

/** GET /jobs */
export declare namespace ListJobs {
  export interface Response {
    data: SweepStatus[];
  }
}

/** POST /jobs/:name/run */
export declare namespace RunJob {
  export interface Request {
    params: { name: SweepName };
  }
  export interface Response {
    data: SweepResult;
  }
}
