import { useIntl } from 'react-intl';
import type { ExportProfile } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';
import { OptionGroup } from '../entitlements/OptionGroup';
import { organizationActionMessages } from './actionMessages';
import type { OrganizationFormProps } from './types';

/**
 * Queues a data export; the exports section follows its progress. An admin export holds
 * everything; a customer export holds only what customers may see and gets a signed link.
 */
export const ExportForm = ({ organization, ...dialog }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.export.${id}`), defaultMessage });
  const { field, form } = useActionForm({
    ...dialog,
    initialValues: { profile: 'admin' as ExportProfile },
    request: ({ profile }) => api.exports.create(organization.documentId, { profile }),
    successMessage: t('queued', 'Data export queued'),
  });
  return (
    <ActionForm
      {...form}
      description={t(
        'description',
        'A ZIP with the organization, its entitlements, resources, audit trail, owned data (JSON and CSV) and documents is generated in the background. It can be downloaded here once ready, and expires after a few days.',
      )}
      submitLabel={formatMessage(organizationActionMessages.export)}
    >
      <OptionGroup<ExportProfile>
        label={t('profile', 'What it holds')}
        {...field('profile')}
        options={[
          {
            value: 'admin',
            label: t('profile.admin', 'Everything (for staff)'),
            hint: t(
              'profile.adminHint',
              'Internal notes, legal holds and who on the staff did what included. Never handed to the customer.',
            ),
          },
          {
            value: 'customer',
            label: t('profile.customer', 'What the customer may see'),
            hint: t(
              'profile.customerHint',
              'Only the fields chosen for customers; staff appear as "staff". It gets a signed link to hand to the customer.',
            ),
          },
        ]}
      />
    </ActionForm>
  );
};
