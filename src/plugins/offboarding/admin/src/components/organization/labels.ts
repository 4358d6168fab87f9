import * as React from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { ResolvedPolicyView } from '../../../../shared/contracts/api';
import type {
  ActorType,
  BillingPeriod,
  CollaboratorRole,
  EntitlementClass,
  EntitlementStatus,
  ExportState,
  ProvisioningState,
  PurgeState,
  RefundMode,
} from '../../../../shared/contracts/constants';
import { getTranslation } from '../../utils/translations';

type Variant = 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary' | 'alternative';

const msg = (id: string, defaultMessage: string): MessageDescriptor => ({ id: getTranslation(id), defaultMessage });

const STATUS: Record<EntitlementStatus, MessageDescriptor> = {
  active: msg('organization.status.active', 'Active'),
  suspended: msg('organization.status.suspended', 'Suspended'),
  pending_cancellation: msg('organization.status.pending_cancellation', 'Pending cancellation'),
  cancelled: msg('organization.status.cancelled', 'Cancelled'),
};

export const STATUS_VARIANT: Record<EntitlementStatus, Variant> = {
  active: 'success',
  suspended: 'warning',
  pending_cancellation: 'secondary',
  cancelled: 'neutral',
};

const CLASS: Record<EntitlementClass, MessageDescriptor> = {
  PLG: msg('organization.class.PLG', 'Plugin license'),
  ENV: msg('organization.class.ENV', 'Hosted environment'),
  SVC: msg('organization.class.SVC', 'Service contract'),
  ORD: msg('organization.class.ORD', 'One-off order'),
  AFL: msg('organization.class.AFL', 'Affiliate'),
  EDU: msg('organization.class.EDU', 'Training'),
};

const BILLING_PERIOD: Record<BillingPeriod, MessageDescriptor> = {
  month: msg('organization.billingPeriod.month', 'Monthly'),
  year: msg('organization.billingPeriod.year', 'Yearly'),
  none: msg('organization.billingPeriod.none', 'One-off'),
};

const REFUND_MODE: Record<RefundMode, MessageDescriptor> = {
  none: msg('organization.refundMode.none', 'No refund'),
  prorated: msg('organization.refundMode.prorated', 'Prorated'),
  full: msg('organization.refundMode.full', 'Full'),
};

const POLICY_SOURCE: Record<ResolvedPolicyView['source'], MessageDescriptor> = {
  organization: msg('organization.policySource.organization', 'organization override'),
  class: msg('organization.policySource.class', 'policy of the entitlement class'),
  default: msg('organization.policySource.default', 'default policy'),
  'built-in': msg('organization.policySource.built-in', 'built-in defaults'),
};

const PURGE_STATE: Record<PurgeState, MessageDescriptor> = {
  none: msg('organization.purgeState.none', 'Not scheduled'),
  scheduled: msg('organization.purgeState.scheduled', 'Purge scheduled'),
  purged: msg('organization.purgeState.purged', 'Purged'),
};

const EXPORT_STATE: Record<ExportState, MessageDescriptor> = {
  queued: msg('organization.exportState.queued', 'Queued'),
  running: msg('organization.exportState.running', 'Running'),
  ready: msg('organization.exportState.ready', 'Ready'),
  failed: msg('organization.exportState.failed', 'Failed'),
  expired: msg('organization.exportState.expired', 'Expired'),
};

export const EXPORT_STATE_VARIANT: Record<ExportState, Variant> = {
  queued: 'secondary',
  running: 'primary',
  ready: 'success',
  failed: 'danger',
  expired: 'neutral',
};

const PROVISIONING_STATE: Record<ProvisioningState, MessageDescriptor> = {
  none: msg('organization.provisioningState.none', 'None'),
  pending: msg('organization.provisioningState.pending', 'Pending'),
  done: msg('organization.provisioningState.done', 'Done'),
  failed: msg('organization.provisioningState.failed', 'Failed'),
};

export const PROVISIONING_VARIANT: Record<ProvisioningState, Variant> = {
  none: 'neutral',
  pending: 'secondary',
  done: 'success',
  failed: 'danger',
};

const ACTOR_TYPE: Record<ActorType, MessageDescriptor> = {
  admin: msg('organization.actorType.admin', 'Admin'),
  collaborator: msg('organization.actorType.collaborator', 'Collaborator'),
  job: msg('organization.actorType.job', 'Scheduled job'),
};

const ROLE: Record<CollaboratorRole, MessageDescriptor> = {
  owner: msg('organization.role.owner', 'Owner'),
  member: msg('organization.role.member', 'Member'),
};

/** Audit actions the plugin records; an unknown one is shown with its code made readable. */
const AUDIT_ACTION: Record<string, MessageDescriptor> = {
  'collaborator.added': msg('organization.audit.action.collaborator.added', 'Collaborator added'),
  'collaborator.removed': msg('organization.audit.action.collaborator.removed', 'Collaborator removed'),
  'entitlement.created': msg('organization.audit.action.entitlement.created', 'Entitlement created'),
  'entitlement.cancelled': msg('organization.audit.action.entitlement.cancelled', 'Entitlement cancelled'),
  'refund.recorded': msg('organization.audit.action.refund.recorded', 'Refund recorded'),
  'refund.reversed': msg('organization.audit.action.refund.reversed', 'Refund reversed'),
  'entitlement.cancellation_scheduled': msg(
    'organization.audit.action.entitlement.cancellation_scheduled',
    'Entitlement cancellation scheduled',
  ),
  'entitlement.cancellation_undone': msg('organization.audit.action.entitlement.cancellation_undone', 'Cancellation undone'),
  'entitlement.suspended': msg('organization.audit.action.entitlement.suspended', 'Entitlement suspended'),
  'entitlement.resumed': msg('organization.audit.action.entitlement.resumed', 'Entitlement resumed'),
  'entitlement.reactivated': msg('organization.audit.action.entitlement.reactivated', 'Entitlement reactivated'),
  'entitlement.deprovisioned': msg('organization.audit.action.entitlement.deprovisioned', 'Downstream resources deprovisioned'),
  'entitlement.reprovisioned': msg('organization.audit.action.entitlement.reprovisioned', 'Downstream resources reprovisioned'),
  'entitlement.provisioning_retried': msg('organization.audit.action.entitlement.provisioning_retried', 'Provisioning retried'),
  'export.requested': msg('organization.audit.action.export.requested', 'Data export requested'),
  'export.ready': msg('organization.audit.action.export.ready', 'Data export ready'),
  'export.failed': msg('organization.audit.action.export.failed', 'Data export failed'),
  'export.expired': msg('organization.audit.action.export.expired', 'Data export expired'),
  'organization.created': msg('organization.audit.action.organization.created', 'Organization created'),
  'organization.updated': msg('organization.audit.action.organization.updated', 'Organization updated'),
  'organization.archived': msg('organization.audit.action.organization.archived', 'Organization archived'),
  'organization.unarchived': msg('organization.audit.action.organization.unarchived', 'Organization unarchived'),
  'organization.access_disabled': msg('organization.audit.action.organization.access_disabled', 'Portal access disabled'),
  'organization.access_enabled': msg('organization.audit.action.organization.access_enabled', 'Portal access enabled'),
  'organization.retention_extended': msg('organization.audit.action.organization.retention_extended', 'Retention extended'),
  'organization.legal_hold_placed': msg('organization.audit.action.organization.legal_hold_placed', 'Legal hold placed'),
  'organization.legal_hold_lifted': msg('organization.audit.action.organization.legal_hold_lifted', 'Legal hold lifted'),
  'organization.purge_scheduled': msg('organization.audit.action.organization.purge_scheduled', 'Purge scheduled'),
  'organization.purged': msg('organization.audit.action.organization.purged', 'Organization purged'),
  'organization.deleted': msg('organization.audit.action.organization.deleted', 'Organization deleted'),
  'resource.added': msg('organization.audit.action.resource.added', 'Resource added'),
};

/** "entitlement.cancellation_undone" → "Entitlement cancellation undone"; "cancelEffectiveAt" → "Cancel effective at". */
export const humanize = (code: string) => {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Translated names of the API's codes. */
export const useLabels = () => {
  const { formatMessage } = useIntl();
  return React.useMemo(
    () => ({
      status: (value: EntitlementStatus) => formatMessage(STATUS[value]),
      entitlementClass: (value: EntitlementClass) => formatMessage(CLASS[value]),
      billingPeriod: (value: BillingPeriod) => formatMessage(BILLING_PERIOD[value]),
      refundMode: (value: RefundMode) => formatMessage(REFUND_MODE[value]),
      policySource: (value: ResolvedPolicyView['source']) => formatMessage(POLICY_SOURCE[value]),
      purgeState: (value: PurgeState) => formatMessage(PURGE_STATE[value]),
      exportState: (value: ExportState) => formatMessage(EXPORT_STATE[value]),
      provisioningState: (value: ProvisioningState) => formatMessage(PROVISIONING_STATE[value]),
      actorType: (value: ActorType) => formatMessage(ACTOR_TYPE[value]),
      role: (value: CollaboratorRole) => formatMessage(ROLE[value]),
      auditAction: (value: string) => (Object.hasOwn(AUDIT_ACTION, value) ? formatMessage(AUDIT_ACTION[value]) : humanize(value)),
    }),
    [formatMessage],
  );
};

export type Labels = ReturnType<typeof useLabels>;
