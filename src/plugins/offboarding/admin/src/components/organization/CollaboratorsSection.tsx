import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { CollaboratorInput } from '../../../../shared/contracts/api';
import { COLLABORATOR_ROLES, type CollaboratorRole } from '../../../../shared/contracts/constants';
import type { Collaborator } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ConfirmForm } from '../common/ConfirmForm';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { useLabels } from '../../hooks/useLabels';
import { Section } from '../common/Section';
import type { OrganizationActionProps } from './types';

interface CollaboratorsSectionProps extends OrganizationActionProps {
  canManage: boolean;
}

const AddCollaboratorForm = ({ organization, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const labels = useLabels();
  const { run, isSubmitting } = useApiAction();
  const [email, setEmail] = React.useState('');
  const [role, setRole] = React.useState<CollaboratorRole>('member');
  const [error, setError] = React.useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: CollaboratorInput = { email: email.trim(), role };
    const result = await run(api.organizations.collaborators.add(organization.documentId, body));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setEmail('');
    toggleNotification({
      type: 'success',
      message: formatMessage({ id: getTranslation('organization.collaborators.added'), defaultMessage: 'Collaborator added' }),
    });
    await onChanged();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        <Box flex="1" minWidth="240px">
          <Field.Root
            name="collaboratorEmail"
            error={error ?? undefined}
            hint={formatMessage({
              id: getTranslation('organization.collaborators.emailHint'),
              defaultMessage: 'An existing user of the customer portal.',
            })}
          >
            <Field.Label>{formatMessage({ id: getTranslation('organization.collaborators.email'), defaultMessage: 'Email' })}</Field.Label>
            <Field.Input type="email" value={email} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEmail(e.target.value)} />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        </Box>
        <Box minWidth="160px">
          <Field.Root name="collaboratorRole">
            <Field.Label>{formatMessage({ id: getTranslation('organization.collaborators.role'), defaultMessage: 'Role' })}</Field.Label>
            <SingleSelect value={role} onChange={(value: string | number) => setRole(String(value) as CollaboratorRole)}>
              {COLLABORATOR_ROLES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {labels.role(value)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box paddingTop={6}>
          <Button type="submit" variant="secondary" loading={isSubmitting} disabled={email.trim() === ''}>
            {formatMessage({ id: getTranslation('organization.collaborators.add'), defaultMessage: 'Add collaborator' })}
          </Button>
        </Box>
      </Flex>
    </form>
  );
};

const RemoveCollaborator = ({ organization, collaborator, onChanged }: OrganizationActionProps & { collaborator: Collaborator }) => {
  const { formatMessage } = useIntl();
  const user = collaborator.user;
  if (!user) return null;
  const label = formatMessage({ id: getTranslation('organization.collaborators.remove'), defaultMessage: 'Remove' });
  return (
    <ActionDialog
      label={label}
      title={formatMessage({ id: getTranslation('organization.collaborators.removeTitle'), defaultMessage: 'Remove this collaborator?' })}
      variant="danger-light"
      onDone={() => void onChanged()}
    >
      {(dialog) => (
        <ConfirmForm
          {...dialog}
          description={formatMessage(
            {
              id: getTranslation('organization.collaborators.removeDescription'),
              defaultMessage: '{email} will no longer see this organization in the customer portal. Their user account is kept.',
            },
            { email: user.email },
          )}
          request={api.organizations.collaborators.remove({ id: organization.documentId, userId: user.documentId })}
          successMessage={formatMessage({
            id: getTranslation('organization.collaborators.removed'),
            defaultMessage: 'Collaborator removed',
          })}
          submitLabel={label}
          submitVariant="danger"
        />
      )}
    </ActionDialog>
  );
};

/** The customer's users who see the organization in the portal. */
export const CollaboratorsSection = ({ organization, onChanged, canManage }: CollaboratorsSectionProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`organization.collaborators.${id}`), defaultMessage });
  const { collaborators } = organization;
  const purged = organization.purgeState === 'purged';

  return (
    <Section title={t('title', 'Collaborators')}>
      <DataTable
        rows={collaborators}
        emptyMessage={t('empty', 'No collaborator has access to this organization.')}
        columns={[
          { key: 'email', header: t('email', 'Email'), cell: (c) => c.user?.email ?? t('deletedUser', 'Deleted user') },
          { key: 'username', header: t('username', 'Username'), cell: (c) => c.user?.username ?? '' },
          { key: 'role', header: t('role', 'Role'), cell: (c) => labels.role(c.role) },
          canManage && {
            key: 'actions',
            header: formatMessage(commonMessages.actions),
            cell: (c) => <RemoveCollaborator organization={organization} collaborator={c} onChanged={onChanged} />,
          },
        ]}
      />
      {canManage && !purged ? <AddCollaboratorForm organization={organization} onChanged={onChanged} /> : null}
    </Section>
  );
};
