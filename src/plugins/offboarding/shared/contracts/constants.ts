/**
 * Vocabulary shared by the server and the admin panel: one truth for the API.
 */
export const ENTITLEMENT_CLASSES = ['PLG', 'ENV', 'SVC', 'ORD', 'AFL', 'EDU'] as const;
export type EntitlementClass = (typeof ENTITLEMENT_CLASSES)[number];

/**
 * `prospect` (EngageIP): not billed, not provisioned, not counted as active; left only by
 * `activate` and never returned to. `paused`: a customer-requested pause (docs/spec.md §13).
 */
export const ENTITLEMENT_STATUSES = ['prospect', 'active', 'paused', 'suspended', 'pending_cancellation', 'cancelled'] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];

/** An organization's status is derived from its entitlements (see domain/organization-status). */
export const ORGANIZATION_STATUSES = ENTITLEMENT_STATUSES;
export type OrganizationStatus = EntitlementStatus;

export const BILLING_PERIODS = ['month', 'year', 'none'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const REFUND_MODES = ['none', 'prorated', 'full'] as const;
export type RefundMode = (typeof REFUND_MODES)[number];

/** A ledger row either grants money or takes back what an undone pending cancellation granted. */
export const REFUND_ENTRY_KINDS = ['refund', 'reversal'] as const;
export type RefundEntryKind = (typeof REFUND_ENTRY_KINDS)[number];

export const CANCEL_TIMINGS = ['immediate', 'period_end', 'date'] as const;
export type CancelTiming = (typeof CANCEL_TIMINGS)[number];

export const SUSPENSION_REASONS = ['non_payment', 'manual'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** A pause keeps the organization's portal open, or closes it while nothing else is paid up (docs/spec.md §13). */
export const PAUSE_ACCESS = ['keep', 'block'] as const;
export type PauseAccess = (typeof PAUSE_ACCESS)[number];

/**
 * Dunning stages (docs/spec.md §13): after N days of a non-payment suspension, `notify` (a
 * notice), `restrict` (read-only portal), `block` (closed portal) or `cancel` (the overdue
 * entitlement only).
 */
export const DUNNING_ACTIONS = ['notify', 'restrict', 'block', 'cancel'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];
export interface DunningStage {
  afterDays: number;
  action: DunningAction;
}
/** How far dunning has restricted an overdue entitlement (the strongest stage reached so far). */
export const DUNNING_LEVELS = ['none', 'restrict', 'block'] as const;
export type DunningLevel = (typeof DUNNING_LEVELS)[number];

export const ACCESS_STATUSES = ['enabled', 'disabled'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

export const PURGE_STATES = ['none', 'scheduled', 'purged'] as const;
export type PurgeState = (typeof PURGE_STATES)[number];

export const ARCHIVED_FILTERS = ['exclude', 'include', 'only'] as const;
export type ArchivedFilter = (typeof ARCHIVED_FILTERS)[number];

/** The organizations list's sortable columns (`sort=<field>:<asc|desc>`), each backed by an index. */
export const ORGANIZATION_SORT_FIELDS = ['name', 'status', 'createdAt', 'lastCancelledAt', 'retentionUntil'] as const;
export type OrganizationSortField = (typeof ORGANIZATION_SORT_FIELDS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export type OrganizationSort = `${OrganizationSortField}:${SortDirection}`;
export const ORGANIZATION_SORTS = ORGANIZATION_SORT_FIELDS.flatMap((field) =>
  SORT_DIRECTIONS.map((direction) => `${field}:${direction}` as OrganizationSort)
);

/** What `POST /organizations/bulk` runs on each selected organization, and the RBAC action each needs. */
export const BULK_ACTIONS = ['archive', 'export', 'cancel_at_period_end'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const MAX_BULK_IDS = 100;

export const COLLABORATOR_ROLES = ['owner', 'member'] as const;
export type CollaboratorRole = (typeof COLLABORATOR_ROLES)[number];

export const ACTOR_TYPES = ['admin', 'collaborator', 'job'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface PolicySettings {
  portalVisibilityDays: number;
  dataRetentionDays: number;
  allowReactivation: boolean;
  reactivationWindowDays: number;
  refundEligible: boolean;
  gracePeriodDays: number;
  purgeReviewDays: number;
  /**
   * null: the single grace period (`gracePeriodDays`) with the notices' grace reminders, as
   * before issue 15. A list replaces it: increasing `afterDays`, at most one `cancel`, last.
   */
  dunningStages: DunningStage[] | null;
}

export const POLICY_SETTING_KEYS = [
  'portalVisibilityDays',
  'dataRetentionDays',
  'allowReactivation',
  'reactivationWindowDays',
  'refundEligible',
  'gracePeriodDays',
  'purgeReviewDays',
  'dunningStages',
] as const satisfies readonly (keyof PolicySettings)[];

export const DEFAULT_POLICY_SETTINGS: Readonly<PolicySettings> = Object.freeze({
  portalVisibilityDays: 90,
  dataRetentionDays: 365,
  allowReactivation: true,
  reactivationWindowDays: 90,
  refundEligible: false,
  gracePeriodDays: 30,
  purgeReviewDays: 7,
  dunningStages: null,
});

export interface SeedReason {
  code: string;
  label: string;
  appliesToCancel: boolean;
  appliesToSuspend: boolean;
}

export const SEEDED_REASONS: readonly SeedReason[] = [
  { code: 'customer_request', label: 'Customer request', appliesToCancel: true, appliesToSuspend: false },
  { code: 'business_closure', label: 'Business closure', appliesToCancel: true, appliesToSuspend: false },
  { code: 'switching_provider', label: 'Switching provider', appliesToCancel: true, appliesToSuspend: false },
  { code: 'too_expensive', label: 'Too expensive', appliesToCancel: true, appliesToSuspend: false },
  { code: 'payment_failure', label: 'Payment failure', appliesToCancel: true, appliesToSuspend: true },
  { code: 'other', label: 'Other', appliesToCancel: true, appliesToSuspend: true },
];

/** Work the durable queue does later; each kind belongs to one sweep. */
export const TASK_KINDS = [
  'complete_cancellation',
  'expire_grace',
  'flag_retention',
  'purge',
  'generate_export',
  'expire_export',
  'deprovision',
  'reprovision',
  // Events out (docs/spec.md §10, §11): one webhook delivery attempt; one notice to send; the
  // dated reminders, derived from their row's state like the transitions they announce.
  'deliver_webhook',
  'send_notice',
  'remind_cancellation',
  'remind_grace',
  'warn_purge',
  // Issue 15 (docs/spec.md §13): a pause's own end at resumeAt; the next dunning stage of an
  // overdue entitlement; a dated status change (a `scheduled-change` row) falling due.
  'resume_pause',
  'dunning_step',
  'apply_change',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATES = ['pending', 'done', 'cancelled', 'failed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const SWEEPS = {
  transitions: ['complete_cancellation', 'expire_grace', 'resume_pause', 'dunning_step', 'apply_change'],
  retention: ['flag_retention'],
  purge: ['purge'],
  exports: ['generate_export', 'expire_export'],
  provisioning: ['deprovision', 'reprovision'],
  webhooks: ['deliver_webhook'],
  notices: ['send_notice', 'remind_cancellation', 'remind_grace', 'warn_purge'],
} as const satisfies Record<string, readonly TaskKind[]>;
export type SweepName = keyof typeof SWEEPS;
export const SWEEP_NAMES = Object.keys(SWEEPS) as SweepName[];

export const EXPORT_STATES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

/**
 * `customer`: only the fields chosen for customers (portal requests, signed links);
 * `admin`: everything, for staff only (docs/spec.md §9).
 */
export const EXPORT_PROFILES = ['admin', 'customer'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

/** The ZIP's manifest format; bumped when its layout changes. */
export const EXPORT_FORMAT_VERSION = 2;

export const PROVISIONING_STATES = ['none', 'pending', 'done', 'failed'] as const;
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];
export type ProvisioningOperation = 'deprovision' | 'reprovision';
