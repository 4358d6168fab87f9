import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Notification } from '../../../../shared/contracts/notices';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useFormat } from '../../hooks/useFormat';
import { NOTIFICATION_STATE_VARIANT, useLabels } from '../../hooks/useLabels';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { Section } from '../common/Section';
import { SectionPager } from './SectionPager';

const PAGE_SIZE = 10;

interface NotificationsSectionProps {
  organizationId: string;
  /** Changes after every action of the page: an action may queue a notice. */
  refreshKey: number;
}

/** Why a notice is not (yet) sent: the provider's last error, or why it was skipped. */
const StateCell = ({ notification }: { notification: Notification }) => {
  const labels = useLabels();
  const { formatMessage } = useIntl();
  const detail = notification.state === 'skipped' ? notification.skippedReason : notification.lastError;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={NOTIFICATION_STATE_VARIANT[notification.state]} size="S">
        {labels.notificationState(notification.state)}
      </Badge>
      {notification.attempts > 1 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('organization.notifications.attempts'), defaultMessage: '{count} attempts' },
            { count: notification.attempts },
          )}
        </Typography>
      ) : null}
      {detail ? (
        <Typography variant="pi" textColor={notification.state === 'failed' ? 'danger700' : 'neutral600'}>
          {detail}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The customer notices of the organization (docs/spec.md §11): what was sent, to whom, when, newest first. */
export const NotificationsSection = ({ organizationId, refreshKey }: NotificationsSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const [page, setPage] = React.useState(1);
  const notifications = useApiQuery(api.organizations.notifications(organizationId, { page, pageSize: PAGE_SIZE }));
  useRefetchOn(refreshKey, notifications.refetch);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.notifications.${id}`), defaultMessage });

  return (
    <Section title={t('title', 'Notifications')} description={t('description', "Mails sent to the organization's owners and contact address.")}>
      <DataTable
        rows={notifications.data?.data}
        status={notifications}
        emptyMessage={t('empty', 'No notice has been sent to this organization.')}
        footer={
          <SectionPager
            pagination={notifications.data?.meta.pagination}
            summary={{
              id: getTranslation('organization.notifications.page'),
              defaultMessage: 'Page {page} of {pageCount} · {total, plural, one {# notice} other {# notices}}',
            }}
            isLoading={notifications.isLoading}
            onPage={setPage}
          />
        }
        columns={[
          {
            key: 'date',
            header: t('date', 'Date'),
            cell: (row) => format.dateTime(row.sentAt ?? row.createdAt),
          },
          {
            key: 'notice',
            header: t('notice', 'Notice'),
            wrap: true,
            cell: (row) => (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography textColor="neutral800" fontWeight="semiBold">
                  {labels.notice(row.key)}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {row.subject}
                </Typography>
              </Flex>
            ),
          },
          {
            key: 'recipients',
            header: t('recipients', 'To'),
            wrap: true,
            cell: (row) => (row.recipients.length ? row.recipients.join(', ') : format.none),
          },
          { key: 'state', header: t('state', 'State'), cell: (row) => <StateCell notification={row} /> },
        ]}
      />
    </Section>
  );
};
