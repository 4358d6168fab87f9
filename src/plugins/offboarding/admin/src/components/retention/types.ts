import type { SweepName } from '../../../../shared/contracts/constants';
import type { IsoDate } from '../../../../shared/contracts/entities';

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
  lease: { name: string; holder: string | null; expiresAt: IsoDate | null } | null;
}

/** The answer of `POST /jobs/:name/run`. */
export interface SweepResult {
  sweep: SweepName;
  ran: boolean;
  skipped: string | null;
  processed: number;
  performed: number;
  noop: number;
  failed: number;
  startedAt: IsoDate;
  finishedAt: IsoDate;
}
