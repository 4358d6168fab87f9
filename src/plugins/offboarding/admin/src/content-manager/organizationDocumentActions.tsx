import * as React from 'react';
import type { ButtonProps } from '@strapi/design-system';
import { getFetchClient, useNotification } from '@strapi/strapi/admin';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { OrganizationDetail } from '../../../shared/contracts/api';
import { api, fetchQuery } from '../api';
import { usePermissions, type PluginAbilities } from '../hooks/usePermissions';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/translations';
import { MODELS, savedDocumentId, type EditedDocument, type ModalContent } from './models';
import { accessMessages, AccessOrganizationForm } from './organization/AccessOrganizationForm';
import { archiveMessages, ArchiveOrganizationForm } from './organization/ArchiveOrganizationForm';
import { exportMessages, ExportOrganizationForm } from './organization/ExportOrganizationForm';
import type { OrganizationFormProps } from './organization/types';
import { useRefreshEditView } from './useRefreshEditView';
import { useSharedResource } from './useSharedResource';

const openMessage = { id: getTranslation('entitlement.cm.organization.open'), defaultMessage: 'Open in Offboarding' };

interface OrganizationActionDefinition {
  ability: keyof PluginAbilities;
  /** The label for the organization's current state (Archive or Unarchive…). */
  label: (organization: OrganizationDetail) => MessageDescriptor;
  variant: (organization: OrganizationDetail) => ButtonProps['variant'];
  Form: React.ComponentType<OrganizationFormProps>;
}

type OrganizationActionKey = 'archive' | 'access' | 'export';

const ORGANIZATION_ACTIONS: Record<OrganizationActionKey, OrganizationActionDefinition> = {
  archive: {
    ability: 'canArchive',
    label: (org) => (org.archivedAt ? archiveMessages.unarchive : archiveMessages.archive),
    variant: (org) => (org.archivedAt ? 'secondary' : 'danger'),
    Form: ArchiveOrganizationForm,
  },
  access: {
    ability: 'canAccess',
    label: (org) => (org.accessStatus === 'enabled' ? accessMessages.disable : accessMessages.enable),
    variant: (org) => (org.accessStatus === 'enabled' ? 'danger' : 'secondary'),
    Form: AccessOrganizationForm,
  },
  export: {
    ability: 'canExport',
    label: () => exportMessages.label,
    variant: () => 'secondary',
    Form: ExportOrganizationForm,
  },
};

const loadOrganization = async (documentId: string) => {
  const { data } = await fetchQuery(getFetchClient(), api.organizations.get(documentId));
  return data;
};

const OrganizationModalContent = ({
  actionKey,
  organization,
  document,
  onClose,
  onChanged,
}: {
  actionKey: OrganizationActionKey;
  organization: OrganizationDetail;
  document: EditedDocument;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const refreshEditView = useRefreshEditView(document);
  const { Form } = ORGANIZATION_ACTIONS[actionKey];
  return (
    <Form
      organization={organization}
      onClose={onClose}
      onDone={() => {
        refreshEditView();
        onChanged();
        onClose();
      }}
    />
  );
};

/** Like the entitlement actions: hooks for every model, a load only for our organizations. */
const useOrganizationDocumentAction = (
  actionKey: OrganizationActionKey,
  { collectionType, model, documentId }: DocumentActionProps,
  { reportsErrors = false }: { reportsErrors?: boolean } = {},
): DocumentActionDescription | null => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { abilities } = usePermissions();
  const definition = ORGANIZATION_ACTIONS[actionKey];
  const id = model === MODELS.organization && abilities.canRead && abilities[definition.ability] ? savedDocumentId(documentId) : null;
  const resource = useSharedResource(id === null ? null : `organization:${id}`, () => loadOrganization(id ?? ''));
  const organization = resource.data ?? null;
  const { refetch, error } = resource;

  React.useEffect(() => {
    if (reportsErrors && error) toggleNotification({ type: 'danger', message: error });
  }, [reportsErrors, error, toggleNotification]);

  const content = React.useMemo<ModalContent | null>(() => {
    if (!organization || id === null) return null;
    const document = { collectionType, model, documentId: id };
    return ({ onClose }) => (
      <OrganizationModalContent actionKey={actionKey} organization={organization} document={document} onClose={onClose} onChanged={refetch} />
    );
  }, [actionKey, organization, refetch, collectionType, model, id]);

  // A purged organization is a tombstone: nothing can be done to it any more.
  if (!organization || !content || organization.purgeState === 'purged') return null;
  const label = formatMessage(definition.label(organization));
  return { label, variant: definition.variant(organization), dialog: { type: 'modal', title: label, content } };
};

const OffboardingArchiveOrganization: DocumentActionComponent = (props) =>
  useOrganizationDocumentAction('archive', props, { reportsErrors: true });
const OffboardingOrganizationAccess: DocumentActionComponent = (props) => useOrganizationDocumentAction('access', props);
const OffboardingOrganizationExport: DocumentActionComponent = (props) => useOrganizationDocumentAction('export', props);

const OffboardingOpenOrganization: DocumentActionComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const { abilities } = usePermissions();
  const id = model === MODELS.organization && abilities.canRead ? savedDocumentId(documentId) : null;
  if (id === null) return null;
  return {
    label: formatMessage(openMessage),
    onClick: () => navigate(`/plugins/${PLUGIN_ID}/organizations/${id}`),
  };
};

export const ORGANIZATION_DOCUMENT_ACTIONS: DocumentActionComponent[] = [
  OffboardingOpenOrganization,
  OffboardingArchiveOrganization,
  OffboardingOrganizationAccess,
  OffboardingOrganizationExport,
];
