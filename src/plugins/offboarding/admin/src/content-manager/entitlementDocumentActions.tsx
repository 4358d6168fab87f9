import * as React from 'react';
import { getFetchClient, useNotification } from '@strapi/strapi/admin';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../shared/contracts/api';
import { ENTITLEMENT_ACTIONS, isActionAvailable, type EntitlementActionKey } from '../components/entitlements/actions';
import { api, fetchQuery } from '../api';
import { usePermissions } from '../hooks/usePermissions';
import { MODELS, savedDocumentId, type EditedDocument, type ModalContent } from './models';
import { useRefreshEditView } from './useRefreshEditView';
import { useSharedResource } from './useSharedResource';

interface EntitlementContext {
  entitlement: EntitlementView;
  organization: OrganizationDetail;
}

/**
 * The dialogs need the entitlement as the organization page sees it (with its resolved policy
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

const EntitlementModalContent = ({
  actionKey,
  context,
  document,
  onClose,
  onChanged,
}: {
  actionKey: EntitlementActionKey;
  context: EntitlementContext;
  document: EditedDocument;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const refreshEditView = useRefreshEditView(document);
  const { Form } = ENTITLEMENT_ACTIONS[actionKey];
  return (
    <Form
      entitlement={context.entitlement}
      organization={context.organization}
      onClose={onClose}
      onDone={() => {
        refreshEditView();
        onChanged();
        onClose();
      }}
    />
  );
};

/**
 * One entitlement action in the edit view's actions. Hooks run for every model (an action is
 * a component), but nothing is loaded unless the document is one of our entitlements.
 */
const useEntitlementDocumentAction = (
  actionKey: EntitlementActionKey,
  { collectionType, model, documentId }: DocumentActionProps,
  { reportsErrors = false }: { reportsErrors?: boolean } = {},
): DocumentActionDescription | null => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { abilities } = usePermissions();
  const id = model === MODELS.entitlement && abilities.canRead ? savedDocumentId(documentId) : null;
  const resource = useSharedResource(id === null ? null : `entitlement:${id}`, () => loadEntitlement(id ?? ''));
  const context = resource.data ?? null;
  const { refetch, error } = resource;

  // All actions share one load; one of them reports its failure.
  React.useEffect(() => {
    if (reportsErrors && error) toggleNotification({ type: 'danger', message: error });
  }, [reportsErrors, error, toggleNotification]);

  const content = React.useMemo<ModalContent | null>(() => {
    if (!context || id === null) return null;
    const document = { collectionType, model, documentId: id };
    return ({ onClose }) => (
      <EntitlementModalContent actionKey={actionKey} context={context} document={document} onClose={onClose} onChanged={refetch} />
    );
  }, [actionKey, context, refetch, collectionType, model, id]);

  if (!context || !content || !isActionAvailable(actionKey, context.entitlement.status, abilities)) return null;
  const label = formatMessage(ENTITLEMENT_ACTIONS[actionKey].label);
  return {
    label,
    variant: actionKey === 'cancel' ? 'danger' : 'secondary',
    dialog: { type: 'modal', title: label, content },
  };
};

const OffboardingCancelEntitlement: DocumentActionComponent = (props) =>
  useEntitlementDocumentAction('cancel', props, { reportsErrors: true });
const OffboardingUndoCancellation: DocumentActionComponent = (props) => useEntitlementDocumentAction('undoCancel', props);
const OffboardingSuspendEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('suspend', props);
const OffboardingResumeEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('resume', props);
const OffboardingReactivateEntitlement: DocumentActionComponent = (props) => useEntitlementDocumentAction('reactivate', props);

export const ENTITLEMENT_DOCUMENT_ACTIONS: DocumentActionComponent[] = [
  OffboardingCancelEntitlement,
  OffboardingUndoCancellation,
  OffboardingSuspendEntitlement,
  OffboardingResumeEntitlement,
  OffboardingReactivateEntitlement,
];
