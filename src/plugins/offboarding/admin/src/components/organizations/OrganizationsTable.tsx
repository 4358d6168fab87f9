import { Badge, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Organization } from '../../../../shared/contracts/entities';
import { useFormat } from '../../hooks/useFormat';
import { STATUS_VARIANT, useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { DataTable, type DataTableProps } from '../common/DataTable';
import { OrganizationFlags } from './OrganizationFlags';
import { OrganizationLink } from './OrganizationLink';

/** One row per organization: name (to its page), status, flags, and its offboarding dates; sortable by the server. */
export const OrganizationsTable = (props: Omit<DataTableProps<Organization>, 'columns' | 'rowKey'>) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organizations.table.${id}`), defaultMessage });

  return (
    <DataTable
      {...props}
      columns={[
        {
          key: 'name',
          header: t('name', 'Name'),
          sortKey: 'name',
          cell: (org) => (
            <OrganizationLink organization={org}>
              {org.taxId ? (
                <Typography variant="pi" textColor="neutral600">
                  {org.taxId}
                </Typography>
              ) : null}
            </OrganizationLink>
          ),
        },
        {
          key: 'status',
          header: t('status', 'Status'),
          sortKey: 'status',
          cell: (org) => <Badge variant={STATUS_VARIANT[org.status]}>{labels.status(org.status)}</Badge>,
        },
        { key: 'flags', header: t('flags', 'Needs attention'), cell: (org) => <OrganizationFlags organization={org} /> },
        {
          key: 'lastCancelled',
          header: t('lastCancelled', 'Last cancelled'),
          sortKey: 'lastCancelledAt',
          cell: (org) => format.dateTime(org.lastCancelledAt),
        },
        {
          key: 'retentionUntil',
          header: t('retentionUntil', 'Data kept until'),
          sortKey: 'retentionUntil',
          cell: (org) => format.date(org.retentionUntil),
        },
      ]}
    />
  );
};
