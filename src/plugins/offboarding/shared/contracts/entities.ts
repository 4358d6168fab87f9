import type {
  AccessStatus,
  DunningLevel,
  PauseAccess,
  ExportProfile,
  ExportState,
  ActorType,
  BillingPeriod,
  CancelTiming,
  CollaboratorRole,
  EntitlementClass,
  EntitlementStatus,
  OrganizationStatus,
  PolicySettings,
  ProvisioningOperation,
  ProvisioningState,
  PurgeState,
  RefundEntryKind,
  RefundMode,
  SuspensionReason,
} from './constants';

/** Dates travel as ISO 8601 strings; amounts as integer minor units. */
export type IsoDate = string;

export interface Organization {
  documentId: string;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  status: OrganizationStatus;
  accessStatus: AccessStatus;
  accessChangedAt: IsoDate | null;
  accessReason: string | null;
  archivedAt: IsoDate | null;
  archivedBy: string | null;
  lastCancelledAt: IsoDate | null;
  retentionUntil: IsoDate | null;
  retentionExtendedUntil: IsoDate | null;
  retentionExtensionReason: string | null;
  purgeState: PurgeState;
  purgeAfter: IsoDate | null;
  purgedAt: IsoDate | null;
  legalHold: boolean;
  legalHoldReason: string | null;
  legalHoldBy: string | null;
  legalHoldAt: IsoDate | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface Entitlement {
  documentId: string;
  organization?: { documentId: string; name: string } | null;
  name: string | null;
  class: EntitlementClass;
  status: EntitlementStatus;
  previousStatus: EntitlementStatus | null;
  price: number;
  currency: string;
  billingPeriod: BillingPeriod;
  currentPeriodStart: IsoDate | null;
  currentPeriodEnd: IsoDate | null;
  creditBalance: number | null;
  cancellationReason: string | null;
  cancellationNotes: string | null;
  cancelRequestedAt: IsoDate | null;
  cancelRequestedBy: string | null;
  cancelTiming: CancelTiming | null;
  cancelEffectiveAt: IsoDate | null;
  cancelledAt: IsoDate | null;
  refundMode: RefundMode | null;
  refundAmount: number | null;
  prorateAsOf: IsoDate | null;
  suspendedAt: IsoDate | null;
  suspensionReason: SuspensionReason | null;
  suspensionReasonCode: string | null;
  suspensionNotes: string | null;
  graceEndsAt: IsoDate | null;
  reactivatedAt: IsoDate | null;
  /** A customer-requested pause (docs/spec.md §13): since when, why, until when, and the portal meanwhile. */
  pausedAt: IsoDate | null;
  pauseReason: string | null;
  pauseNotes: string | null;
  pauseAccess: PauseAccess | null;
  resumeAt: IsoDate | null;
  /** When a prospect was activated. */
  activatedAt: IsoDate | null;
  /** Dunning of a non-payment suspension: stages performed so far (index into the policy's stages) and the strongest access step. */
  dunningStagesDone: number | null;
  dunningLevel: DunningLevel | null;
  /** The downstream provisioning outbox (docs/spec.md §1): what is owed to other systems, and its last error. */
  provisioningState: ProvisioningState | null;
  provisioningOperation: ProvisioningOperation | null;
  provisioningError: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface CancellationPolicy extends PolicySettings {
  documentId: string;
  name: string;
  isDefault: boolean;
  entitlementClass: EntitlementClass | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface ProvisioningPolicy {
  documentId: string;
  entitlementClass: EntitlementClass;
  deprovisionOnCancel: boolean;
}

export interface CancellationReason {
  documentId: string;
  code: string;
  label: string;
  appliesToCancel: boolean;
  appliesToSuspend: boolean;
  active: boolean;
}

export interface AuditEvent {
  documentId: string;
  action: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  organization: string | null;
  reason: string | null;
  notes: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  redactedAt: IsoDate | null;
  createdAt: IsoDate;
}

/**
 * An event as the organization's audit timeline lists it: the names of the documents its values
 * refer to by id (a cancellation policy), read when listed, so a renamed or deleted one reads as it is now.
 */
export interface AuditTimelineEvent extends AuditEvent {
  /** Display name by documentId, for the ids in `before`/`after`; an id missing here no longer exists. */
  names: Record<string, string>;
}

/** A row of the refund ledger (docs/spec.md §9): append-only; a reversal holds a negative amount. */
export interface RefundEntry {
  documentId: string;
  /** The entitlement's documentId. */
  entitlement: string;
  /** The entitlement's name when it still exists, for display. */
  entitlementName: string | null;
  organization: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  amount: number;
  currency: string;
  mode: Exclude<RefundMode, 'none'>;
  kind: RefundEntryKind;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  createdAt: IsoDate;
}

export interface Collaborator {
  documentId: string;
  role: CollaboratorRole;
  user: { documentId: string; id: number; email: string; username: string } | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface DataExport {
  documentId: string;
  organization: string;
  organizationName: string | null;
  /** `customer` exports hold only what customers may see, and only they get signed links. */
  profile: ExportProfile;
  state: ExportState;
  progress: number;
  requestedByType: 'admin' | 'collaborator';
  requestedById: string | null;
  requestedByName: string | null;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
  counts: Record<string, number> | null;
  error: string | null;
  startedAt: IsoDate | null;
  finishedAt: IsoDate | null;
  expiresAt: IsoDate | null;
  createdAt: IsoDate;
  /** Present on a ready export shown to its requester: the signed link. */
  downloadUrl?: string;
}
