import { getFetchClient } from '@strapi/strapi/admin';
import type { DocumentActionComponent, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../shared/contracts/api';
import { ENTITLEMENT_ACTIONS, isActionAvailable, type EntitlementActionKey } from '../components/entitlements/actions';
import { api, fetchQuery } from '../api';
import { usePermissions } from '../hooks/usePermissions';
import { MODELS } from './models';
import { useDocumentAction } from './useDocumentAction';

interface EntitlementContext {
  entitlement: EntitlementView;
  organization: OrganizationDetail;
}

/**
 * The forms need the entitlement as the organization page sees it (with its resolved policy
 * and reactivation facts), which only the organization's detail carries.
 * null: the entitlement belongs to no organization, so no action can apply to it.
 */
const loadEntitlement = async (documentId: string): Promise<EntitlementContext | null> => {
  const client = getFetchClient();
  const found = await fetchQuery(client, api.entitlements.get(documentId));
  const organizationId = found.data.organization?.documentId;
  if (!organizationId) return null;
  const detail = await fetchQuery(client, api.organizations.get(organizationId));
  const entitlement = detail.data.entitlements.find((candidate) => candidate.documentId === documentId);
  return entitlement ? { entitlement, organization: detail.data } : null;
};

/** One entitlement action in the edit view, with the form the organization page uses. */
const useEntitlementDocumentAction = (actionKey: EntitlementActionKey, props: DocumentActionProps, reportsErrors = false) => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const { label, Form } = ENTITLEMENT_ACTIONS[actionKey];
  return useDocumentAction(props, {
    model: MODELS.entitlement,
    allowed: abilities.canRead,
    resource: 'entitlement',
    load: loadEntitlement,
    reportsErrors,
    describe: ({ entitlement }) =>
      isActionAvailable(actionKey, entitlement.status, abilities)
        ? { label: formatMessage(label), variant: actionKey === 'cancel' ? 'danger' : 'secondary' }
        : null,
    renderForm: (context, dialog) => <Form {...context} {...dialog} />,
  });
};

const OffboardingCancelEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('cancel', props, true);
const OffboardingUndoCancellation: DocumentActionComponent = (props) => useEntitlementDocumentAction('undoCancel', props);
const OffboardingActivateEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('activate', props);
const OffboardingPauseEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('pause', props);
const OffboardingSuspendEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('suspend', props);
const OffboardingResumeEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('resume', props);
const OffboardingReactivateEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('reactivate', props);

export const ENTITLEMENT_DOCUMENT_ACTIONS: DocumentActionComponent[] = [
  OffboardingCancelEntitlement,
  OffboardingUndoCancellation,
  OffboardingActivateEntitlement,
  OffboardingPauseEntitlement,
  OffboardingSuspendEntitlement,
  OffboardingResumeEntitlement,
  OffboardingReactivateEntitlement,
];
