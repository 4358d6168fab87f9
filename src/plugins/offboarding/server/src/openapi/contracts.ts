import type {
  AccessView,
  AuditEvent,
  AuditTimelineEvent,
  BulkResult,
  CancellationPolicy,
  CancellationReason,
  CancelAllPreview,
  PolicyPreview,
  CancelPreview,
  Checklist,
  DataExport,
  DeleteOrganization,
  DomainEvent,
  Entitlement,
  NoticeTemplate,
  Notification,
  Organization,
  OrganizationDetail,
  Pagination,
  PortalOrganization,
  PortalOrganizationDetail,
  ProvisioningPolicy,
  PurgeQueueItem,
  RefundEntry,
  RenderedNotice,
  Stats,
  SweepResult,
  SweepStatus,
} from '../../../shared/contracts';
import type { ScheduledChange } from '../../../shared/contracts/lifecycle';
import type { AuditLogEntry, CancellationInsights, ChurnInsights, RefundInsights, StatusInsights, UpcomingInsights } from '../../../shared/contracts/insights';
import type { AcceptedInvitation, Invitation, PortalInvitation } from '../../../shared/contracts/invitations';
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '../../../shared/contracts/webhooks';

type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/**
 * The field names of a shared/contracts type, checked by the compiler in both directions: a
 * name the type lacks, or a field of the type left out, fails the type-check (the error names
 * the missing fields), so the document follows the contracts.
 */
const fieldsOf =
  <T>() =>
  <const K extends readonly (keyof T & string)[]>(keys: K & ([Missing<T, K>] extends [never] ? unknown : { missing: Missing<T, K> })): readonly string[] =>
    keys;

const organization = fieldsOf<Organization>()([
  'documentId', 'name', 'taxId', 'email', 'phone', 'address', 'notes', 'status', 'accessStatus', 'accessChangedAt',
  'accessReason', 'archivedAt', 'archivedBy', 'lastCancelledAt', 'retentionUntil', 'retentionExtendedUntil',
  'retentionExtensionReason', 'purgeState', 'purgeAfter', 'purgedAt', 'legalHold', 'legalHoldReason', 'legalHoldBy',
  'legalHoldAt', 'createdAt', 'updatedAt',
]);

const entitlement = fieldsOf<Entitlement>()([
  'documentId', 'organization', 'name', 'class', 'status', 'previousStatus', 'price', 'currency', 'billingPeriod',
  'currentPeriodStart', 'currentPeriodEnd', 'creditBalance', 'cancellationReason', 'cancellationNotes',
  'cancelRequestedAt', 'cancelRequestedBy', 'cancelTiming', 'cancelEffectiveAt', 'cancelledAt', 'refundMode',
  'refundAmount', 'prorateAsOf', 'suspendedAt', 'suspensionReason', 'suspensionReasonCode', 'suspensionNotes',
  'graceEndsAt', 'reactivatedAt', 'pausedAt', 'pauseReason', 'pauseNotes', 'pauseAccess', 'resumeAt', 'activatedAt',
  'dunningStagesDone', 'dunningLevel', 'provisioningState', 'provisioningOperation', 'provisioningError', 'createdAt',
  'updatedAt',
]);

const webhookEndpoint = fieldsOf<WebhookEndpoint>()([
  'documentId', 'url', 'description', 'events', 'enabled', 'includePersonalData', 'disabledAt', 'disabledReason',
  'failingSince', 'previousSecretExpiresAt', 'deliveries', 'createdAt', 'updatedAt',
]);

const portalOrganization = fieldsOf<PortalOrganization>()([
  'documentId', 'name', 'taxId', 'email', 'phone', 'address', 'status', 'role', 'lastCancelledAt', 'createdAt',
  'portalAccessUntil',
]);

/** Response data types by their shared/contracts name; each becomes a component schema. */
export const CONTRACTS = {
  Organization: organization,
  OrganizationDetail: [
    ...organization,
    ...fieldsOf<Omit<OrganizationDetail, keyof Organization>>()(['entitlements', 'policy', 'cancellationPolicy', 'retention', 'collaborators', 'checklist']),
  ],
  DeletedOrganization: fieldsOf<DeleteOrganization.Response['data']>()(['documentId', 'name', 'deletedAt', 'deleted']),
  Entitlement: entitlement,
  CancelAllPreview: fieldsOf<CancelAllPreview>()(['organization', 'entitlements', 'totals']),
  PolicyPreview: fieldsOf<PolicyPreview>()(['organization', 'cancellationPolicy', 'dataRetentionDays', 'retentionUntil', 'purgeableNow', 'purgeAfter', 'leavesPurgeQueue']),
  CancelPreview: fieldsOf<CancelPreview>()(['entitlement', 'timing', 'effectiveAt', 'resultingStatus', 'refund', 'refundEligible', 'policy']),
  CancellationPolicy: fieldsOf<CancellationPolicy>()([
    'documentId', 'name', 'isDefault', 'entitlementClass', 'portalVisibilityDays', 'dataRetentionDays', 'allowReactivation',
    'reactivationWindowDays', 'refundEligible', 'gracePeriodDays', 'purgeReviewDays', 'dunningStages', 'createdAt', 'updatedAt',
  ]),
  ProvisioningPolicy: fieldsOf<ProvisioningPolicy>()(['documentId', 'entitlementClass', 'deprovisionOnCancel']),
  CancellationReason: fieldsOf<CancellationReason>()(['documentId', 'code', 'label', 'appliesToCancel', 'appliesToSuspend', 'active']),
  AuditEvent: fieldsOf<AuditEvent>()([
    'documentId', 'action', 'actorType', 'actorId', 'actorName', 'targetType', 'targetId', 'organization', 'reason', 'notes',
    'before', 'after', 'redactedAt', 'createdAt',
  ]),
  AuditTimelineEvent: fieldsOf<AuditTimelineEvent>()([
    'documentId', 'action', 'actorType', 'actorId', 'actorName', 'targetType', 'targetId', 'organization', 'reason', 'notes',
    'before', 'after', 'redactedAt', 'createdAt', 'names',
  ]),
  RefundEntry: fieldsOf<RefundEntry>()([
    'documentId', 'entitlement', 'entitlementName', 'organization', 'periodStart', 'periodEnd', 'amount', 'currency', 'mode',
    'kind', 'actorType', 'actorId', 'actorName', 'createdAt',
  ]),
  DataExport: fieldsOf<DataExport>()([
    'documentId', 'organization', 'organizationName', 'profile', 'state', 'progress', 'requestedByType', 'requestedById',
    'requestedByName', 'fileName', 'size', 'sha256', 'counts', 'error', 'startedAt', 'finishedAt', 'expiresAt', 'createdAt',
    'downloadUrl',
  ]),
  DomainEvent: fieldsOf<DomainEvent>()(['id', 'type', 'occurredAt', 'sequence', 'organization', 'target', 'actor', 'data']),
  Checklist: fieldsOf<Checklist>()(['organization', 'startedAt', 'startedBy', 'completedAt', 'current', 'steps']),
  Stats: fieldsOf<Stats>()(['organizations', 'entitlements', 'purgeQueue', 'legalHolds']),
  BulkResult: fieldsOf<BulkResult>()(['id', 'ok', 'error']),
  PurgeQueueItem: fieldsOf<PurgeQueueItem>()([
    'documentId', 'name', 'taxId', 'archivedAt', 'lastCancelledAt', 'retentionUntil', 'purgeAfter', 'willDelete',
  ]),
  SweepStatus: fieldsOf<SweepStatus>()(['name', 'kinds', 'due', 'pending', 'failed', 'nextDueAt', 'lease', 'claimed']),
  SweepResult: fieldsOf<SweepResult>()(['sweep', 'ran', 'skipped', 'processed', 'performed', 'noop', 'failed', 'startedAt', 'finishedAt']),
  PortalOrganization: portalOrganization,
  PortalOrganizationDetail: [...portalOrganization, ...fieldsOf<Omit<PortalOrganizationDetail, keyof PortalOrganization>>()(['entitlements'])],
  WebhookEndpoint: webhookEndpoint,
  WebhookEndpointWithSecret: [...webhookEndpoint, ...fieldsOf<Omit<WebhookEndpointWithSecret, keyof WebhookEndpoint>>()(['secret'])],
  WebhookDelivery: fieldsOf<WebhookDelivery>()([
    'documentId', 'endpoint', 'eventId', 'eventType', 'organization', 'state', 'attempts', 'nextAttemptAt', 'deliveredAt', 'createdAt',
  ]),
  NoticeTemplate: fieldsOf<NoticeTemplate>()(['key', 'subject', 'body', 'enabled', 'variables', 'defaults', 'customized', 'updatedAt']),
  RenderedNotice: fieldsOf<RenderedNotice>()(['subject', 'body', 'to']),
  Notification: fieldsOf<Notification>()([
    'documentId', 'key', 'recipients', 'subject', 'state', 'attempts', 'lastError', 'skippedReason', 'sentAt', 'createdAt',
  ]),
  AccessView: fieldsOf<AccessView>()([
    'portalLogin', 'portalWrite', 'invite', 'acceptInvite', 'newOrders', 'assignResources', 'customerExport', 'stage', 'reasons',
    'portalAccessUntil',
  ]),
  Invitation: fieldsOf<Invitation>()([
    'documentId', 'organization', 'email', 'role', 'state', 'expiresAt', 'sentCount', 'lastSentAt', 'acceptedAt', 'acceptedBy', 'revokedAt', 'createdAt',
  ]),
  PortalInvitation: fieldsOf<PortalInvitation>()(['organization', 'role', 'expiresAt']),
  AcceptedInvitation: fieldsOf<AcceptedInvitation>()(['organization', 'role']),
  ScheduledChange: fieldsOf<ScheduledChange>()(['id', 'kind', 'at', 'organization', 'entitlement', 'undoable', 'details', 'createdBy']),
  CancellationInsights: fieldsOf<CancellationInsights>()(['from', 'to', 'rows']),
  RefundInsights: fieldsOf<RefundInsights>()(['from', 'to', 'rows']),
  ChurnInsights: fieldsOf<ChurnInsights>()(['from', 'to', 'rows']),
  StatusInsights: fieldsOf<StatusInsights>()(['rows', 'total']),
  UpcomingInsights: fieldsOf<UpcomingInsights>()(['from', 'to', 'interval', 'rows']),
  AuditLogEntry: fieldsOf<AuditLogEntry>()(['documentId', 'action', 'organization', 'actor', 'targetType', 'targetId', 'reason', 'createdAt']),
  Pagination: fieldsOf<Pagination>()(['page', 'pageSize', 'pageCount', 'total']),
} as const;

/** Response data without a shared contract: described, not itemized. */
export const UNTYPED = {
  Resource: 'A resource the app provisioned for an entitlement (kind, name, status, data).',
  Task: 'A task of the durable queue (kind, state, target, dueAt, attempts, error).',
} as const;

export type ContractName = keyof typeof CONTRACTS | keyof typeof UNTYPED;
