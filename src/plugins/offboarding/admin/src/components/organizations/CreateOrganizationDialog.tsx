import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { bodyOf, OrganizationForm, valuesOf } from './OrganizationForm';
import { organizationPath } from './paths';

/** "Create organization" in the list's header: the new organization's page opens once it exists. */
export const CreateOrganizationDialog = () => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const label = formatMessage({ id: getTranslation('organizations.create'), defaultMessage: 'Create organization' });
  return (
    <ActionDialog label={label} variant="default" startIcon={<Plus />}>
      {(dialog) => (
        <OrganizationForm
          onClose={dialog.onClose}
          initialValues={valuesOf(null)}
          request={(values) => api.organizations.create(bodyOf(values))}
          submitLabel={label}
          successMessage={(name) =>
            formatMessage({ id: getTranslation('organizations.created'), defaultMessage: 'Organization "{name}" created.' }, { name })
          }
          onDone={(organization) => {
            dialog.onDone();
            navigate(organizationPath(organization.documentId));
          }}
        />
      )}
    </ActionDialog>
  );
};
