import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { EntitlementConfirmForm } from './EntitlementConfirmForm';
import { formatDateTime } from './format';
import type { EntitlementFormProps } from './types';

export const ResumeForm = (props: EntitlementFormProps) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: getTranslation(`entitlement.resume.${id}`), defaultMessage }, values);
  const { entitlement } = props;
  return (
    <EntitlementConfirmForm
      {...props}
      action="resume"
      request={api.entitlements.resume(entitlement.documentId)}
      successMessage={t('success', 'Entitlement resumed.')}
    >
      <Typography>{t('explanation', 'The suspension is lifted and the entitlement becomes active again.')}</Typography>
      {entitlement.graceEndsAt ? (
        <Typography textColor="neutral600">
          {t('grace', 'Without this, it would be cancelled for payment failure on {date}.', {
            date: formatDateTime(intl, entitlement.graceEndsAt),
          })}
        </Typography>
      ) : null}
    </EntitlementConfirmForm>
  );
};
