import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { labelMessages } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ConfirmForm } from '../common/ConfirmForm';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, subjectMessage } from './messages';
import type { EntitlementFormProps } from './types';

const messages = {
  explanation: {
    id: getTranslation('entitlement.undo.explanation'),
    defaultMessage: 'The cancellation planned for {date} is withdrawn and the entitlement returns to “{status}”.',
  },
  success: { id: getTranslation('entitlement.undo.success'), defaultMessage: 'Cancellation undone.' },
};

export const UndoCancellationForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  // The server returns a suspended entitlement to "suspended", anything else to "active".
  const back = entitlement.previousStatus === 'suspended' ? 'suspended' : 'active';
  return (
    <ConfirmForm
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      request={api.entitlements.undoCancel(entitlement.documentId)}
      successMessage={formatMessage(messages.success)}
      submitLabel={formatMessage(actionMessages.undoCancel)}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography>
        {formatMessage(messages.explanation, {
          date: entitlement.cancelEffectiveAt ? formatDateTime(intl, entitlement.cancelEffectiveAt) : '—',
          status: formatMessage(labelMessages.status[back]),
        })}
      </Typography>
    </ConfirmForm>
  );
};
