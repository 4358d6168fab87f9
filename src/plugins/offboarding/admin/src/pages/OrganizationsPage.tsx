import { Flex, LinkButton } from '@strapi/design-system';
import { Calendar, ChartPie, Clock, List } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../components/common/ErrorAlert';
import { ListPagination } from '../components/organizations/ListPagination';
import { OrganizationFilters } from '../components/organizations/OrganizationFilters';
import { OrganizationsTable } from '../components/organizations/OrganizationsTable';
import { AUDIT_LOG_PATH, INSIGHTS_PATH, RETENTION_PATH, SCHEDULED_CHANGES_PATH } from '../components/organizations/paths';
import { StatsCards } from '../components/organizations/StatsCards';
import { useOrganizationListParams } from '../components/organizations/useOrganizationListParams';
import { api } from '../api';
import { useApiQuery } from '../hooks/useApi';
import { getTranslation } from '../utils/translations';

/** The plugin's home: counts by status, then the organizations, searchable and filtered through the URL. */
export const OrganizationsPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organizations.empty.${id}`), defaultMessage });
  const params = useOrganizationListParams();
  const stats = useApiQuery(api.organizations.stats());
  const list = useApiQuery(api.organizations.list(params.apiQuery));
  const organizations = list.data?.data;
  const filtered = Boolean(params.q || params.status);

  return (
    <Page.Main>
      <Page.Title>
        {formatMessage({
          id: getTranslation('organizations.pageTitle'),
          defaultMessage: 'Organizations | Offboarding',
        })}
      </Page.Title>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('organizations.title'), defaultMessage: 'Organizations' })}
        subtitle={formatMessage({
          id: getTranslation('organizations.subtitle'),
          defaultMessage: 'Customer accounts and where they stand in offboarding',
        })}
        primaryAction={
          <Flex gap={2} wrap="wrap">
            <LinkButton tag={Link} to={INSIGHTS_PATH} variant="secondary" startIcon={<ChartPie />}>
              {formatMessage({ id: getTranslation('organizations.insightsLink'), defaultMessage: 'Insights' })}
            </LinkButton>
            <LinkButton tag={Link} to={AUDIT_LOG_PATH} variant="secondary" startIcon={<List />}>
              {formatMessage({ id: getTranslation('organizations.auditLogLink'), defaultMessage: 'Audit log' })}
            </LinkButton>
            <LinkButton tag={Link} to={SCHEDULED_CHANGES_PATH} variant="secondary" startIcon={<Calendar />}>
              {formatMessage({ id: getTranslation('organizations.scheduledLink'), defaultMessage: 'Scheduled changes' })}
            </LinkButton>
            <LinkButton tag={Link} to={RETENTION_PATH} variant="secondary" startIcon={<Clock />}>
              {formatMessage({ id: getTranslation('organizations.retentionLink'), defaultMessage: 'Data retention' })}
            </LinkButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} paddingBottom={10}>
          <ErrorAlert error={stats.error} />
          <StatsCards stats={stats.data?.data} />
          <OrganizationFilters
            q={params.q}
            status={params.status}
            showArchived={params.showArchived}
            onSearch={params.setSearch}
            onStatus={params.setStatus}
            onShowArchived={params.setShowArchived}
          />
          <OrganizationsTable
            rows={organizations}
            status={list}
            footer={<ListPagination pagination={list.data?.meta.pagination} />}
            emptyMessage={
              filtered ? t('filtered', 'No organization matches this search and filter.') : t('none', 'No organizations to show.')
            }
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
