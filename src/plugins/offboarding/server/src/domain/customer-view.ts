/**
 * What a customer may see (docs/spec.md §9, README "What customers can see"): one allow-list, field by
 * field, used by the portal responses and by customer-profile exports alike. A field added to a
 * content type later is invisible to customers until it is named here.
 *
 * Never here: internal notes (organization `notes`, `cancellationNotes`, `suspensionNotes`, `pauseNotes`,
 * `accessReason`), the staff's classification of a cancellation (reason codes), legal-hold
 * facts, retention and purge scheduling, provisioning internals, who on the staff did what (an
 * admin is "staff"), numeric ids.
 */

export const CUSTOMER_ORGANIZATION_FIELDS = [
  'documentId',
  'name',
  'taxId',
  'email',
  'phone',
  'address',
  'status',
  'lastCancelledAt',
  'createdAt',
] as const;

export const CUSTOMER_ENTITLEMENT_FIELDS = [
  'documentId',
  'name',
  'class',
  'status',
  'price',
  'currency',
  'billingPeriod',
  'currentPeriodStart',
  'currentPeriodEnd',
  'creditBalance',
  'suspendedAt',
  'suspensionReason',
  'graceEndsAt',
  'cancelEffectiveAt',
  'cancelledAt',
  'refundMode',
  'refundAmount',
  'reactivatedAt',
  // A customer-requested pause and its end, and when a prospect became a customer (docs/spec.md
  // §13). Not its reason code nor its notes: the staff's.
  'pausedAt',
  'pauseAccess',
  'resumeAt',
  'activatedAt',
  'createdAt',
] as const;

export const CUSTOMER_EXPORT_FIELDS = [
  'documentId',
  'organization',
  'profile',
  'state',
  'progress',
  'requestedByType',
  'size',
  'sha256',
  'counts',
  'createdAt',
  'finishedAt',
  'expiresAt',
] as const;

export const CUSTOMER_REFUND_FIELDS = ['documentId', 'entitlement', 'periodStart', 'periodEnd', 'amount', 'currency', 'mode', 'kind', 'createdAt'] as const;

/**
 * Audit actions a customer sees, each with the `before`/`after` fields it may show. Anything not
 * listed (legal holds, retention, purge scheduling, checklist, provisioning, settings) is left out.
 */
export const CUSTOMER_AUDIT_ACTIONS: Record<string, readonly string[]> = {
  'organization.created': ['name', 'taxId', 'email', 'phone', 'address', 'status'],
  'organization.updated': ['name', 'taxId', 'email', 'phone', 'address', 'status'],
  'organization.access_disabled': ['accessStatus'],
  'organization.access_enabled': ['accessStatus'],
  'organization.archived': [],
  'organization.unarchived': [],
  'entitlement.created': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.cancellation_scheduled': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.cancellation_undone': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.cancelled': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.suspended': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.resumed': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.reactivated': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.paused': CUSTOMER_ENTITLEMENT_FIELDS,
  'entitlement.activated': CUSTOMER_ENTITLEMENT_FIELDS,
  'refund.recorded': CUSTOMER_REFUND_FIELDS,
  'refund.reversed': CUSTOMER_REFUND_FIELDS,
  'collaborator.added': ['email', 'role'],
  'collaborator.removed': ['email', 'role'],
  // Only for customer exports (see customerAuditEvent): staff-only exports are internal activity.
  'export.requested': ['state', 'profile'],
  'export.ready': ['state', 'profile', 'size', 'sha256'],
  'export.expired': ['state', 'profile'],
  'export.failed': ['state', 'profile'],
};

/** Targets whose documentIds a customer already sees; any other target's id is left out. */
const CUSTOMER_TARGETS = new Set(['organization', 'entitlement', 'data-export', 'refund']);

export type CustomerActor = 'staff' | 'system' | 'collaborator';

export interface CustomerAuditEvent {
  action: string;
  createdAt: string | null;
  actor: CustomerActor;
  /** A collaborator's own e-mail (the customer's people); never an admin's. */
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const normalize = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value ?? null);

/** Only the allowed keys of a row in API terms (`toApi`), dates as ISO strings, missing ones as null. */
export const pickFields = <K extends string>(row: Record<string, unknown>, fields: readonly K[]): Record<K, unknown> => {
  const out = {} as Record<K, unknown>;
  for (const field of fields) out[field] = normalize(row[field]);
  return out;
};

const pickPresent = (values: Record<string, unknown> | null | undefined, fields: readonly string[]) => {
  if (!values || typeof values !== 'object') return null;
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in values) out[field] = normalize(values[field]);
  return Object.keys(out).length ? out : null;
};

/** An audit event as a customer may see it, or null when the event is not for customers. */
export const customerAuditEvent = (event: {
  action: string;
  createdAt?: unknown;
  actorType?: unknown;
  actorName?: unknown;
  targetType?: unknown;
  targetId?: unknown;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}): CustomerAuditEvent | null => {
  const fields = CUSTOMER_AUDIT_ACTIONS[event.action];
  if (!fields) return null;
  // An export event is the customer's only for a customer export (older events name no profile).
  if (event.action.startsWith('export.') && event.after?.profile !== 'customer') return null;
  const actor: CustomerActor = event.actorType === 'collaborator' ? 'collaborator' : event.actorType === 'admin' ? 'staff' : 'system';
  const targetType = typeof event.targetType === 'string' ? event.targetType : null;
  return {
    action: event.action,
    createdAt: normalize(event.createdAt) as string | null,
    actor,
    actorName: actor === 'collaborator' && typeof event.actorName === 'string' ? event.actorName : null,
    targetType,
    targetId: targetType && CUSTOMER_TARGETS.has(targetType) && typeof event.targetId === 'string' ? event.targetId : null,
    before: pickPresent(event.before, fields),
    after: pickPresent(event.after, fields),
  };
};

/**
 * A spreadsheet opens a cell starting with =, +, -, @, tab or CR as a formula (OWASP CSV
 * injection): such a text cell is prefixed with a quote so it stays text. Numbers are left alone.
 */
export const neutralizeCsvCell = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};

/**
 * What a webhook endpoint created without `includePersonalData` receives of an event's `data`
 * (docs/spec.md §10, data minimisation): the event as the event log shows it, less personal data
 * and internal notes. A deny list, because `data` is the admin API's entity of every kind (an
 * organization, an entitlement, a refund, an export, a checklist, a policy…): these keys are
 * left out wherever they appear, nested objects included, and so is any key ending as the
 * patterns below do (a later `…Notes`, `…By` or `…Email` field is left out without being named).
 * `changed` still names them (it says a field changed, not its value).
 */
export const WEBHOOK_PERSONAL_KEYS = [
  // Contact and identity of the customer
  'email',
  'phone',
  'address',
  'taxId',
  'user',
  'username',
  // Internal notes and reasons written by the staff
  'notes',
  'cancellationNotes',
  'suspensionNotes',
  'accessReason',
  'legalHoldReason',
  'retentionExtensionReason',
  'skipReason',
  // Who on the staff (or which person) did it
  'archivedBy',
  'legalHoldBy',
  'cancelRequestedBy',
  'startedBy',
  'completedBy',
  'actorId',
  'actorName',
  'requestedById',
  'requestedByName',
  // A customer's signed download link is theirs alone
  'downloadUrl',
] as const;

const WEBHOOK_PERSONAL_PATTERNS = [/Notes$/, /By$/, /ById$/, /ByName$/, /Email$/i, /Phone$/i];

const personalKeys = new Set<string>(WEBHOOK_PERSONAL_KEYS);
const isPersonal = (key: string) => personalKeys.has(key) || WEBHOOK_PERSONAL_PATTERNS.some((pattern) => pattern.test(key));

/** `value` without personal keys, at any depth (bounded: event data is the API's, a few levels deep). */
export const withoutPersonalData = (value: unknown, depth = 0): unknown => {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'changed' || !isPersonal(key)) out[key] = withoutPersonalData(item, depth + 1);
  }
  return out;
};
