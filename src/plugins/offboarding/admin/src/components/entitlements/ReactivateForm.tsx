import { Typography } from '@strapi/design-system';
import { useIntl, type IntlShape } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';
import { EntitlementConfirmForm } from './EntitlementConfirmForm';
import { formatDateTime } from './format';
import type { EntitlementFormProps } from './types';

/** The server's refusal when the policy, the window or the organization forbids reactivation. */
export const reactivationRefusal = (intl: IntlShape, entitlement: EntitlementFormProps['entitlement']): string | null => {
  const { reactivation } = entitlement;
  if (!reactivation || reactivation.allowed) return null;
  return (
    reactivation.refusal ||
    intl.formatMessage({ id: getTranslation('entitlement.reactivate.refused'), defaultMessage: 'Reactivation is not allowed.' })
  );
};

export const ReactivateForm = (props: EntitlementFormProps) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: getTranslation(`entitlement.reactivate.${id}`), defaultMessage }, values);
  const { entitlement } = props;
  const refusal = reactivationRefusal(intl, entitlement);
  const until = entitlement.reactivation?.until;
  return (
    <EntitlementConfirmForm
      {...props}
      action="reactivate"
      request={api.entitlements.reactivate(entitlement.documentId)}
      successMessage={t('success', 'Entitlement reactivated.')}
    >
      {entitlement.cancelledAt ? (
        <Typography textColor="neutral600">
          {t('cancelledAt', 'Cancelled on {date}.', { date: formatDateTime(intl, entitlement.cancelledAt) })}
        </Typography>
      ) : null}
      {/* Sending anyway lets the server say why, in its own words, should the state have changed. */}
      <ErrorAlert error={refusal} />
      {refusal === null ? (
        <Typography>
          {t(
            'explanation',
            'The entitlement becomes active again and its resources are provisioned anew. A billing period that ended meanwhile restarts now.',
          )}
        </Typography>
      ) : null}
      {refusal === null && until ? (
        <Typography textColor="neutral600">
          {t('window', 'Reactivation is possible until {date}.', { date: formatDateTime(intl, until) })}
        </Typography>
      ) : null}
    </EntitlementConfirmForm>
  );
};
