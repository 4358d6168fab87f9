import * as React from 'react';
import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { RefundEntry } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { useFormat } from './format';
import { useLabels } from './labels';
import { Section } from './Section';
import { SectionPager } from './SectionPager';

const PAGE_SIZE = 10;

interface RefundsSectionProps {
  organization: OrganizationDetail;
  /** Changes after every action of the page, so a new refund shows up at once. */
  refreshKey: number;
}

/** The organization's refund ledger (docs/spec.md §9): every refund granted, newest first, a page at a time. */
export const RefundsSection = ({ organization, refreshKey }: RefundsSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const [page, setPage] = React.useState(1);
  const { data, error, isLoading, refetch } = useApiQuery(
    api.organizations.refunds(organization.documentId, { page, pageSize: PAGE_SIZE }),
  );
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`organization.refunds.${id}`), defaultMessage });

  const firstRender = React.useRef(true);
  React.useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void refetch();
    // Only a new refreshKey reloads; page changes reload through the query's own params.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refreshKey]);

  const entitlementLabel = (row: RefundEntry) => {
    const current = organization.entitlements.find((e) => e.documentId === row.entitlement);
    if (current) return `${current.name ?? labels.entitlementClass(current.class)} (${current.class})`;
    return row.entitlementName ?? row.entitlement;
  };

  const pagination = data?.meta.pagination;
  const rows = data?.data ?? [];

  const body = () => {
    if (error) return <Typography textColor="danger600">{error}</Typography>;
    if (!data) return <Typography textColor="neutral600">{t('loading', 'Loading the refund ledger…')}</Typography>;
    if (rows.length === 0) return <Typography textColor="neutral600">{t('empty', 'No refund has been granted.')}</Typography>;
    const headers = [
      t('date', 'Date'),
      t('entitlement', 'Entitlement'),
      t('period', 'Period'),
      t('mode', 'Mode'),
      t('amount', 'Amount'),
      t('actor', 'By'),
    ];
    return (
      <Table colCount={headers.length} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            {headers.map((header) => (
              <Th key={header}>
                <Typography variant="sigma" textColor="neutral600">
                  {header}
                </Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.documentId}>
              <Td>
                <Typography variant="pi" textColor="neutral800" tag="time" dateTime={row.createdAt}>
                  {format.dateTime(row.createdAt)}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral800">
                  {entitlementLabel(row)}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral800">
                  {formatMessage(
                    { id: getTranslation('organization.refunds.periodRange'), defaultMessage: '{start} → {end}' },
                    { start: format.date(row.periodStart), end: format.date(row.periodEnd) },
                  )}
                </Typography>
              </Td>
              <Td>
                <Flex gap={2}>
                  <Typography variant="pi" textColor="neutral800">
                    {labels.refundMode(row.mode)}
                  </Typography>
                  {row.kind === 'reversal' ? <Badge variant="neutral">{t('reversal', 'Reversal')}</Badge> : null}
                </Flex>
              </Td>
              <Td>
                <Typography variant="pi" fontWeight="semiBold" textColor="neutral800">
                  {format.money(row.amount, row.currency)}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral700">
                  {formatMessage(
                    { id: getTranslation('organization.refunds.by'), defaultMessage: '{actorType}: {actor}' },
                    { actorType: labels.actorType(row.actorType), actor: row.actorName ?? row.actorId ?? format.none },
                  )}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  };

  return (
    <Section title={t('title', 'Refunds')}>
      {body()}
      <SectionPager
        pagination={pagination}
        summary={({ page: current, pageCount, total }) =>
          formatMessage({ id: getTranslation('organization.refunds.page'), defaultMessage: 'Page {page} of {pageCount} · {total, plural, one {# refund} other {# refunds}}' }, { page: current, pageCount, total })
        }
        isLoading={isLoading}
        newerLabel={t('newer', 'Newer')}
        olderLabel={t('older', 'Older')}
        onPage={setPage}
      />
    </Section>
  );
};
