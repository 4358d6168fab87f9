import * as React from 'react';
import { useIntl } from 'react-intl';
import type { ExportProfile } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { OptionGroup } from '../entitlements/OptionGroup';
import { ConfirmAction } from './ConfirmAction';
import type { OrganizationActionProps } from './types';

/**
 * Queues a data export; the exports section follows its progress. An admin export holds
 * everything; a customer export holds only what customers may see and gets a signed link.
 */
export const ExportAction = ({ organization: org, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
  const [profile, setProfile] = React.useState<ExportProfile>('admin');
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.export.${id}`), defaultMessage });
  return (
    <ConfirmAction
      label={formatMessage({ id: getTranslation('organization.actions.export'), defaultMessage: 'Generate data export' })}
      disabledReason={
        org.purgeState === 'purged'
          ? formatMessage({
              id: getTranslation('organization.actions.purgedHint'),
              defaultMessage: 'The organization was purged: only its tombstone remains.',
            })
          : null
      }
      title={t('title', 'Generate a data export?')}
      description={t(
        'description',
        'A ZIP with the organization, its entitlements, resources, audit trail, owned data (JSON and CSV) and documents is generated in the background. It can be downloaded here once ready, and expires after a few days.'
      )}
      onOpen={() => setProfile('admin')}
      request={api.exports.create(org.documentId, { profile })}
      successMessage={t('queued', 'Data export queued')}
      onSuccess={onChanged}
      onRefusalClosed={onChanged}
    >
      <OptionGroup<ExportProfile>
        label={t('profile', 'What it holds')}
        value={profile}
        onChange={setProfile}
        options={[
          { value: 'admin', label: t('profile.admin', 'Everything (for staff)'), hint: t('profile.adminHint', 'Internal notes, legal holds and who on the staff did what included. Never handed to the customer.') },
          {
            value: 'customer',
            label: t('profile.customer', 'What the customer may see'),
            hint: t('profile.customerHint', 'Only the fields chosen for customers; staff appear as "staff". It gets a signed link to hand to the customer.'),
          },
        ]}
      />
    </ConfirmAction>
  );
};
