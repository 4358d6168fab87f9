import { Pencil } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { bodyOf, OrganizationForm, valuesOf } from '../organizations/OrganizationForm';

/** "Edit" beside the organization's name: its name and contact details. */
export const EditOrganizationDialog = ({ organization, onChanged }: { organization: OrganizationDetail; onChanged: () => void }) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: getTranslation('organization.edit'), defaultMessage: 'Edit' });
  return (
    <ActionDialog
      label={label}
      title={formatMessage({ id: getTranslation('organization.edit.title'), defaultMessage: 'Edit the organization' })}
      variant="tertiary"
      size="S"
      startIcon={<Pencil />}
      onDone={onChanged}
    >
      {(dialog) => (
        <OrganizationForm
          {...dialog}
          initialValues={valuesOf(organization)}
          request={(values) => api.organizations.update(organization.documentId, bodyOf(values))}
          submitLabel={formatMessage({ id: getTranslation('organization.edit.save'), defaultMessage: 'Save changes' })}
          successMessage={(name) =>
            formatMessage({ id: getTranslation('organization.edit.saved'), defaultMessage: 'Organization "{name}" saved.' }, { name })
          }
          onDone={() => dialog.onDone()}
        />
      )}
    </ActionDialog>
  );
};
