import { Badge, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { Organization } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';
import { useDates } from './format';
import { STATUS_VARIANT, useStatusLabel } from './labels';
import { OrganizationFlags } from './OrganizationFlags';
import { organizationPath } from './paths';

/** One row per organization: name (to its page), status, flags, and its offboarding dates. */
export const OrganizationsTable = ({ organizations }: { organizations: Organization[] }) => {
  const { formatMessage } = useIntl();
  const dates = useDates();
  const statusLabel = useStatusLabel();
  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  return (
    <Table colCount={5} rowCount={organizations.length + 1}>
      <Thead>
        <Tr>
          {heading('organizations.table.name', 'Name')}
          {heading('organizations.table.status', 'Status')}
          {heading('organizations.table.flags', 'Flags')}
          {heading('organizations.table.lastCancelled', 'Last cancelled')}
          {heading('organizations.table.retentionUntil', 'Retained until')}
        </Tr>
      </Thead>
      <Tbody>
        {organizations.map((org) => (
          <Tr key={org.documentId}>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Link tag={RouterLink} to={organizationPath(org.documentId)}>
                  {org.name}
                </Link>
                {org.taxId ? (
                  <Typography variant="pi" textColor="neutral600">
                    {org.taxId}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Badge variant={STATUS_VARIANT[org.status]}>{statusLabel(org.status)}</Badge>
            </Td>
            <Td>
              <OrganizationFlags organization={org} />
            </Td>
            <Td>
              <Typography textColor="neutral800">{dates.dateTime(org.lastCancelledAt)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{dates.date(org.retentionUntil)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
