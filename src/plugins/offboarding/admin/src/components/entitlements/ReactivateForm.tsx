import { Typography } from '@strapi/design-system';
import { useIntl, type IntlShape } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ConfirmForm } from '../common/ConfirmForm';
import { ErrorAlert } from '../common/ErrorAlert';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, subjectMessage } from './messages';
import type { EntitlementFormProps } from './types';

const messages = {
  explanation: {
    id: getTranslation('entitlement.reactivate.explanation'),
    defaultMessage: 'The entitlement becomes active again and its resources are provisioned anew. A billing period that ended meanwhile restarts now.',
  },
  cancelledAt: { id: getTranslation('entitlement.reactivate.cancelledAt'), defaultMessage: 'Cancelled on {date}.' },
  window: { id: getTranslation('entitlement.reactivate.window'), defaultMessage: 'Reactivation is possible until {date}.' },
  success: { id: getTranslation('entitlement.reactivate.success'), defaultMessage: 'Entitlement reactivated.' },
  refused: { id: getTranslation('entitlement.reactivate.refused'), defaultMessage: 'Reactivation is not allowed.' },
};

/** The server's refusal when the policy, the window or the organization forbids reactivation. */
export const reactivationRefusal = (intl: IntlShape, entitlement: EntitlementFormProps['entitlement']): string | null => {
  const { reactivation } = entitlement;
  if (!reactivation || reactivation.allowed) return null;
  return reactivation.refusal || intl.formatMessage(messages.refused);
};

export const ReactivateForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const refusal = reactivationRefusal(intl, entitlement);
  const until = entitlement.reactivation?.until;
  return (
    <ConfirmForm
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      request={api.entitlements.reactivate(entitlement.documentId)}
      successMessage={formatMessage(messages.success)}
      submitLabel={formatMessage(actionMessages.reactivate)}
      onClose={onClose}
      onDone={onDone}
    >
      {entitlement.cancelledAt ? (
        <Typography textColor="neutral600">{formatMessage(messages.cancelledAt, { date: formatDateTime(intl, entitlement.cancelledAt) })}</Typography>
      ) : null}
      {/* Sending anyway lets the server say why, in its own words, should the state have changed. */}
      <ErrorAlert error={refusal} />
      {refusal === null ? <Typography>{formatMessage(messages.explanation)}</Typography> : null}
      {refusal === null && until ? (
        <Typography textColor="neutral600">{formatMessage(messages.window, { date: formatDateTime(intl, until) })}</Typography>
      ) : null}
    </ConfirmForm>
  );
};
