import type {
  BillingPeriod,
  CollaboratorRole,
  EntitlementClass,
  EntitlementStatus,
  OrganizationStatus,
  RefundMode,
  SuspensionReason,
} from './constants';
import type { IsoDate, Pagination } from './entities';

/**
 * Collaborator portal (content API, docs/spec.md §5): what a customer may see of their own account.
 * Built on the server from the customers' allow-list (server/src/domain/customer-view.ts), the
 * one customer exports use too, so an internal field added to the content types later never
 * leaks here by accident (no notes, audit, retention or legal-hold facts).
 */
export interface PortalOrganization {
  documentId: string;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: OrganizationStatus;
  /** The caller's own role in the organization. */
  role: CollaboratorRole;
  /** When every entitlement is cancelled: the last cancellation. */
  lastCancelledAt: IsoDate | null;
  createdAt: IsoDate | null;
  /** The portal closes after this instant (null while something is still running). */
  portalAccessUntil: IsoDate | null;
}

export interface PortalEntitlement {
  documentId: string;
  name: string | null;
  class: EntitlementClass;
  status: EntitlementStatus;
  price: number;
  currency: string;
  billingPeriod: BillingPeriod;
  currentPeriodStart: IsoDate | null;
  currentPeriodEnd: IsoDate | null;
  creditBalance: number | null;
  suspendedAt: IsoDate | null;
  suspensionReason: SuspensionReason | null;
  /** A suspension for non-payment turns into a cancellation at this instant. */
  graceEndsAt: IsoDate | null;
  /** A pending cancellation takes effect at this instant. */
  cancelEffectiveAt: IsoDate | null;
  cancelledAt: IsoDate | null;
  refundMode: RefundMode | null;
  refundAmount: number | null;
  reactivatedAt: IsoDate | null;
  createdAt: IsoDate | null;
  /** A cancelled entitlement disappears from the portal after this instant. */
  visibleUntil: IsoDate | null;
}

export interface PortalOrganizationDetail extends PortalOrganization {
  entitlements: PortalEntitlement[];
}

export interface PortalListQuery {
  page: number;
  pageSize: number;
}

export interface PortalOrganizationList {
  data: PortalOrganization[];
  meta: { pagination: Pagination };
}
