import type {
  ArchivedFilter,
  BillingPeriod,
  BulkAction,
  CancelTiming,
  EntitlementClass,
  OrganizationSort,
  OrganizationStatus,
  PolicySettings,
  RefundMode,
  SuspensionReason,
} from './constants';
import type {
  CancellationPolicy,
  Collaborator,
  Entitlement,
  IsoDate,
  Organization,
  Pagination,
} from './entities';
import type { Checklist } from './checklist';

/** Request and response shapes of the admin API (docs/spec.md §7). */
export interface ListOrganizationsQuery {
  q?: string;
  status?: OrganizationStatus;
  archived?: ArchivedFilter;
  /** `<field>:<asc|desc>`; by name when left out. */
  sort?: OrganizationSort;
  page?: number;
  pageSize?: number;
}

/** The list's filters without its page: the CSV export (`GET /organizations/export.csv`). */
export type ExportOrganizationsQuery = Omit<ListOrganizationsQuery, 'page' | 'pageSize'>;

/**
 * `GET /organizations`: the page, and with archived organizations hidden and a search given,
 * how many archived organizations the search also matches (the panel offers to show them).
 */
export interface OrganizationListResponse {
  data: Organization[];
  meta: { pagination: Pagination; archivedMatches?: number };
}

/** `POST /organizations/bulk` */
export interface BulkOrganizationsRequest {
  action: BulkAction;
  /** documentIds, at most 100. */
  ids: string[];
  /** A cancellation reason's key: required by `cancel_at_period_end`. */
  reason?: string;
}

/** One id's outcome: each is checked (RBAC, the organization's state) and run on its own. */
export interface BulkResult {
  id: string;
  ok: boolean;
  error?: { status: number; message: string; code?: string };
}

export interface BulkOrganizationsResponse {
  data: BulkResult[];
  meta: { done: number; refused: number };
}

export interface ListResponse<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export interface OrganizationInput {
  name: string;
  taxId?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  notes?: string | null;
  cancellationPolicy?: string | null;
}

export interface EntitlementInput {
  class: EntitlementClass;
  name?: string | null;
  price: number;
  currency: string;
  billingPeriod: BillingPeriod;
  currentPeriodStart?: IsoDate | null;
  currentPeriodEnd?: IsoDate | null;
  creditBalance?: number;
  /** `prospect` (docs/spec.md §13): not billed, not provisioned until `activate`. Default `active`. */
  status?: 'active' | 'prospect';
}

export interface CancelRequest {
  reason: string;
  notes?: string | null;
  timing: CancelTiming;
  effectiveAt?: IsoDate | null;
  refund?: RefundMode;
  prorateAsOf?: IsoDate | null;
}

export interface CancelPreview {
  entitlement: string;
  timing: CancelTiming;
  effectiveAt: IsoDate;
  resultingStatus: 'cancelled' | 'pending_cancellation';
  refund: {
    mode: RefundMode;
    amount: number;
    currency: string;
    asOf: IsoDate;
    unusedSeconds: number | null;
    periodSeconds: number | null;
    /** The amount the mode alone would give, before the period's cap; `amount` is what is granted. */
    uncappedAmount: number;
    /** What the ledger already holds for the current period (docs/spec.md §9, "Money is a ledger"). */
    alreadyRefunded: number;
    /** What is left to refund in the current period: its price minus alreadyRefunded. */
    refundable: number;
    /** How much the cap takes off: uncappedAmount − amount. */
    cappedBy: number;
  };
  refundEligible: boolean;
  policy: { source: string; documentId: string | null; name: string | null };
}

export interface CancelAllRequest {
  reason: string;
  notes?: string | null;
  timing: CancelTiming;
  effectiveAt?: IsoDate | null;
  /** Applied to each entitlement whose policy and billing allow it; the others are cancelled without a refund (the preview says which). */
  refund?: RefundMode;
  prorateAsOf?: IsoDate | null;
}

/** What cancelling all of an organization's entitlements would do (POST …/cancel-all/preview), nothing written. */
export interface CancelAllPreview {
  organization: string;
  entitlements: Array<{
    entitlement: string;
    name: string | null;
    class: EntitlementClass;
    /** `immediate` where there is nothing to wait for (a prospect, no period end ahead). */
    timing: CancelTiming;
    effectiveAt: IsoDate;
    resultingStatus: 'cancelled' | 'pending_cancellation';
    /** The mode applied to this one: `none` where its policy or billing allows no refund. */
    refund: { mode: RefundMode; amount: number; currency: string };
  }>;
  /** The refunds added up, one line per currency. */
  totals: Array<{ currency: string; amount: number }>;
}

/** What giving an organization a cancellation policy would do to its retention (POST …/policy/preview), nothing written. */
export interface PolicyPreview {
  organization: string;
  /** The policy previewed (null: none of its own, its classes' or the default policy apply). */
  cancellationPolicy: string | null;
  /** The longest data retention among the policies that would then govern it. */
  dataRetentionDays: number;
  /** Its retention date now and under the policy previewed (null while an entitlement is open). */
  retentionUntil: { current: IsoDate | null; next: IsoDate | null };
  /** Saving it makes the organization purgeable at once (archived, all cancelled, no legal hold, retention past), where it was not. */
  purgeableNow: boolean;
  /** When it would then be purged, after the policy's review period (purgeableNow only). */
  purgeAfter: IsoDate | null;
  /** Saving it takes the organization out of the purge queue (its retention moves past now). */
  leavesPurgeQueue: boolean;
}

export interface SuspendRequest {
  reason: SuspensionReason;
  reasonCode?: string;
  notes?: string | null;
  /** A future time: the suspension becomes a scheduled change (docs/spec.md §13). */
  effectiveAt?: IsoDate | null;
}

export interface ResolvedPolicyView {
  source: 'organization' | 'class' | 'default' | 'built-in';
  documentId: string | null;
  name: string | null;
  settings: PolicySettings;
}

export interface EntitlementView extends Entitlement {
  policy: ResolvedPolicyView;
  /** Sum of the entitlement's refund ledger, all periods, in its currency. */
  refundedTotal: number;
  reactivation: { allowed: boolean; until: IsoDate | null; refusal: string | null } | null;
}

export interface RetentionFacts {
  lastCancelledAt: IsoDate | null;
  dataRetentionDays: number;
  retentionUntil: IsoDate | null;
  retentionExtendedUntil: IsoDate | null;
  retentionExtensionReason: string | null;
  purgeState: Organization['purgeState'];
  purgeAfter: IsoDate | null;
  legalHold: boolean;
  legalHoldReason: string | null;
}

export interface OrganizationDetail extends Organization {
  entitlements: EntitlementView[];
  policy: ResolvedPolicyView;
  cancellationPolicy: Pick<CancellationPolicy, 'documentId' | 'name'> | null;
  retention: RetentionFacts;
  collaborators: Collaborator[];
  /** The offboarding checklist (docs/spec.md §6); not started until an admin starts it. */
  checklist: Checklist;
}

export interface Stats {
  organizations: {
    total: number;
    /** Organizations not archived, by status (the list with "Show archived" off). */
    byStatus: Record<OrganizationStatus, number>;
    /** Every organization by status, archived ones included (the list with "Show archived" on). */
    byStatusWithArchived: Record<OrganizationStatus, number>;
    archived: number;
    disabled: number;
    purged: number;
  };
  entitlements: { byStatus: Record<string, number> };
  purgeQueue: number;
  legalHolds: number;
}

