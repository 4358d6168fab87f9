import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { bindSchedule, ScheduleField, scheduleError, scheduledAt, scheduledMessage, type When } from '../common/ScheduleField';
import { useActionForm } from '../common/useActionForm';
import { NotesField } from '../entitlements/fields';
import { organizationActionMessages } from './actionMessages';
import type { OrganizationFormProps } from './types';

/** Portal access only: billing and data keep running either way. */
export const AccessForm = ({ organization, ...dialog }: OrganizationFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const disabling = organization.accessStatus === 'enabled';
  const state = useActionForm({
    ...dialog,
    initialValues: { reason: '', when: 'now' as When, effectiveAt: undefined as Date | undefined },
    validate: (current) => ({ effectiveAt: scheduleError(intl, current.when, current.effectiveAt) }),
    request: ({ reason, when, effectiveAt }) => {
      const at = scheduledAt(when, effectiveAt);
      return (disabling ? api.organizations.disable : api.organizations.enable)(organization.documentId, {
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(at ? { effectiveAt: at } : {}),
      });
    },
    successMessage: (answer) =>
      scheduledMessage(
        intl,
        answer,
        disabling
          ? formatMessage({ id: getTranslation('organization.access.disabled'), defaultMessage: 'Portal access disabled' })
          : formatMessage({ id: getTranslation('organization.access.enabled'), defaultMessage: 'Portal access enabled' }),
      ),
  });
  const { field, form } = state;
  return (
    <ActionForm
      {...form}
      description={
        disabling
          ? formatMessage({
              id: getTranslation('organization.access.disableDescription'),
              defaultMessage:
                'Collaborators can no longer open the portal (for example after missed payments). Billing and data keep running, and access can be enabled again at any time.',
            })
          : formatMessage({
              id: getTranslation('organization.access.enableDescription'),
              defaultMessage: 'Collaborators can open the portal again.',
            })
      }
      submitLabel={formatMessage(disabling ? organizationActionMessages.disableAccess : organizationActionMessages.enableAccess)}
      submitVariant={disabling ? 'danger' : 'default'}
    >
      <NotesField
        {...field('reason')}
        label={formatMessage({ id: getTranslation('organization.access.reason'), defaultMessage: 'Reason' })}
        hint={formatMessage({ id: getTranslation('organization.access.reasonHint'), defaultMessage: 'Optional; kept in the audit trail.' })}
      />
      <ScheduleField {...bindSchedule(state, 'when', 'effectiveAt')} />
    </ActionForm>
  );
};
