import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { OrganizationLink } from '../organizations/OrganizationLink';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { useFormat } from '../../hooks/useFormat';
import { ListPagination } from '../organizations/ListPagination';
import { useUrlParams } from '../organizations/useUrlParams';
import type { RetentionSectionProps } from './LegalHoldsSection';
import { RetentionActions } from './RetentionActions';
import { Section } from '../common/Section';
import { WillDeleteList } from './WillDeleteList';

/** Organizations past their retention date, soonest purge first, with what the purge will delete. */
export const PurgeQueueSection = ({ canRetention, refreshKey, onChanged }: RetentionSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const { page, pageSize } = useUrlParams();
  const queue = useApiQuery(api.retention.queue({ page, pageSize }));
  useRefetchOn(refreshKey, queue.refetch);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`retention.queue.${id}`), defaultMessage });

  return (
    <Section
      title={t('title', 'Purge queue')}
      description={t(
        'description',
        'Archived organizations past their retention date. The purge sweep deletes them after the review date unless their retention is extended or a legal hold is placed.',
      )}
    >
      <DataTable
        rows={queue.data?.data}
        status={queue}
        emptyMessage={t('empty', 'No organization is waiting to be purged.')}
        footer={<ListPagination pagination={queue.data?.meta.pagination} />}
        columns={[
          {
            key: 'organization',
            header: t('organization', 'Organization'),
            cell: (item) => (
              <OrganizationLink organization={item}>
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('retention.queue.archivedAt'), defaultMessage: 'Archived {date}' },
                    { date: format.date(item.archivedAt) },
                  )}
                </Typography>
              </OrganizationLink>
            ),
          },
          { key: 'retentionUntil', header: t('retentionUntil', 'Retained until'), cell: (item) => format.dateTime(item.retentionUntil) },
          {
            key: 'purgeAfter',
            header: t('purgeAfter', 'Purge after'),
            strong: true,
            cell: (item) => format.dateTime(item.purgeAfter),
          },
          {
            key: 'willDelete',
            header: t('willDelete', 'Will be deleted'),
            wrap: true,
            cell: (item) => <WillDeleteList counts={item.willDelete} />,
          },
          // The server takes an organization out of the queue when a hold is placed: none here is held.
          { key: 'legalHold', header: t('legalHold', 'Legal hold'), cell: () => t('notHeld', 'Not held') },
          canRetention && {
            key: 'actions',
            header: t('actions', 'Actions'),
            cell: (item) => <RetentionActions organization={item} held={false} onChanged={onChanged} />,
          },
        ]}
      />
    </Section>
  );
};
