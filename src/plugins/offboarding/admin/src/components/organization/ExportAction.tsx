import { useIntl } from 'react-intl';
import { API } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ConfirmAction } from './ConfirmAction';
import type { OrganizationActionProps } from './types';

/** Queues a data export; the exports section follows its progress. */
export const ExportAction = ({ organization: org, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
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
      title={formatMessage({ id: getTranslation('organization.export.title'), defaultMessage: 'Generate a data export?' })}
      description={formatMessage({
        id: getTranslation('organization.export.description'),
        defaultMessage:
          'A ZIP with the organization, its entitlements, resources, audit trail, owned data (JSON and CSV) and documents is generated in the background. It can be downloaded here once ready, and expires after a few days.',
      })}
      request={{ method: 'POST', url: `${API}/organizations/${org.documentId}/exports`, body: {} }}
      successMessage={formatMessage({ id: getTranslation('organization.export.queued'), defaultMessage: 'Data export queued' })}
      onSuccess={onChanged}
      onRefusalClosed={onChanged}
    />
  );
};
