import { Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { getTranslation } from '../../utils/translations';
import { ApiErrorAlert } from '../organizations/ApiErrorAlert';
import { useDates } from '../organizations/format';
import { OrganizationFlags } from '../organizations/OrganizationFlags';
import { organizationPath } from '../organizations/paths';
import { EmptySection } from './EmptySection';
import { ExtendRetentionDialog } from './ExtendRetentionDialog';
import { LiftHoldDialog } from './LiftHoldDialog';
import { Section } from './Section';
import { useLegalHolds } from './useLegalHolds';

export interface LegalHoldsSectionProps {
  canRetention: boolean;
  refreshKey: number;
  onChanged: () => void;
}

/** Organizations under legal hold: never purged until the hold is lifted. */
export const LegalHoldsSection = ({ canRetention, refreshKey, onChanged }: LegalHoldsSectionProps) => {
  const { formatMessage } = useIntl();
  const dates = useDates();
  const holds = useLegalHolds(refreshKey);
  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  let content;
  if (holds.data === undefined) content = holds.isLoading ? <Page.Loading /> : null;
  else if (!holds.data.length) {
    content = (
      <EmptySection
        message={formatMessage({
          id: getTranslation('retention.holds.empty'),
          defaultMessage: 'No organization is under legal hold.',
        })}
      />
    );
  } else {
    content = (
      <Table colCount={canRetention ? 5 : 4} rowCount={holds.data.length + 1}>
        <Thead>
          <Tr>
            {heading('retention.holds.organization', 'Organization')}
            {heading('retention.holds.legalHold', 'Legal hold')}
            {heading('retention.holds.reason', 'Reason')}
            {heading('retention.holds.retentionUntil', 'Retained until')}
            {canRetention ? heading('retention.holds.actions', 'Actions') : null}
          </Tr>
        </Thead>
        <Tbody>
          {holds.data.map((org) => (
            <Tr key={org.documentId}>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Link tag={RouterLink} to={organizationPath(org.documentId)}>
                    {org.name}
                  </Link>
                  <OrganizationFlags organization={org} />
                </Flex>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {formatMessage(
                    { id: getTranslation('retention.holds.placed'), defaultMessage: 'Since {date} by {by}' },
                    { date: dates.dateTime(org.legalHoldAt), by: org.legalHoldBy ?? dates.none },
                  )}
                </Typography>
              </Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                <Typography textColor="neutral800">{org.legalHoldReason ?? dates.none}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{dates.dateTime(org.retentionUntil)}</Typography>
              </Td>
              {canRetention ? (
                <Td>
                  <Flex gap={2}>
                    <ExtendRetentionDialog organization={org} onSuccess={onChanged} />
                    <LiftHoldDialog organization={org} onSuccess={onChanged} />
                  </Flex>
                </Td>
              ) : null}
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  }

  return (
    <Section
      title={formatMessage({ id: getTranslation('retention.holds.title'), defaultMessage: 'Legal holds' })}
      description={formatMessage({
        id: getTranslation('retention.holds.description'),
        defaultMessage: 'Organizations kept whatever their retention date says, until the hold is lifted.',
      })}
    >
      <ApiErrorAlert error={holds.error} />
      {content}
    </Section>
  );
};
