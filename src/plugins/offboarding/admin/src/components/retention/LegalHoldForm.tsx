import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { ReasonText } from './ExtendRetentionForm';
import type { RetentionFormProps } from './RetentionActions';

/** Legal hold: nothing of the organization is purged until the hold is lifted. */
export const LegalHoldForm = ({ organization, ...dialog }: RetentionFormProps) => {
  const { formatMessage } = useIntl();
  const { field, form } = useActionForm({
    ...dialog,
    initialValues: { reason: '' },
    validate: ({ reason }) => ({ reason: reason.trim() ? undefined : formatMessage(commonMessages.required) }),
    request: ({ reason }) => api.retention.hold(organization.documentId, { reason: reason.trim() }),
    successMessage: formatMessage(
      { id: getTranslation('retention.hold.success'), defaultMessage: '{name} is under legal hold.' },
      { name: organization.name },
    ),
  });
  return (
    <ActionForm
      {...form}
      description={formatMessage({
        id: getTranslation('retention.hold.description'),
        defaultMessage: 'While the hold lasts the organization leaves the purge queue and nothing of it is purged.',
      })}
      submitLabel={formatMessage({ id: getTranslation('retention.hold.confirm'), defaultMessage: 'Place legal hold' })}
    >
      <ReasonText
        {...field('reason')}
        hint={formatMessage({
          id: getTranslation('retention.hold.reasonHint'),
          defaultMessage: 'For example the case or request it answers; recorded in the audit trail.',
        })}
      />
    </ActionForm>
  );
};
