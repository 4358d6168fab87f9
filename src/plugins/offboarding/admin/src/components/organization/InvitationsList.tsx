import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Invitation } from '../../../../shared/contracts/invitations';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useFormat } from '../../hooks/useFormat';
import { INVITATION_STATE_VARIANT, useLabels } from '../../hooks/useLabels';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { SectionPager } from './SectionPager';

const PAGE_SIZE = 10;

interface InvitationsListProps {
  organizationId: string;
  /** Changes after every action of the page (an invitation sent, resent or revoked). */
  refreshKey: number;
  /** Resend and Revoke: the `manage` permission. */
  canManage: boolean;
  onChanged: () => void | Promise<void>;
}

/** Who accepted it and when, or when it was revoked, under the state's badge. */
const StateCell = ({ invitation }: { invitation: Invitation }) => {
  const labels = useLabels();
  const format = useFormat();
  const { formatMessage } = useIntl();
  let detail: string | null = null;
  if (invitation.state === 'accepted') {
    detail = formatMessage(
      { id: getTranslation('organization.invitations.acceptedOn'), defaultMessage: '{date} by {email}' },
      { date: format.dateTime(invitation.acceptedAt), email: invitation.acceptedBy?.email ?? format.none },
    );
  } else if (invitation.state === 'revoked') detail = format.dateTime(invitation.revokedAt);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={INVITATION_STATE_VARIANT[invitation.state]} size="S">
        {labels.invitationState(invitation.state)}
      </Badge>
      {detail ? (
        <Typography variant="pi" textColor="neutral600">
          {detail}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** Resend (a new link, the old one dead) while not accepted or revoked; revoke while pending. */
const InvitationActions = ({ invitation, onChanged }: { invitation: Invitation; onChanged: () => void | Promise<void> }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.invitations.${id}`), defaultMessage });
  const { email } = invitation;
  const canResend = invitation.state === 'pending' || invitation.state === 'expired';
  if (!canResend) return null;
  const done = () => void onChanged();
  return (
    <Flex gap={2}>
      <ConfirmDialog
        label={t('resend', 'Resend')}
        title={t('resendTitle', 'Resend this invitation?')}
        size="S"
        variant="tertiary"
        onDone={done}
        description={formatMessage(
          {
            id: getTranslation('organization.invitations.resendDescription'),
            defaultMessage: '{email} receives a new link, valid for 7 days. The link sent before stops working.',
          },
          { email },
        )}
        request={api.invitations.resend(invitation.documentId)}
        successMessage={formatMessage(
          { id: getTranslation('organization.invitations.resent'), defaultMessage: 'Invitation resent to {email}' },
          { email },
        )}
      />
      {invitation.state === 'pending' ? (
        <ConfirmDialog
          label={t('revoke', 'Revoke')}
          title={t('revokeTitle', 'Revoke this invitation?')}
          size="S"
          variant="danger-light"
          onDone={done}
          description={formatMessage(
            {
              id: getTranslation('organization.invitations.revokeDescription'),
              defaultMessage: 'The link sent to {email} stops working. You can invite the address again later.',
            },
            { email },
          )}
          request={api.invitations.revoke(invitation.documentId)}
          successMessage={t('revoked', 'Invitation revoked')}
          submitVariant="danger"
        />
      ) : null}
    </Flex>
  );
};

/** The organization's invitations (docs/spec.md §12), newest first, a page at a time. */
export const InvitationsList = ({ organizationId, refreshKey, canManage, onChanged }: InvitationsListProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const [page, setPage] = React.useState(1);
  const invitations = useApiQuery(api.invitations.list(organizationId, { page, pageSize: PAGE_SIZE }));
  useRefetchOn(refreshKey, invitations.refetch);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.invitations.${id}`), defaultMessage });

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography tag="h3" variant="sigma" textColor="neutral600">
        {t('title', 'Invitations')}
      </Typography>
      <DataTable
        rows={invitations.data?.data}
        status={invitations}
        emptyMessage={t('empty', 'No invitation has been sent.')}
        footer={
          <SectionPager
            pagination={invitations.data?.meta.pagination}
            summary={{
              id: getTranslation('organization.invitations.page'),
              defaultMessage: 'Page {page} of {pageCount} · {total, plural, one {# invitation} other {# invitations}}',
            }}
            isLoading={invitations.isLoading}
            onPage={setPage}
          />
        }
        columns={[
          { key: 'email', header: t('email', 'Email'), strong: true, cell: (row) => row.email },
          { key: 'role', header: t('role', 'Role'), cell: (row) => labels.role(row.role) },
          { key: 'state', header: t('state', 'State'), cell: (row) => <StateCell invitation={row} /> },
          {
            key: 'expires',
            header: t('expires', 'Expires'),
            cell: (row) => (row.state === 'pending' || row.state === 'expired' ? format.dateTime(row.expiresAt) : format.none),
          },
          {
            key: 'sent',
            header: t('sentCount', 'Sent'),
            cell: (row) =>
              formatMessage(
                {
                  id: getTranslation('organization.invitations.sentTimes'),
                  defaultMessage: '{count, plural, one {# time} other {# times}}, last {date}',
                },
                { count: row.sentCount, date: format.dateTime(row.lastSentAt ?? row.createdAt) },
              ),
          },
          canManage && {
            key: 'actions',
            header: formatMessage(commonMessages.actions),
            hiddenHeader: true,
            cell: (row) => <InvitationActions invitation={row} onChanged={onChanged} />,
          },
        ]}
      />
    </Flex>
  );
};
