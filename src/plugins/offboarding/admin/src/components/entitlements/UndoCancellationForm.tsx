import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { EntitlementConfirmForm } from './EntitlementConfirmForm';
import { formatDateTime } from './format';
import type { EntitlementFormProps } from './types';

export const UndoCancellationForm = (props: EntitlementFormProps) => {
  const intl = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: getTranslation(`entitlement.undo.${id}`), defaultMessage }, values);
  const { entitlement } = props;
  // The server returns a suspended entitlement to "suspended", anything else to "active".
  const back = entitlement.previousStatus === 'suspended' ? 'suspended' : 'active';
  return (
    <EntitlementConfirmForm
      {...props}
      action="undoCancel"
      request={api.entitlements.undoCancel(entitlement.documentId)}
      successMessage={t('success', 'Cancellation undone.')}
    >
      <Typography>
        {t('explanation', 'The cancellation planned for {date} is withdrawn and the entitlement returns to “{status}”.', {
          date: entitlement.cancelEffectiveAt ? formatDateTime(intl, entitlement.cancelEffectiveAt) : '—',
          status: labels.status(back),
        })}
      </Typography>
    </EntitlementConfirmForm>
  );
};
