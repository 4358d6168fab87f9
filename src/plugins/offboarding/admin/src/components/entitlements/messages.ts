import type { MessageDescriptor } from 'react-intl';
import type { EntitlementStatus, RefundMode } from '../../../../shared/contracts/constants';
import type { ResolvedPolicyView } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';

/** Messages shared by the entitlement dialogs and the Content Manager actions. */
export const actionMessages = {
  cancel: { id: getTranslation('entitlement.action.cancel'), defaultMessage: 'Cancel entitlement' },
  undoCancel: { id: getTranslation('entitlement.action.undoCancel'), defaultMessage: 'Undo cancellation' },
  suspend: { id: getTranslation('entitlement.action.suspend'), defaultMessage: 'Suspend' },
  resume: { id: getTranslation('entitlement.action.resume'), defaultMessage: 'Resume' },
  reactivate: { id: getTranslation('entitlement.action.reactivate'), defaultMessage: 'Reactivate' },
} satisfies Record<string, MessageDescriptor>;

export const commonMessages = {
  dismiss: { id: getTranslation('entitlement.dialog.dismiss'), defaultMessage: 'Go back' },
  subject: { id: getTranslation('entitlement.dialog.subject'), defaultMessage: '{entitlement} of {organization}' },
  notes: { id: getTranslation('entitlement.field.notes'), defaultMessage: 'Notes' },
  notesHint: { id: getTranslation('entitlement.field.notes.hint'), defaultMessage: 'Kept with the audit event.' },
  loading: { id: getTranslation('entitlement.dialog.loading'), defaultMessage: 'Loading…' },
  unnamed: { id: getTranslation('entitlement.unnamed'), defaultMessage: '{class} entitlement' },
} satisfies Record<string, MessageDescriptor>;

export const statusMessages: Record<EntitlementStatus, MessageDescriptor> = {
  active: { id: getTranslation('entitlement.status.active'), defaultMessage: 'Active' },
  suspended: { id: getTranslation('entitlement.status.suspended'), defaultMessage: 'Suspended' },
  pending_cancellation: { id: getTranslation('entitlement.status.pending_cancellation'), defaultMessage: 'Pending cancellation' },
  cancelled: { id: getTranslation('entitlement.status.cancelled'), defaultMessage: 'Cancelled' },
};

export const refundModeMessages: Record<RefundMode, MessageDescriptor> = {
  none: { id: getTranslation('entitlement.refund.none'), defaultMessage: 'None' },
  prorated: { id: getTranslation('entitlement.refund.prorated'), defaultMessage: 'Prorated' },
  full: { id: getTranslation('entitlement.refund.full'), defaultMessage: 'Full' },
};

export const policySourceMessages: Record<ResolvedPolicyView['source'], MessageDescriptor> = {
  organization: { id: getTranslation('entitlement.policy.source.organization'), defaultMessage: 'organization override' },
  class: { id: getTranslation('entitlement.policy.source.class'), defaultMessage: 'policy for the class' },
  default: { id: getTranslation('entitlement.policy.source.default'), defaultMessage: 'default policy' },
  'built-in': { id: getTranslation('entitlement.policy.source.built-in'), defaultMessage: 'built-in defaults' },
};
