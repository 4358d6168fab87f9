import { getFetchClient } from '@strapi/strapi/admin';
import type { DocumentActionComponent, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { ORGANIZATION_ACTIONS, type OrganizationActionKey } from '../components/organization/actions';
import { organizationPath } from '../components/organizations/paths';
import { api, fetchQuery } from '../api';
import { usePermissions } from '../hooks/usePermissions';
import { getTranslation } from '../utils/translations';
import { MODELS, savedDocumentId } from './models';
import { useDocumentAction } from './useDocumentAction';

const openMessage = { id: getTranslation('entitlement.cm.organization.open'), defaultMessage: 'Open in Offboarding' };

const loadOrganization = async (documentId: string) => {
  const { data } = await fetchQuery(getFetchClient(), api.organizations.get(documentId));
  return data;
};

/** One organization action in the edit view, with the form of the organization page. */
const useOrganizationDocumentAction = (actionKey: OrganizationActionKey, props: DocumentActionProps, reportsErrors = false) => {
  const intl = useIntl();
  const { abilities } = usePermissions();
  const { ability, label, variant, Form } = ORGANIZATION_ACTIONS[actionKey];
  return useDocumentAction(props, {
    model: MODELS.organization,
    allowed: abilities.canRead && abilities[ability],
    resource: 'organization',
    load: loadOrganization,
    reportsErrors,
    // A purged organization is a tombstone: nothing can be done to it any more.
    describe: (organization) =>
      organization.purgeState === 'purged' ? null : { label: intl.formatMessage(label(organization)), variant: variant(organization) },
    renderForm: (organization, dialog) => <Form organization={organization} {...dialog} />,
  });
};

const OffboardingArchiveOrganization: DocumentActionComponent = (props) => useOrganizationDocumentAction('archive', props, true);
const OffboardingOrganizationAccess: DocumentActionComponent = (props) => useOrganizationDocumentAction('access', props);
const OffboardingOrganizationExport: DocumentActionComponent = (props) => useOrganizationDocumentAction('export', props);

const OffboardingOpenOrganization: DocumentActionComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const { abilities } = usePermissions();
  const id = model === MODELS.organization && abilities.canRead ? savedDocumentId(documentId) : null;
  if (id === null) return null;
  return { label: formatMessage(openMessage), onClick: () => navigate(organizationPath(id)) };
};

export const ORGANIZATION_DOCUMENT_ACTIONS: DocumentActionComponent[] = [
  OffboardingOpenOrganization,
  OffboardingArchiveOrganization,
  OffboardingOrganizationAccess,
  OffboardingOrganizationExport,
];
