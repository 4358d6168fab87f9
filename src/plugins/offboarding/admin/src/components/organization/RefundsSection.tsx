import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { RefundEntry } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useFormat } from '../../hooks/useFormat';
import { useLabels } from '../../hooks/useLabels';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { Section } from '../common/Section';
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
  const refunds = useApiQuery(api.organizations.refunds(organization.documentId, { page, pageSize: PAGE_SIZE }));
  useRefetchOn(refreshKey, refunds.refetch);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.refunds.${id}`), defaultMessage });

  const entitlementLabel = (row: RefundEntry) => {
    const current = organization.entitlements.find((e) => e.documentId === row.entitlement);
    if (current) return `${current.name ?? labels.entitlementClass(current.class)} (${current.class})`;
    return row.entitlementName ?? row.entitlement;
  };

  return (
    <Section title={t('title', 'Refunds')}>
      <DataTable
        rows={refunds.data?.data}
        status={refunds}
        emptyMessage={t('empty', 'No refund has been granted.')}
        footer={
          <SectionPager
            pagination={refunds.data?.meta.pagination}
            summary={{
              id: getTranslation('organization.refunds.page'),
              defaultMessage: 'Page {page} of {pageCount} · {total, plural, one {# refund} other {# refunds}}',
            }}
            isLoading={refunds.isLoading}
            onPage={setPage}
          />
        }
        columns={[
          { key: 'date', header: t('date', 'Date'), cell: (row) => format.dateTime(row.createdAt) },
          { key: 'entitlement', header: t('entitlement', 'Entitlement'), cell: entitlementLabel },
          {
            key: 'period',
            header: t('period', 'Period'),
            cell: (row) =>
              formatMessage(
                { id: getTranslation('organization.refunds.periodRange'), defaultMessage: '{start} → {end}' },
                { start: format.date(row.periodStart), end: format.date(row.periodEnd) },
              ),
          },
          {
            key: 'mode',
            header: t('mode', 'Mode'),
            cell: (row) => (
              <Flex gap={2}>
                <Typography textColor="neutral800">{labels.refundMode(row.mode)}</Typography>
                {row.kind === 'reversal' ? <Badge variant="neutral">{t('reversal', 'Reversal')}</Badge> : null}
              </Flex>
            ),
          },
          {
            key: 'amount',
            header: t('amount', 'Amount'),
            strong: true,
            cell: (row) => format.money(row.amount, row.currency),
          },
          {
            key: 'actor',
            header: t('actor', 'By'),
            cell: (row) =>
              formatMessage(
                { id: getTranslation('organization.refunds.by'), defaultMessage: '{actorType}: {actor}' },
                { actorType: labels.actorType(row.actorType), actor: row.actorName ?? row.actorId ?? format.none },
              ),
          },
        ]}
      />
    </Section>
  );
};
