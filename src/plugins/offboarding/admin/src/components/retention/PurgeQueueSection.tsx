import { Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ApiErrorAlert } from '../organizations/ApiErrorAlert';
import { useDates } from '../organizations/format';
import { ListPagination } from '../organizations/ListPagination';
import { organizationPath } from '../organizations/paths';
import { useUrlParams } from '../organizations/useUrlParams';
import { EmptySection } from './EmptySection';
import { ExtendRetentionDialog } from './ExtendRetentionDialog';
import { LegalHoldDialog } from './LegalHoldDialog';
import { Section } from './Section';
import { useRefetchOn } from './useRefetchOn';
import { WillDeleteList } from './WillDeleteList';

export interface PurgeQueueSectionProps {
  canRetention: boolean;
  refreshKey: number;
  onChanged: () => void;
}

/** Organizations past their retention date, soonest purge first, with what the purge will delete. */
export const PurgeQueueSection = ({ canRetention, refreshKey, onChanged }: PurgeQueueSectionProps) => {
  const { formatMessage } = useIntl();
  const dates = useDates();
  const { page, pageSize } = useUrlParams();
  const queue = useApiQuery(api.retention.queue({ page, pageSize }));
  useRefetchOn(refreshKey, queue.refetch);
  const items = queue.data?.data;
  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  let content;
  if (items === undefined) content = queue.isLoading ? <Page.Loading /> : null;
  else if (!items.length) {
    content = (
      <EmptySection
        message={formatMessage({
          id: getTranslation('retention.queue.empty'),
          defaultMessage: 'No organization is waiting to be purged.',
        })}
      />
    );
  } else {
    content = (
      <Flex direction="column" alignItems="stretch">
        <Table colCount={canRetention ? 6 : 5} rowCount={items.length + 1}>
          <Thead>
            <Tr>
              {heading('retention.queue.organization', 'Organization')}
              {heading('retention.queue.retentionUntil', 'Retained until')}
              {heading('retention.queue.purgeAfter', 'Purge after')}
              {heading('retention.queue.willDelete', 'Will be deleted')}
              {heading('retention.queue.legalHold', 'Legal hold')}
              {canRetention ? heading('retention.queue.actions', 'Actions') : null}
            </Tr>
          </Thead>
          <Tbody>
            {items.map((item) => (
              <Tr key={item.documentId}>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Link tag={RouterLink} to={organizationPath(item.documentId)}>
                      {item.name}
                    </Link>
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage(
                        { id: getTranslation('retention.queue.archivedAt'), defaultMessage: 'Archived {date}' },
                        { date: dates.date(item.archivedAt) },
                      )}
                    </Typography>
                  </Flex>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{dates.dateTime(item.retentionUntil)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800" fontWeight="semiBold">
                    {dates.dateTime(item.purgeAfter)}
                  </Typography>
                </Td>
                <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                  <WillDeleteList counts={item.willDelete} />
                </Td>
                <Td>
                  {/* The server takes an organization out of the queue when a hold is placed: none here is held. */}
                  <Typography textColor="neutral600">
                    {formatMessage({ id: getTranslation('retention.queue.notHeld'), defaultMessage: 'Not held' })}
                  </Typography>
                </Td>
                {canRetention ? (
                  <Td>
                    <Flex gap={2}>
                      <ExtendRetentionDialog organization={item} onSuccess={onChanged} />
                      <LegalHoldDialog organization={item} onSuccess={onChanged} />
                    </Flex>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </Tbody>
        </Table>
        <ListPagination pagination={queue.data?.meta.pagination} />
      </Flex>
    );
  }

  return (
    <Section
      title={formatMessage({ id: getTranslation('retention.queue.title'), defaultMessage: 'Purge queue' })}
      description={formatMessage({
        id: getTranslation('retention.queue.description'),
        defaultMessage:
          'Archived organizations past their retention date. The purge sweep deletes them after the review date unless their retention is extended or a legal hold is placed.',
      })}
    >
      <ApiErrorAlert error={queue.error} />
      {content}
    </Section>
  );
};
