import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { COLLABORATOR_ROLES, type CollaboratorRole } from '../../../../shared/contracts/constants';
import type { Invitation } from '../../../../shared/contracts/invitations';
import { api } from '../../api';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import type { OrganizationFormProps } from './types';

/** The server's limit on an address (docs/spec.md §12); it lowercases and checks the rest. */
const EMAIL_MAX = 254;

interface InviteValues {
  email: string;
  role: CollaboratorRole;
}

/**
 * Invites an address with a role (docs/spec.md §12): the invitation is mailed with a single-use
 * link, and only a portal user with this e-mail can accept it. The server's refusals are shown
 * next to the field they name, or under the form (a stage that forbids inviting, an address
 * already invited).
 */
export const InviteForm = ({ organization, ...dialog }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.invitations.${id}`), defaultMessage });
  const { values, set, fieldError, form } = useActionForm<InviteValues, { data: Invitation }>({
    ...dialog,
    initialValues: { email: '', role: 'member' },
    validate: ({ email }) => ({ email: email.trim() ? undefined : formatMessage(commonMessages.required) }),
    request: ({ email, role }) => api.invitations.create(organization.documentId, { email: email.trim(), role }),
    successMessage: ({ data }) =>
      formatMessage({ id: getTranslation('organization.invitations.sent'), defaultMessage: 'Invitation sent to {email}' }, { email: data.email }),
  });

  return (
    <ActionForm
      {...form}
      description={t('inviteDescription', 'The address receives a link valid for 7 days. Only a portal user with this e-mail address can accept it.')}
      submitLabel={t('send', 'Send invitation')}
    >
      <Field.Root name="email" required error={fieldError('email')}>
        <Field.Label>{t('email', 'Email')}</Field.Label>
        <TextInput type="email" value={values.email} maxLength={EMAIL_MAX} onChange={(event) => set('email', event.target.value)} />
        <Field.Error />
      </Field.Root>
      <Field.Root name="role" required error={fieldError('role')}>
        <Field.Label>{t('role', 'Role')}</Field.Label>
        <SingleSelect value={values.role} onChange={(value) => set('role', COLLABORATOR_ROLES.find((role) => role === value) ?? 'member')}>
          {COLLABORATOR_ROLES.map((role) => (
            <SingleSelectOption key={role} value={role}>
              {labels.role(role)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </ActionForm>
  );
};
