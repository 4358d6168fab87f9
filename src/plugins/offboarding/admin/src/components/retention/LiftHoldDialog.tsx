import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { RetentionActionDialog } from './RetentionActionDialog';
import type { RetentionTarget } from './ExtendRetentionDialog';

/** Lift hold: retention runs its course again (the daily sweep may queue the organization for purge). */
export const LiftHoldDialog = ({
  organization,
  onSuccess,
}: {
  organization: RetentionTarget;
  onSuccess: () => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <RetentionActionDialog
      label={formatMessage({ id: getTranslation('retention.lift.action'), defaultMessage: 'Lift hold' })}
      variant="danger-light"
      title={formatMessage(
        { id: getTranslation('retention.lift.title'), defaultMessage: 'Lift the legal hold on {name}?' },
        { name: organization.name },
      )}
      description={formatMessage({
        id: getTranslation('retention.lift.description'),
        defaultMessage:
          'Its retention runs its course again: once its retention date has passed, the retention sweep queues it for purge.',
      })}
      confirmLabel={formatMessage({ id: getTranslation('retention.lift.confirm'), defaultMessage: 'Lift legal hold' })}
      confirmVariant="danger"
      request={api.retention.liftHold(organization.documentId)}
      successMessage={formatMessage(
        { id: getTranslation('retention.lift.success'), defaultMessage: 'The legal hold on {name} was lifted.' },
        { name: organization.name },
      )}
      onSuccess={onSuccess}
    />
  );
};
