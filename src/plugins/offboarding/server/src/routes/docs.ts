import * as checklist from '../controllers/validation/checklist';
import { emptyBody, noQuery, type Validator } from '../controllers/validation/common';
import * as insights from '../controllers/validation/insights';
import * as invitation from '../controllers/validation/invitation';
import * as entitlement from '../controllers/validation/entitlement';
import * as events from '../controllers/validation/events';
import * as notices from '../controllers/validation/notices';
import * as dataExport from '../controllers/validation/export';
import * as organization from '../controllers/validation/organization';
import * as portal from '../controllers/validation/portal';
import * as retention from '../controllers/validation/retention';
import * as scheduledChange from '../controllers/validation/scheduled-change';
import * as settings from '../controllers/validation/settings';
import * as webhooks from '../controllers/validation/webhooks';
import type { ContractName } from '../openapi/contracts';

/**
 * What the OpenAPI document (server/src/openapi) says of each handler beyond the route table:
 * the validators its controller runs (their yup schemas become the parameters and the body) and
 * what it answers. Methods, paths, RBAC actions and auth come from admin.ts and content-api.ts.
 */
export interface RouteDoc {
  summary: string;
  /** Path parameters checked by a schema (others are documentIds or names: a 404 when unknown). */
  params?: Validator<unknown>;
  query?: Validator<unknown>;
  body?: Validator<unknown>;
  /** What `data` holds: a shared/contracts type, a list of them (`[Name]`), a zip file, or this document. */
  data: ContractName | readonly [ContractName] | 'file' | 'csv' | 'openapi';
  /** The success status (200 when left out); `also` for a second one. */
  status?: 200 | 201 | 202;
  also?: 200;
  /** `meta` beside `data`: the page of a list, or cancel-all's per-entitlement results. */
  meta?: 'pagination' | 'cancelled' | 'archivedMatches' | 'bulk';
  /** A dated request: `scheduledChange` beside `data` when the change was scheduled (docs/spec.md §13). */
  scheduled?: true;
  /** 409: the state refuses the change. */
  conflict?: true;
  /** 410: the invitation expired, was revoked or was accepted. */
  gone?: true;
  /** 429 with Retry-After: the daily export limit. */
  limited?: true;
}

const list = (name: ContractName) => [name] as const;

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'openapi.document': { summary: 'This OpenAPI 3.1 document', query: noQuery, data: 'openapi' },

  'organization.find': { summary: 'List organizations', query: organization.validateListOrganizations, data: list('Organization'), meta: 'archivedMatches' },
  'organization.exportCsv': { summary: 'The filtered list as CSV (same filters and sort as the list)', query: organization.validateExportOrganizations, data: 'csv' },
  'organization.bulk': { summary: "Archive, export or cancel at period end several organizations; each id answers on its own (and needs the action's permission)", body: organization.validateBulkOrganizations, data: list('BulkResult'), meta: 'bulk' },
  'organization.create': { summary: 'Create an organization', body: organization.validateCreateOrganization, data: 'OrganizationDetail', status: 201, conflict: true },
  'organization.findOne': { summary: "An organization's detail", query: noQuery, data: 'OrganizationDetail' },
  'organization.update': { summary: 'Change an organization', body: organization.validateUpdateOrganization, data: 'OrganizationDetail', conflict: true },
  'organization.delete': { summary: 'Delete an organization (confirm with its name)', query: organization.validateDeleteQuery, data: 'DeletedOrganization', conflict: true },
  'organization.archive': { summary: 'Archive an organization', body: emptyBody, data: 'OrganizationDetail', conflict: true },
  'organization.unarchive': { summary: 'Unarchive an organization', body: emptyBody, data: 'OrganizationDetail', conflict: true },
  'organization.disable': { summary: 'Disable portal access, now or on a date (effectiveAt)', body: organization.validateAccessChange, data: 'OrganizationDetail', scheduled: true, conflict: true },
  'organization.enable': { summary: 'Enable portal access, now or on a date (effectiveAt)', body: organization.validateAccessChange, data: 'OrganizationDetail', scheduled: true, conflict: true },
  'organization.cancelAll': { summary: "Cancel all of an organization's entitlements", body: entitlement.validateCancelAll, data: 'OrganizationDetail', meta: 'cancelled', conflict: true },
  'organization.previewCancelAll': { summary: "What cancelling all of an organization's entitlements would do, changing nothing", body: entitlement.validateCancelAll, data: 'CancelAllPreview', conflict: true },
  'organization.previewPolicy': { summary: 'What giving the organization a cancellation policy of its own would do to its retention, changing nothing', body: organization.validatePolicyPreview, data: 'PolicyPreview', conflict: true },
  'organization.audit': { summary: "An organization's audit trail", query: organization.validatePagination, data: list('AuditTimelineEvent'), meta: 'pagination' },
  'organization.refunds': { summary: "An organization's refund ledger", query: organization.validatePagination, data: list('RefundEntry'), meta: 'pagination' },
  'organization.removeCollaborator': { summary: 'Remove a collaborator', data: 'OrganizationDetail', conflict: true },
  'invitation.create': { summary: 'Invite an e-mail address to join the organization with a role (mailed as the invitation notice)', body: invitation.validateInvitation, data: 'Invitation', status: 201, conflict: true },
  'invitation.listForOrganization': { summary: "An organization's invitations, newest first", query: invitation.validateInvitationList, data: list('Invitation'), meta: 'pagination' },
  'invitation.revoke': { summary: 'Revoke a pending invitation', query: noQuery, data: 'Invitation', conflict: true },
  'invitation.resend': { summary: 'Mail a pending or expired invitation again with a new link (the old one stops working)', body: emptyBody, data: 'Invitation', conflict: true },
  'organization.stats': { summary: 'Dashboard counts', query: noQuery, data: 'Stats' },
  'organization.access': { summary: "What the organization's access stage allows now, and why not", query: noQuery, data: 'AccessView' },
  'events.find': { summary: 'The domain event log', query: events.validateEventQuery, data: list('DomainEvent'), meta: 'pagination' },
  'insights.cancellations': { summary: 'Cancellations per month by reason (default: the last 12 months)', query: insights.validateInsightsRange, data: 'CancellationInsights' },
  'insights.refunds': { summary: 'Refunds per month by currency: the net amount and the refunds granted', query: insights.validateInsightsRange, data: 'RefundInsights' },
  'insights.churn': { summary: 'Recurring revenue lost to cancellations per month by currency (a monthly amount)', query: insights.validateInsightsRange, data: 'ChurnInsights' },
  'insights.statuses': { summary: 'Entitlements by status, every status listed', query: noQuery, data: 'StatusInsights' },
  'insights.upcoming': { summary: 'Scheduled changes and purges of the next days per day or week and kind', query: insights.validateUpcomingQuery, data: 'UpcomingInsights' },
  'insights.auditLog': { summary: "Every organization's audit events, newest first, with names", query: insights.validateAuditLogQuery, data: list('AuditLogEntry'), meta: 'pagination' },
  'notices.find': { summary: 'Customer notice templates with their switches', query: noQuery, data: list('NoticeTemplate') },
  'notices.update': { summary: "Change a notice's subject, body or switch (reset: the built-in text)", body: notices.validateUpdateNotice, data: 'NoticeTemplate' },
  'notices.preview': { summary: 'A notice rendered for a real organization', body: notices.validatePreviewNotice, data: 'RenderedNotice' },
  'notices.listForOrganization': { summary: "An organization's notifications: what was sent, to whom, when", query: organization.validatePagination, data: list('Notification'), meta: 'pagination' },

  'entitlement.create': { summary: 'Add an entitlement to an organization', body: entitlement.validateCreateEntitlement, data: 'Entitlement', status: 201, conflict: true },
  'entitlement.findOne': { summary: 'An entitlement', query: noQuery, data: 'Entitlement' },
  'entitlement.cancel': { summary: 'Cancel an entitlement', body: entitlement.validateCancel, data: 'Entitlement', conflict: true },
  'entitlement.previewCancel': { summary: 'What a cancellation would do, changing nothing', body: entitlement.validateCancel, data: 'CancelPreview', conflict: true },
  'entitlement.undoCancel': { summary: 'Undo a pending cancellation', body: emptyBody, data: 'Entitlement', conflict: true },
  'entitlement.suspend': { summary: 'Suspend an entitlement, now or on a date (effectiveAt)', body: entitlement.validateSuspend, data: 'Entitlement', scheduled: true, conflict: true },
  'entitlement.resume': { summary: 'Resume a suspended entitlement or end the pause of a paused one, now or on a date (effectiveAt)', body: entitlement.validateResume, data: 'Entitlement', scheduled: true, conflict: true },
  'entitlement.pause': { summary: 'Pause an active entitlement, now or from startAt (answers the scheduled change then)', body: entitlement.validatePause, data: 'Entitlement', scheduled: true, conflict: true },
  'entitlement.activate': { summary: 'Activate a prospect (it is provisioned; nothing returns to prospect)', body: emptyBody, data: 'Entitlement', conflict: true },
  'entitlement.reactivate': { summary: 'Reactivate a cancelled entitlement', body: emptyBody, data: 'Entitlement', conflict: true },
  'entitlement.listResources': { summary: "An entitlement's provisioned resources", query: noQuery, data: list('Resource') },
  'entitlement.addResource': { summary: 'Record a provisioned resource', body: entitlement.validateResource, data: 'Resource', status: 201 },
  'entitlement.retryProvisioning': { summary: 'Retry failed (de)provisioning', body: emptyBody, data: 'Entitlement', conflict: true },

  'settings.listPolicies': { summary: 'Cancellation policies', query: noQuery, data: list('CancellationPolicy') },
  'settings.createPolicy': { summary: 'Create a cancellation policy', body: settings.validateCreatePolicy, data: 'CancellationPolicy', status: 201, conflict: true },
  'settings.updatePolicy': { summary: 'Change a cancellation policy', body: settings.validateUpdatePolicy, data: 'CancellationPolicy', conflict: true },
  'settings.listProvisioningPolicies': { summary: 'Provisioning policies', query: noQuery, data: list('ProvisioningPolicy') },
  'settings.updateProvisioningPolicy': { summary: 'Change a provisioning policy', body: settings.validateProvisioningPolicy, data: 'ProvisioningPolicy' },
  'settings.listReasons': { summary: 'Cancellation and suspension reasons', query: settings.validateReasonQuery, data: list('CancellationReason') },
  'settings.createReason': { summary: 'Create a reason', body: settings.validateCreateReason, data: 'CancellationReason', status: 201, conflict: true },
  'settings.updateReason': { summary: 'Change a reason', body: settings.validateUpdateReason, data: 'CancellationReason', conflict: true },

  'webhooks.find': { summary: 'Webhook endpoints (never their secrets)', query: webhooks.validateWebhookList, data: list('WebhookEndpoint'), meta: 'pagination' },
  'webhooks.create': { summary: 'Create a webhook endpoint; the answer shows its secret, once', body: webhooks.validateCreateWebhook, data: 'WebhookEndpointWithSecret', status: 201 },
  'webhooks.update': { summary: 'Change a webhook endpoint (enabled: true clears a disable)', body: webhooks.validateUpdateWebhook, data: 'WebhookEndpoint' },
  'webhooks.delete': { summary: 'Delete a webhook endpoint and its deliveries', query: noQuery, data: 'WebhookEndpoint' },
  'webhooks.rotateSecret': { summary: 'A new secret, shown once; the previous one still signs for 24 h', body: emptyBody, data: 'WebhookEndpointWithSecret' },
  'webhooks.deliveries': { summary: "A webhook endpoint's deliveries, newest first", query: webhooks.validateDeliveryQuery, data: list('WebhookDelivery'), meta: 'pagination' },
  'webhooks.redeliver': { summary: 'A new attempt now of a delivered or failed delivery', body: emptyBody, data: 'WebhookDelivery', status: 202, conflict: true },
  'webhooks.test': { summary: 'Send a ping event to this endpoint', body: emptyBody, data: 'WebhookDelivery', status: 202, conflict: true },

  'export.create': { summary: 'Request a data export (202 new, 200 already under way)', body: dataExport.validateCreateExport, data: 'DataExport', status: 202, also: 200, limited: true },
  'export.listForOrganization': { summary: "An organization's data exports", query: organization.validatePagination, data: list('DataExport'), meta: 'pagination' },
  'export.findOne': { summary: 'A data export', query: noQuery, data: 'DataExport' },
  'export.download': { summary: 'Download a data export (zip)', query: noQuery, data: 'file', conflict: true },
  'export.downloadSigned': { summary: 'Download a customer export through its signed link (no login)', query: dataExport.validateToken, data: 'file', conflict: true },

  'retention.queue': { summary: 'The purge queue', query: organization.validatePagination, data: list('PurgeQueueItem'), meta: 'pagination' },
  'retention.extend': { summary: 'Extend data retention', body: retention.validateExtendRetention, data: 'OrganizationDetail', conflict: true },
  'retention.hold': { summary: 'Place a legal hold', body: retention.validateLegalHold, data: 'OrganizationDetail', conflict: true },
  'retention.lift': { summary: 'Lift a legal hold', body: emptyBody, data: 'OrganizationDetail', conflict: true },
  'retention.jobs': { summary: 'The sweeps of the durable queue', query: noQuery, data: list('SweepStatus') },
  'retention.runJob': { summary: 'Run a sweep now', body: emptyBody, data: 'SweepResult' },
  'scheduled-change.find': { summary: 'Every future change, soonest first (dated changes, cancellations, pause ends, grace ends, dunning steps, purges)', query: scheduledChange.validateScheduledChangesQuery, data: list('ScheduledChange'), meta: 'pagination' },
  'scheduled-change.cancel': { summary: "Take back a scheduled change (needs the change's own action: suspend, access or cancel)", query: noQuery, data: 'ScheduledChange', conflict: true },
  'retention.tasks': { summary: 'Tasks of the durable queue', query: retention.validateTaskQuery, data: list('Task'), meta: 'pagination' },

  'checklist.find': { summary: "An organization's offboarding checklist", query: noQuery, data: 'Checklist' },
  'checklist.start': { summary: 'Start the checklist', body: emptyBody, data: 'Checklist', status: 201, conflict: true },
  'checklist.complete': { summary: 'Complete the current step', params: checklist.validateStepParam, body: checklist.validateCompleteStep, data: 'Checklist', conflict: true },
  'checklist.skip': { summary: 'Skip the current step', params: checklist.validateStepParam, body: checklist.validateSkipStep, data: 'Checklist', conflict: true },
  'checklist.reopen': {
    summary: 'Reopen a done or skipped step, and every later one, with a reason',
    params: checklist.validateStepParam,
    body: checklist.validateReopenStep,
    data: 'Checklist',
    conflict: true,
  },

  'portal.find': { summary: "The signed-in collaborator's organizations", query: portal.validatePortalList, data: list('PortalOrganization'), meta: 'pagination' },
  'portal.findOne': { summary: 'One of their organizations', query: noQuery, data: 'PortalOrganizationDetail' },
  'portal.access': { summary: 'What one of their organizations may do now, and why not (answered while its portal is closed)', query: noQuery, data: 'AccessView' },
  'portal-invitation.findOne': { summary: 'What an invitation link invites to: the organization\'s name, the role, the expiry (no login)', params: invitation.validateTokenParam, query: noQuery, data: 'PortalInvitation', gone: true },
  'portal-invitation.accept': { summary: 'Accept an invitation as the signed-in user it was sent to', body: invitation.validateAcceptInvitation, data: 'AcceptedInvitation', conflict: true, gone: true },
  'portal-export.create': { summary: 'Request a customer export (202 new, 200 already under way)', body: emptyBody, data: 'DataExport', status: 202, also: 200, limited: true },
  'portal-export.findOne': { summary: 'A customer export, with its signed link when ready', query: noQuery, data: 'DataExport' },
};
