import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { EntitlementConfirmForm } from './EntitlementConfirmForm';
import type { EntitlementFormProps } from './types';

/** A prospect becomes active: billed, provisioned, and never a prospect again. */
export const ActivateForm = (props: EntitlementFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`entitlement.activate.${id}`), defaultMessage });
  return (
    <EntitlementConfirmForm
      {...props}
      action="activate"
      request={api.entitlements.activate(props.entitlement.documentId)}
      successMessage={t('success', 'Entitlement activated.')}
    >
      <Typography>
        {t('explanation', 'The prospect becomes active: it is billed from now on and provisioned downstream.')}
      </Typography>
      <Typography textColor="neutral600">{t('final', 'It cannot return to prospect afterwards.')}</Typography>
    </EntitlementConfirmForm>
  );
};
