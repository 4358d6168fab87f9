import type { ActorType, EntitlementStatus } from './constants';
import type { IsoDate, Pagination } from './entities';
import type { ScheduledChangeKind } from './lifecycle';

/**
 * The Insights page (docs/spec.md §6, §7): each chart is one admin endpoint (RBAC: read) answering
 * one SQL aggregate. Months (`YYYY-MM`) and days (`YYYY-MM-DD`) are the stored times' own (UTC);
 * money is in integer minor units, per currency, never added across currencies.
 */

/** `from` and `to` of a dated insight: ISO dates, `from` ≤ `to`, at most 5 years apart; default the last 12 months. */
export interface InsightsRangeQuery {
  from?: IsoDate;
  /** Inclusive: a bare date (`2027-01-31`) covers that whole day. */
  to?: IsoDate;
}

/** The window an answer covers: `from` inclusive, `to` exclusive. */
export interface InsightsRange {
  from: IsoDate;
  to: IsoDate;
}

/** Entitlements whose cancellation took effect in a month, by the reason recorded. */
export interface CancellationInsights extends InsightsRange {
  rows: { month: string; reason: string | null; label: string | null; count: number }[];
}

/** The refund ledger per month and currency: `amount` net of reversals, `count` refunds granted. */
export interface RefundInsights extends InsightsRange {
  rows: { month: string; currency: string; amount: number; count: number }[];
}

/**
 * Recurring revenue lost to churn: the entitlements cancelled in a month (still cancelled, billed
 * monthly or yearly), their price as a monthly amount (a yearly price ÷ 12, rounded), per currency.
 */
export interface ChurnInsights extends InsightsRange {
  rows: { month: string; currency: string; monthlyAmount: number; count: number }[];
}

/** Every entitlement by status, every status listed (zeros included). */
export interface StatusInsights {
  rows: { status: EntitlementStatus; count: number }[];
  total: number;
}

export const UPCOMING_INTERVALS = ['day', 'week'] as const;
export type UpcomingInterval = (typeof UPCOMING_INTERVALS)[number];

/** What the scheduled-changes list holds for the next `days` days, per day or week (Monday) and kind. */
export interface UpcomingInsights extends InsightsRange {
  interval: UpcomingInterval;
  rows: { period: string; kind: ScheduledChangeKind; count: number }[];
}

/** GET /insights/cancellations, /refunds, /churn */
export declare namespace GetRangeInsights {
  export interface Request {
    query: InsightsRangeQuery;
  }
}
export declare namespace GetCancellationInsights {
  export interface Response {
    data: CancellationInsights;
  }
}
export declare namespace GetRefundInsights {
  export interface Response {
    data: RefundInsights;
  }
}
export declare namespace GetChurnInsights {
  export interface Response {
    data: ChurnInsights;
  }
}
export declare namespace GetStatusInsights {
  export interface Response {
    data: StatusInsights;
  }
}
/** GET /insights/upcoming?days=1..366 (default 90)&interval=day|week (default week) */
export declare namespace GetUpcomingInsights {
  export interface Request {
    query: { days?: number; interval?: UpcomingInterval };
  }
  export interface Response {
    data: UpcomingInsights;
  }
}

/** One row of the global audit log: the event with its organization's and actor's names. */
export interface AuditLogEntry {
  documentId: string;
  action: string;
  /** null for a settings event (a policy, a reason); `name` null once the organization is gone. */
  organization: { documentId: string; name: string | null } | null;
  actor: { type: ActorType; id: string | null; name: string | null };
  targetType: string;
  targetId: string | null;
  reason: string | null;
  createdAt: IsoDate;
}

/** GET /audit (RBAC: read): every organization's audit events, newest first. */
export declare namespace ListAuditLog {
  export interface Request {
    query: {
      organization?: string;
      action?: string;
      actorType?: ActorType;
      from?: IsoDate;
      to?: IsoDate;
      page?: number;
      pageSize?: number;
    };
  }
  export interface Response {
    data: AuditLogEntry[];
    meta: { pagination: Pagination };
  }
}
