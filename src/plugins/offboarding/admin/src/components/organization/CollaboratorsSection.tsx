import { useIntl } from 'react-intl';
import type { AccessView } from '../../../../shared/contracts/access';
import { useAccessReason } from '../../hooks/useAccessReason';
import type { Collaborator } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { useLabels } from '../../hooks/useLabels';
import { Section } from '../common/Section';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import type { OrganizationActionProps } from './types';

interface CollaboratorsSectionProps extends OrganizationActionProps {
  canManage: boolean;
  /** Changes after every action of the page: the invitations list reloads. */
  refreshKey: number;
  /** The organization's access stage (undefined while it loads): its stage may forbid inviting. */
  access: AccessView | undefined;
}

const RemoveCollaborator = ({ organization, collaborator, onChanged }: OrganizationActionProps & { collaborator: Collaborator }) => {
  const { formatMessage } = useIntl();
  const user = collaborator.user;
  if (!user) return null;
  return (
    <ConfirmDialog
      label={formatMessage({ id: getTranslation('organization.collaborators.remove'), defaultMessage: 'Remove' })}
      title={formatMessage({ id: getTranslation('organization.collaborators.removeTitle'), defaultMessage: 'Remove this collaborator?' })}
      variant="danger-light"
      onDone={() => void onChanged()}
      description={formatMessage(
        {
          id: getTranslation('organization.collaborators.removeDescription'),
          defaultMessage: '{email} will no longer see this organization in the customer portal. Their user account is kept.',
        },
        { email: user.email },
      )}
      request={api.organizations.collaborators.remove({ id: organization.documentId, userId: user.documentId })}
      successMessage={formatMessage({ id: getTranslation('organization.collaborators.removed'), defaultMessage: 'Collaborator removed' })}
      submitVariant="danger"
    />
  );
};

/** The customer's users who see the organization in the portal, and the invitations that let them join (docs/spec.md §12). */
export const CollaboratorsSection = ({ organization, onChanged, canManage, refreshKey, access }: CollaboratorsSectionProps) => {
  const reasonOf = useAccessReason();
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`organization.collaborators.${id}`), defaultMessage });
  const { collaborators } = organization;
  const purged = organization.purgeState === 'purged';
  const inviteRefusal =
    access && !access.invite ? (reasonOf(access, 'invite') ?? t('inviteRefused', 'The organization may not invite anyone in its current stage.')) : null;

  return (
    <Section
      title={t('title', 'Collaborators')}
      actions={
        canManage && !purged ? (
          <ActionDialog
            label={t('invite', 'Invite collaborator')}
            disabledReason={inviteRefusal}
            onDone={() => void onChanged()}
          >
            {(dialog) => <InviteForm organization={organization} {...dialog} />}
          </ActionDialog>
        ) : null
      }
    >
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
      <InvitationsList organizationId={organization.documentId} refreshKey={refreshKey} canManage={canManage} onChanged={onChanged} />
    </Section>
  );
};
