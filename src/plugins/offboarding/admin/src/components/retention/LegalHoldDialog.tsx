import * as React from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { RetentionActionDialog } from './RetentionActionDialog';
import type { RetentionTarget } from './ExtendRetentionDialog';

/** Legal hold: nothing of the organization is purged until the hold is lifted. */
export const LegalHoldDialog = ({
  organization,
  onSuccess,
}: {
  organization: RetentionTarget;
  onSuccess: () => void;
}) => {
  const { formatMessage } = useIntl();
  const [reason, setReason] = React.useState('');

  return (
    <RetentionActionDialog
      label={formatMessage({ id: getTranslation('retention.hold.action'), defaultMessage: 'Legal hold' })}
      startIcon={<Lock />}
      title={formatMessage(
        { id: getTranslation('retention.hold.title'), defaultMessage: 'Place {name} under legal hold' },
        { name: organization.name },
      )}
      description={formatMessage({
        id: getTranslation('retention.hold.description'),
        defaultMessage: 'While the hold lasts the organization leaves the purge queue and nothing of it is purged.',
      })}
      confirmLabel={formatMessage({ id: getTranslation('retention.hold.confirm'), defaultMessage: 'Place legal hold' })}
      canConfirm={reason.trim().length > 0}
      request={api.retention.hold(organization.documentId, { reason: reason.trim() })}
      successMessage={formatMessage(
        { id: getTranslation('retention.hold.success'), defaultMessage: '{name} is under legal hold.' },
        { name: organization.name },
      )}
      onSuccess={onSuccess}
      onOpen={() => setReason('')}
    >
      <Field.Root
        name="reason"
        required
        hint={formatMessage({
          id: getTranslation('retention.hold.reasonHint'),
          defaultMessage: 'For example the case or request it answers; recorded in the audit trail.',
        })}
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('retention.hold.reason'), defaultMessage: 'Reason' })}
        </Field.Label>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
        <Field.Hint />
      </Field.Root>
    </RetentionActionDialog>
  );
};
