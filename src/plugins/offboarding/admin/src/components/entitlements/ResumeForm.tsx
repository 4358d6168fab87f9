import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ConfirmForm } from '../common/ConfirmForm';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, subjectMessage } from './messages';
import type { EntitlementFormProps } from './types';

const messages = {
  explanation: {
    id: getTranslation('entitlement.resume.explanation'),
    defaultMessage: 'The suspension is lifted and the entitlement becomes active again.',
  },
  grace: {
    id: getTranslation('entitlement.resume.grace'),
    defaultMessage: 'Without this, it would be cancelled for payment failure on {date}.',
  },
  success: { id: getTranslation('entitlement.resume.success'), defaultMessage: 'Entitlement resumed.' },
};

export const ResumeForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  return (
    <ConfirmForm
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      request={api.entitlements.resume(entitlement.documentId)}
      successMessage={formatMessage(messages.success)}
      submitLabel={formatMessage(actionMessages.resume)}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography>{formatMessage(messages.explanation)}</Typography>
      {entitlement.graceEndsAt ? (
        <Typography textColor="neutral600">{formatMessage(messages.grace, { date: formatDateTime(intl, entitlement.graceEndsAt) })}</Typography>
      ) : null}
    </ConfirmForm>
  );
};
