import * as React from 'react';
import type { BadgeProps } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { AccessCapability, AccessStage } from '../../../shared/contracts/access';
import type { ResolvedPolicyView } from '../../../shared/contracts/api';
import type {
  ActorType,
  BillingPeriod,
  CollaboratorRole,
  DunningAction,
  EntitlementClass,
  EntitlementStatus,
  ExportState,
  PauseAccess,
  ProvisioningState,
  PurgeState,
  RefundMode,
  SweepName,
} from '../../../shared/contracts/constants';
import type { InvitationState } from '../../../shared/contracts/invitations';
import type { ScheduledChangeKind } from '../../../shared/contracts/lifecycle';
import type { NoticeKey, NotificationState } from '../../../shared/contracts/notices';
import type { WebhookDeliveryState } from '../../../shared/contracts/webhooks';
import { getTranslation } from '../utils/translations';

type Variant = NonNullable<BadgeProps['variant']>;

/** Names of the API's codes, one message each, for every page, dialog and Content Manager action. */
export const labelMessages = {
  status: {
    prospect: { id: getTranslation('organization.status.prospect'), defaultMessage: 'Prospect' },
    active: { id: getTranslation('organization.status.active'), defaultMessage: 'Active' },
    paused: { id: getTranslation('organization.status.paused'), defaultMessage: 'Paused' },
    suspended: { id: getTranslation('organization.status.suspended'), defaultMessage: 'Suspended' },
    pending_cancellation: { id: getTranslation('organization.status.pending_cancellation'), defaultMessage: 'Pending cancellation' },
    cancelled: { id: getTranslation('organization.status.cancelled'), defaultMessage: 'Cancelled' },
  } satisfies Record<EntitlementStatus, MessageDescriptor>,
  entitlementClass: {
    PLG: { id: getTranslation('organization.class.PLG'), defaultMessage: 'Plugin license' },
    ENV: { id: getTranslation('organization.class.ENV'), defaultMessage: 'Hosted environment' },
    SVC: { id: getTranslation('organization.class.SVC'), defaultMessage: 'Service contract' },
    ORD: { id: getTranslation('organization.class.ORD'), defaultMessage: 'One-off order' },
    AFL: { id: getTranslation('organization.class.AFL'), defaultMessage: 'Affiliate' },
    EDU: { id: getTranslation('organization.class.EDU'), defaultMessage: 'Training' },
  } satisfies Record<EntitlementClass, MessageDescriptor>,
  billingPeriod: {
    month: { id: getTranslation('organization.billingPeriod.month'), defaultMessage: 'Monthly' },
    year: { id: getTranslation('organization.billingPeriod.year'), defaultMessage: 'Yearly' },
    none: { id: getTranslation('organization.billingPeriod.none'), defaultMessage: 'One-off' },
  } satisfies Record<BillingPeriod, MessageDescriptor>,
  refundMode: {
    none: { id: getTranslation('organization.refundMode.none'), defaultMessage: 'No refund' },
    prorated: { id: getTranslation('organization.refundMode.prorated'), defaultMessage: 'Prorated' },
    full: { id: getTranslation('organization.refundMode.full'), defaultMessage: 'Full' },
  } satisfies Record<RefundMode, MessageDescriptor>,
  policySource: {
    organization: { id: getTranslation('organization.policySource.organization'), defaultMessage: 'organization override' },
    class: { id: getTranslation('organization.policySource.class'), defaultMessage: 'policy of the entitlement class' },
    default: { id: getTranslation('organization.policySource.default'), defaultMessage: 'default policy' },
    'built-in': { id: getTranslation('organization.policySource.built-in'), defaultMessage: 'built-in defaults' },
  } satisfies Record<ResolvedPolicyView['source'], MessageDescriptor>,
  purgeState: {
    none: { id: getTranslation('organization.purgeState.none'), defaultMessage: 'Not scheduled' },
    scheduled: { id: getTranslation('organization.purgeState.scheduled'), defaultMessage: 'Purge scheduled' },
    purged: { id: getTranslation('organization.purgeState.purged'), defaultMessage: 'Purged' },
  } satisfies Record<PurgeState, MessageDescriptor>,
  exportState: {
    queued: { id: getTranslation('organization.exportState.queued'), defaultMessage: 'Queued' },
    running: { id: getTranslation('organization.exportState.running'), defaultMessage: 'Running' },
    ready: { id: getTranslation('organization.exportState.ready'), defaultMessage: 'Ready' },
    failed: { id: getTranslation('organization.exportState.failed'), defaultMessage: 'Failed' },
    expired: { id: getTranslation('organization.exportState.expired'), defaultMessage: 'Expired' },
  } satisfies Record<ExportState, MessageDescriptor>,
  provisioningState: {
    none: { id: getTranslation('organization.provisioningState.none'), defaultMessage: 'None' },
    pending: { id: getTranslation('organization.provisioningState.pending'), defaultMessage: 'Pending' },
    done: { id: getTranslation('organization.provisioningState.done'), defaultMessage: 'Done' },
    failed: { id: getTranslation('organization.provisioningState.failed'), defaultMessage: 'Failed' },
  } satisfies Record<ProvisioningState, MessageDescriptor>,
  actorType: {
    admin: { id: getTranslation('organization.actorType.admin'), defaultMessage: 'Admin' },
    collaborator: { id: getTranslation('organization.actorType.collaborator'), defaultMessage: 'Collaborator' },
    job: { id: getTranslation('organization.actorType.job'), defaultMessage: 'Scheduled job' },
  } satisfies Record<ActorType, MessageDescriptor>,
  role: {
    owner: { id: getTranslation('organization.role.owner'), defaultMessage: 'Owner' },
    member: { id: getTranslation('organization.role.member'), defaultMessage: 'Member' },
  } satisfies Record<CollaboratorRole, MessageDescriptor>,
  sweep: {
    transitions: { id: getTranslation('retention.jobs.sweep.transitions'), defaultMessage: 'Cancellations and grace periods' },
    retention: { id: getTranslation('retention.jobs.sweep.retention'), defaultMessage: 'Retention review' },
    purge: { id: getTranslation('retention.jobs.sweep.purge'), defaultMessage: 'Purge' },
    exports: { id: getTranslation('retention.jobs.sweep.exports'), defaultMessage: 'Data exports' },
    provisioning: { id: getTranslation('retention.jobs.sweep.provisioning'), defaultMessage: 'Downstream provisioning' },
    webhooks: { id: getTranslation('retention.jobs.sweep.webhooks'), defaultMessage: 'Webhook deliveries' },
    notices: { id: getTranslation('retention.jobs.sweep.notices'), defaultMessage: 'Customer notices' },
  } satisfies Record<SweepName, MessageDescriptor>,
  notice: {
    cancellation_scheduled: { id: getTranslation('notices.key.cancellation_scheduled'), defaultMessage: 'Cancellation scheduled' },
    cancellation_reminder: { id: getTranslation('notices.key.cancellation_reminder'), defaultMessage: 'Cancellation reminder' },
    cancelled: { id: getTranslation('notices.key.cancelled'), defaultMessage: 'Cancelled' },
    suspended: { id: getTranslation('notices.key.suspended'), defaultMessage: 'Suspended' },
    grace_reminder: { id: getTranslation('notices.key.grace_reminder'), defaultMessage: 'Grace period reminder' },
    resumed: { id: getTranslation('notices.key.resumed'), defaultMessage: 'Resumed' },
    reactivated: { id: getTranslation('notices.key.reactivated'), defaultMessage: 'Reactivated' },
    paused: { id: getTranslation('notices.key.paused'), defaultMessage: 'Paused' },
    pause_ended: { id: getTranslation('notices.key.pause_ended'), defaultMessage: 'Pause ended' },
    export_ready: { id: getTranslation('notices.key.export_ready'), defaultMessage: 'Data export ready' },
    purge_warning: { id: getTranslation('notices.key.purge_warning'), defaultMessage: 'Purge warning' },
    invitation: { id: getTranslation('notices.key.invitation'), defaultMessage: 'Invitation' },
    dunning_notice: { id: getTranslation('notices.key.dunning_notice'), defaultMessage: 'Payment overdue (dunning)' },
  } satisfies Record<NoticeKey, MessageDescriptor>,
  notificationState: {
    pending: { id: getTranslation('notices.state.pending'), defaultMessage: 'Pending' },
    sent: { id: getTranslation('notices.state.sent'), defaultMessage: 'Sent' },
    failed: { id: getTranslation('notices.state.failed'), defaultMessage: 'Failed' },
    skipped: { id: getTranslation('notices.state.skipped'), defaultMessage: 'Skipped' },
  } satisfies Record<NotificationState, MessageDescriptor>,
  accessStage: {
    active: { id: getTranslation('organization.stage.active'), defaultMessage: 'Active' },
    pending_cancellation: { id: getTranslation('organization.stage.pending_cancellation'), defaultMessage: 'Pending cancellation' },
    suspended: { id: getTranslation('organization.stage.suspended'), defaultMessage: 'Suspended' },
    suspended_restricted: { id: getTranslation('organization.stage.suspended_restricted'), defaultMessage: 'Overdue (read-only portal)' },
    suspended_blocked: { id: getTranslation('organization.stage.suspended_blocked'), defaultMessage: 'Overdue (portal closed)' },
    paused: { id: getTranslation('organization.stage.paused'), defaultMessage: 'Paused (portal closed)' },
    cancelled: { id: getTranslation('organization.stage.cancelled'), defaultMessage: 'Cancelled (read-only portal)' },
    cancelled_closed: { id: getTranslation('organization.stage.cancelled_closed'), defaultMessage: 'Cancelled (portal closed)' },
    access_disabled: { id: getTranslation('organization.stage.access_disabled'), defaultMessage: 'Access disabled' },
    archived: { id: getTranslation('organization.stage.archived'), defaultMessage: 'Archived' },
    purged: { id: getTranslation('organization.stage.purged'), defaultMessage: 'Purged' },
  } satisfies Record<AccessStage, MessageDescriptor>,
  capability: {
    portalLogin: { id: getTranslation('organization.capability.portalLogin'), defaultMessage: 'Portal login' },
    portalWrite: { id: getTranslation('organization.capability.portalWrite'), defaultMessage: 'Portal write' },
    invite: { id: getTranslation('organization.capability.invite'), defaultMessage: 'Invite' },
    acceptInvite: { id: getTranslation('organization.capability.acceptInvite'), defaultMessage: 'Accept invitation' },
    newOrders: { id: getTranslation('organization.capability.newOrders'), defaultMessage: 'New orders' },
    assignResources: { id: getTranslation('organization.capability.assignResources'), defaultMessage: 'Assign resources' },
    customerExport: { id: getTranslation('organization.capability.customerExport'), defaultMessage: 'Customer export' },
  } satisfies Record<AccessCapability, MessageDescriptor>,
  invitationState: {
    pending: { id: getTranslation('organization.invitationState.pending'), defaultMessage: 'Pending' },
    accepted: { id: getTranslation('organization.invitationState.accepted'), defaultMessage: 'Accepted' },
    revoked: { id: getTranslation('organization.invitationState.revoked'), defaultMessage: 'Revoked' },
    expired: { id: getTranslation('organization.invitationState.expired'), defaultMessage: 'Expired' },
  } satisfies Record<InvitationState, MessageDescriptor>,
  deliveryState: {
    pending: { id: getTranslation('webhooks.deliveryState.pending'), defaultMessage: 'Pending' },
    delivered: { id: getTranslation('webhooks.deliveryState.delivered'), defaultMessage: 'Delivered' },
    failed: { id: getTranslation('webhooks.deliveryState.failed'), defaultMessage: 'Failed' },
  } satisfies Record<WebhookDeliveryState, MessageDescriptor>,
  scheduledChangeKind: {
    cancellation: { id: getTranslation('scheduled.kind.cancellation'), defaultMessage: 'Cancellation' },
    suspend: { id: getTranslation('scheduled.kind.suspend'), defaultMessage: 'Suspension' },
    resume: { id: getTranslation('scheduled.kind.resume'), defaultMessage: 'Resumption' },
    pause: { id: getTranslation('scheduled.kind.pause'), defaultMessage: 'Pause' },
    pause_end: { id: getTranslation('scheduled.kind.pause_end'), defaultMessage: 'End of pause' },
    disable_access: { id: getTranslation('scheduled.kind.disable_access'), defaultMessage: 'Portal access disabled' },
    enable_access: { id: getTranslation('scheduled.kind.enable_access'), defaultMessage: 'Portal access enabled' },
    grace_end: { id: getTranslation('scheduled.kind.grace_end'), defaultMessage: 'End of grace period' },
    dunning_step: { id: getTranslation('scheduled.kind.dunning_step'), defaultMessage: 'Dunning stage' },
    purge: { id: getTranslation('scheduled.kind.purge'), defaultMessage: 'Purge' },
  } satisfies Record<ScheduledChangeKind, MessageDescriptor>,
  dunningAction: {
    notify: { id: getTranslation('dunning.action.notify'), defaultMessage: 'Notify' },
    restrict: { id: getTranslation('dunning.action.restrict'), defaultMessage: 'Restrict (read-only portal)' },
    block: { id: getTranslation('dunning.action.block'), defaultMessage: 'Block (portal closed)' },
    cancel: { id: getTranslation('dunning.action.cancel'), defaultMessage: 'Cancel' },
  } satisfies Record<DunningAction, MessageDescriptor>,
  pauseAccess: {
    keep: { id: getTranslation('pause.access.keep'), defaultMessage: 'Portal kept open' },
    block: { id: getTranslation('pause.access.block'), defaultMessage: 'Portal closed' },
  } satisfies Record<PauseAccess, MessageDescriptor>,
};

/** The badge colour of each status, wherever the status is shown. */
export const STATUS_VARIANT: Record<EntitlementStatus, Variant> = {
  prospect: 'alternative',
  active: 'success',
  paused: 'primary',
  suspended: 'warning',
  pending_cancellation: 'secondary',
  cancelled: 'neutral',
};

export const EXPORT_STATE_VARIANT: Record<ExportState, Variant> = {
  queued: 'secondary',
  running: 'primary',
  ready: 'success',
  failed: 'danger',
  expired: 'neutral',
};

export const PROVISIONING_VARIANT: Record<ProvisioningState, Variant> = {
  none: 'neutral',
  pending: 'secondary',
  done: 'success',
  failed: 'danger',
};

export const NOTIFICATION_STATE_VARIANT: Record<NotificationState, Variant> = {
  pending: 'secondary',
  sent: 'success',
  failed: 'danger',
  skipped: 'neutral',
};

export const DELIVERY_STATE_VARIANT: Record<WebhookDeliveryState, Variant> = {
  pending: 'secondary',
  delivered: 'success',
  failed: 'danger',
};

/** Open stages are green, restricted ones amber, closed ones grey or red. */
export const ACCESS_STAGE_VARIANT: Record<AccessStage, Variant> = {
  active: 'success',
  pending_cancellation: 'secondary',
  suspended: 'warning',
  suspended_restricted: 'warning',
  suspended_blocked: 'danger',
  paused: 'primary',
  cancelled: 'neutral',
  cancelled_closed: 'neutral',
  access_disabled: 'danger',
  archived: 'neutral',
  purged: 'danger',
};

export const INVITATION_STATE_VARIANT: Record<InvitationState, Variant> = {
  pending: 'secondary',
  accepted: 'success',
  revoked: 'neutral',
  expired: 'warning',
};

/** Audit actions the plugin records; an unknown one is shown with its code made readable. */
const AUDIT_ACTION: Record<string, MessageDescriptor> = {
  'collaborator.added': { id: getTranslation('organization.audit.action.collaborator.added'), defaultMessage: 'Collaborator added' },
  'collaborator.removed': { id: getTranslation('organization.audit.action.collaborator.removed'), defaultMessage: 'Collaborator removed' },
  'invitation.created': { id: getTranslation('organization.audit.action.invitation.created'), defaultMessage: 'Invitation sent' },
  'invitation.resent': { id: getTranslation('organization.audit.action.invitation.resent'), defaultMessage: 'Invitation resent' },
  'invitation.revoked': { id: getTranslation('organization.audit.action.invitation.revoked'), defaultMessage: 'Invitation revoked' },
  'invitation.accepted': { id: getTranslation('organization.audit.action.invitation.accepted'), defaultMessage: 'Invitation accepted' },
  'entitlement.created': { id: getTranslation('organization.audit.action.entitlement.created'), defaultMessage: 'Entitlement created' },
  'entitlement.cancelled': {
    id: getTranslation('organization.audit.action.entitlement.cancelled'),
    defaultMessage: 'Entitlement cancelled',
  },
  'refund.recorded': { id: getTranslation('organization.audit.action.refund.recorded'), defaultMessage: 'Refund recorded' },
  'refund.reversed': { id: getTranslation('organization.audit.action.refund.reversed'), defaultMessage: 'Refund reversed' },
  'entitlement.cancellation_scheduled': {
    id: getTranslation('organization.audit.action.entitlement.cancellation_scheduled'),
    defaultMessage: 'Entitlement cancellation scheduled',
  },
  'entitlement.cancellation_undone': {
    id: getTranslation('organization.audit.action.entitlement.cancellation_undone'),
    defaultMessage: 'Cancellation undone',
  },
  'entitlement.suspended': {
    id: getTranslation('organization.audit.action.entitlement.suspended'),
    defaultMessage: 'Entitlement suspended',
  },
  'entitlement.resumed': { id: getTranslation('organization.audit.action.entitlement.resumed'), defaultMessage: 'Entitlement resumed' },
  'entitlement.paused': { id: getTranslation('organization.audit.action.entitlement.paused'), defaultMessage: 'Entitlement paused' },
  'entitlement.activated': {
    id: getTranslation('organization.audit.action.entitlement.activated'),
    defaultMessage: 'Prospect activated',
  },
  'entitlement.dunning_stage_reached': {
    id: getTranslation('organization.audit.action.entitlement.dunning_stage_reached'),
    defaultMessage: 'Dunning stage reached',
  },
  'scheduled_change.created': {
    id: getTranslation('organization.audit.action.scheduled_change.created'),
    defaultMessage: 'Change scheduled',
  },
  'scheduled_change.cancelled': {
    id: getTranslation('organization.audit.action.scheduled_change.cancelled'),
    defaultMessage: 'Scheduled change undone',
  },
  'scheduled_change.failed': {
    id: getTranslation('organization.audit.action.scheduled_change.failed'),
    defaultMessage: 'Scheduled change failed',
  },
  'entitlement.reactivated': {
    id: getTranslation('organization.audit.action.entitlement.reactivated'),
    defaultMessage: 'Entitlement reactivated',
  },
  'entitlement.deprovisioned': {
    id: getTranslation('organization.audit.action.entitlement.deprovisioned'),
    defaultMessage: 'Downstream resources deprovisioned',
  },
  'entitlement.reprovisioned': {
    id: getTranslation('organization.audit.action.entitlement.reprovisioned'),
    defaultMessage: 'Downstream resources reprovisioned',
  },
  'entitlement.provisioning_retried': {
    id: getTranslation('organization.audit.action.entitlement.provisioning_retried'),
    defaultMessage: 'Provisioning retried',
  },
  'export.requested': { id: getTranslation('organization.audit.action.export.requested'), defaultMessage: 'Data export requested' },
  'export.ready': { id: getTranslation('organization.audit.action.export.ready'), defaultMessage: 'Data export ready' },
  'export.failed': { id: getTranslation('organization.audit.action.export.failed'), defaultMessage: 'Data export failed' },
  'export.expired': { id: getTranslation('organization.audit.action.export.expired'), defaultMessage: 'Data export expired' },
  'organization.created': { id: getTranslation('organization.audit.action.organization.created'), defaultMessage: 'Organization created' },
  'organization.updated': { id: getTranslation('organization.audit.action.organization.updated'), defaultMessage: 'Organization updated' },
  'organization.archived': {
    id: getTranslation('organization.audit.action.organization.archived'),
    defaultMessage: 'Organization archived',
  },
  'organization.unarchived': {
    id: getTranslation('organization.audit.action.organization.unarchived'),
    defaultMessage: 'Organization unarchived',
  },
  'organization.access_disabled': {
    id: getTranslation('organization.audit.action.organization.access_disabled'),
    defaultMessage: 'Portal access disabled',
  },
  'organization.access_enabled': {
    id: getTranslation('organization.audit.action.organization.access_enabled'),
    defaultMessage: 'Portal access enabled',
  },
  'organization.retention_extended': {
    id: getTranslation('organization.audit.action.organization.retention_extended'),
    defaultMessage: 'Retention extended',
  },
  'organization.legal_hold_placed': {
    id: getTranslation('organization.audit.action.organization.legal_hold_placed'),
    defaultMessage: 'Legal hold placed',
  },
  'organization.legal_hold_lifted': {
    id: getTranslation('organization.audit.action.organization.legal_hold_lifted'),
    defaultMessage: 'Legal hold lifted',
  },
  'organization.purge_scheduled': {
    id: getTranslation('organization.audit.action.organization.purge_scheduled'),
    defaultMessage: 'Purge scheduled',
  },
  'organization.purged': { id: getTranslation('organization.audit.action.organization.purged'), defaultMessage: 'Organization purged' },
  'organization.deleted': { id: getTranslation('organization.audit.action.organization.deleted'), defaultMessage: 'Organization deleted' },
  'resource.added': { id: getTranslation('organization.audit.action.resource.added'), defaultMessage: 'Resource added' },
  'checklist.started': { id: getTranslation('organization.audit.action.checklist.started'), defaultMessage: 'Offboarding checklist started' },
  'checklist.step_completed': { id: getTranslation('organization.audit.action.checklist.step_completed'), defaultMessage: 'Checklist step done' },
  'checklist.step_skipped': { id: getTranslation('organization.audit.action.checklist.step_skipped'), defaultMessage: 'Checklist step skipped' },
  'checklist.step_reopened': { id: getTranslation('organization.audit.action.checklist.step_reopened'), defaultMessage: 'Checklist step reopened' },
  'checklist.completed': { id: getTranslation('organization.audit.action.checklist.completed'), defaultMessage: 'Offboarding complete' },
  'policy.created': { id: getTranslation('organization.audit.action.policy.created'), defaultMessage: 'Cancellation policy created' },
  'policy.updated': { id: getTranslation('organization.audit.action.policy.updated'), defaultMessage: 'Cancellation policy changed' },
  'provisioning_policy.updated': { id: getTranslation('organization.audit.action.provisioning_policy.updated'), defaultMessage: 'Provisioning policy changed' },
  'reason.created': { id: getTranslation('organization.audit.action.reason.created'), defaultMessage: 'Cancellation reason created' },
  'reason.updated': { id: getTranslation('organization.audit.action.reason.updated'), defaultMessage: 'Cancellation reason changed' },
};

const withCode = { id: getTranslation('labels.withCode'), defaultMessage: '{name} ({code})' };
const yes = { id: getTranslation('common.value.yes'), defaultMessage: 'Yes' };
const no = { id: getTranslation('common.value.no'), defaultMessage: 'No' };

/** "entitlement.cancellation_undone" → "Entitlement cancellation undone"; "cancelEffectiveAt" → "Cancel effective at". */
export const humanize = (code: string) => {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

type LabelKind = keyof typeof labelMessages;
type LabelFunctions = { [K in LabelKind]: (value: keyof (typeof labelMessages)[K]) => string };

/** The one hook for the translated names of statuses, classes, states and codes. */
export const useLabels = () => {
  const { formatMessage } = useIntl();
  return React.useMemo(() => {
    const kinds = Object.keys(labelMessages) as LabelKind[];
    const byKind = Object.fromEntries(
      kinds.map((kind) => {
        const messages: Record<string, MessageDescriptor> = labelMessages[kind];
        return [kind, (value: string) => (Object.hasOwn(messages, value) ? formatMessage(messages[value]) : humanize(value))];
      }),
    ) as LabelFunctions;
    return {
      ...byKind,
      /** "Plugin license (PLG)". */
      entitlementClassWithCode: (value: EntitlementClass) => formatMessage(withCode, { name: byKind.entitlementClass(value), code: value }),
      auditAction: (value: string) => (Object.hasOwn(AUDIT_ACTION, value) ? formatMessage(AUDIT_ACTION[value]) : humanize(value)),
      yesNo: (value: boolean) => formatMessage(value ? yes : no),
    };
  }, [formatMessage]);
};

export type Labels = ReturnType<typeof useLabels>;
