import * as React from 'react';
import { Button, Flex, LinkButton } from '@strapi/design-system';
import { Calendar, ChartPie, Clock, Download, List } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { OrganizationSort } from '../../../shared/contracts/constants';
import type { Organization } from '../../../shared/contracts/entities';
import { ErrorAlert } from '../components/common/ErrorAlert';
import { BulkActions } from '../components/organizations/BulkActions';
import { CreateOrganizationDialog } from '../components/organizations/CreateOrganizationDialog';
import { ArchivedMatchesHint, PastLastPage } from '../components/organizations/ListHints';
import { ListPagination } from '../components/organizations/ListPagination';
import { OrganizationFilters } from '../components/organizations/OrganizationFilters';
import { OrganizationsTable } from '../components/organizations/OrganizationsTable';
import { AUDIT_LOG_PATH, INSIGHTS_PATH, RETENTION_PATH, SCHEDULED_CHANGES_PATH } from '../components/organizations/paths';
import { StatsCards } from '../components/organizations/StatsCards';
import { useCsvExport } from '../components/organizations/useCsvExport';
import { useOrganizationListParams } from '../components/organizations/useOrganizationListParams';
import { useUrlParams } from '../components/organizations/useUrlParams';
import { api } from '../api';
import { useApiQuery } from '../hooks/useApi';
import { usePermissions } from '../hooks/usePermissions';
import { getTranslation } from '../utils/translations';

type Selected = Pick<Organization, 'documentId' | 'name'>;

/** The plugin's home: counts by status, then the organizations, searchable, sortable and filtered through the URL. */
export const OrganizationsPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organizations.empty.${id}`), defaultMessage });
  const params = useOrganizationListParams();
  const { searchParams } = useUrlParams();
  const { abilities } = usePermissions();
  const stats = useApiQuery(api.organizations.stats());
  const list = useApiQuery(api.organizations.list(params.apiQuery));
  const csv = useCsvExport();
  const organizations = list.data?.data;
  const pagination = list.data?.meta.pagination;
  const filtered = Boolean(params.q || params.status);
  // Ticked organizations by documentId, kept across pages (their names for the dialogs).
  const [selected, setSelected] = React.useState<Map<string, Selected>>(new Map());
  const canBulk = abilities.canArchive || abilities.canExport || abilities.canCancel;

  const onSelect = (keys: string[], checked: boolean) =>
    setSelected((previous) => {
      const next = new Map(previous);
      for (const key of keys) {
        const org = organizations?.find((row) => row.documentId === key);
        if (checked && org) next.set(key, { documentId: org.documentId, name: org.name });
        else next.delete(key);
      }
      return next;
    });

  const refresh = () => {
    void list.refetch();
    void stats.refetch();
  };

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
            {abilities.canManage ? <CreateOrganizationDialog /> : null}
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
          <StatsCards stats={stats.data?.data} showArchived={params.showArchived} />
          <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
            <OrganizationFilters
              q={params.q}
              status={params.status}
              showArchived={params.showArchived}
              onSearch={params.setSearch}
              onStatus={params.setStatus}
              onShowArchived={params.setShowArchived}
            />
            <Button
              variant="tertiary"
              startIcon={<Download />}
              loading={csv.isExporting}
              onClick={() => void csv.download(params.exportQuery)}
            >
              {formatMessage({ id: getTranslation('organizations.exportCsv'), defaultMessage: 'Export CSV' })}
            </Button>
          </Flex>
          {canBulk ? (
            <BulkActions selected={[...selected.values()]} abilities={abilities} onClear={() => setSelected(new Map())} onFinished={refresh} />
          ) : null}
          {organizations?.length === 0 ? (
            <ArchivedMatchesHint count={list.data?.meta.archivedMatches} onShowArchived={() => params.setShowArchived(true)} />
          ) : null}
          <OrganizationsTable
            rows={organizations}
            status={list}
            footer={<ListPagination pagination={pagination} />}
            emptyMessage={
              filtered ? t('filtered', 'No organization matches this search and filter.') : t('none', 'No organizations to show.')
            }
            sort={{
              key: params.sort?.split(':')[0] ?? 'name',
              direction: params.sort?.endsWith(':desc') ? 'desc' : 'asc',
              onSort: (key, direction) => params.setSort(`${key}:${direction}` as OrganizationSort),
              label: (header, direction) =>
                formatMessage(
                  {
                    id: getTranslation('organizations.table.sortBy'),
                    defaultMessage: 'Sort by {column}, {direction, select, desc {descending} other {ascending}}',
                  },
                  { column: header, direction },
                ),
            }}
            selection={
              canBulk
                ? {
                    selected: new Set(selected.keys()),
                    onChange: onSelect,
                    allLabel: formatMessage({ id: getTranslation('organizations.table.selectAll'), defaultMessage: 'Select all on this page' }),
                    rowLabel: (key) =>
                      formatMessage(
                        { id: getTranslation('organizations.table.select'), defaultMessage: 'Select {name}' },
                        { name: organizations?.find((row) => row.documentId === key)?.name ?? key },
                      ),
                  }
                : undefined
            }
          />
          {organizations?.length === 0 ? <PastLastPage pagination={pagination} searchParams={searchParams} /> : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
