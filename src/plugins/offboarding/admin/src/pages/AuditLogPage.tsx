import { Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { AuditLogEntry } from '../../../shared/contracts/insights';
import { api } from '../api';
import { AuditLogFilters, type AuditLogFilterValues } from '../components/audit/AuditLogFilters';
import { DataTable } from '../components/common/DataTable';
import { PastLastPage } from '../components/organizations/ListHints';
import { ListPagination } from '../components/organizations/ListPagination';
import { organizationPath, PLUGIN_PATH } from '../components/organizations/paths';
import { useUrlParams } from '../components/organizations/useUrlParams';
import { useApiQuery } from '../hooks/useApi';
import { useFormat } from '../hooks/useFormat';
import { useLabels } from '../hooks/useLabels';
import { getTranslation } from '../utils/translations';

const FILTERS = ['organization', 'action', 'actorType', 'from', 'to'] as const;

/** 00:00 in the browser's zone of the day `days` after `day` (YYYY-MM-DD), as an ISO instant; the day as given when it is not one. */
const localDayStart = (day: string, days: number) => {
  const [year, month, date] = day.split('-').map(Number);
  const start = new Date(year, month - 1, date + days);
  return Number.isNaN(start.getTime()) ? day : start.toISOString();
};

/** Every organization's audit events, newest first, filtered through the URL. */
export const AuditLogPage = () => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const { searchParams, page, pageSize, update } = useUrlParams();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`auditLog.${id}`), defaultMessage });
  const values = Object.fromEntries(FILTERS.map((name) => [name, searchParams.get(name)])) as unknown as AuditLogFilterValues;
  // The days are the admin's (the browser's zone, as every time on the page): From at that day's
  // start, To up to the end of its day (the API's `to` is exclusive).
  const query = {
    ...Object.fromEntries(FILTERS.flatMap((name) => (values[name] ? [[name, values[name]]] : []))),
    ...(values.from ? { from: localDayStart(values.from, 0) } : {}),
    ...(values.to ? { to: localDayStart(values.to, 1) } : {}),
    page,
    pageSize,
  };
  const list = useApiQuery(api.auditLog.list(query));
  const filtered = FILTERS.some((name) => values[name]);

  return (
    <Page.Main>
      <Page.Title>{t('pageTitle', 'Audit log | Offboarding')}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={RouterLink} to={PLUGIN_PATH} startIcon={<ArrowLeft />}>
            {t('back', 'Organizations')}
          </Link>
        }
        title={t('title', 'Audit log')}
        subtitle={t('subtitle', 'What was done to every organization, by whom and when, newest first')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} paddingBottom={10}>
          <AuditLogFilters values={values} onChange={(name, value) => update({ [name]: value, page: null })} />
          <DataTable<AuditLogEntry>
            rows={list.data?.data}
            status={list}
            emptyMessage={page > 1 ? t('emptyPage', 'Nothing on this page.') : filtered ? t('emptyFiltered', 'No event matches these filters.') : t('empty', 'No event recorded yet.')}
            footer={<ListPagination pagination={list.data?.meta.pagination} />}
            columns={[
              {
                key: 'time',
                header: t('column.time', 'Time'),
                cell: (row) => format.dateTime(row.createdAt),
              },
              {
                key: 'organization',
                header: t('column.organization', 'Organization'),
                wrap: true,
                cell: (row) =>
                  row.organization?.name ? (
                    <Link tag={RouterLink} to={organizationPath(row.organization.documentId)}>
                      {row.organization.name}
                    </Link>
                  ) : (
                    <Typography textColor="neutral600">{row.organization ? t('deleted', 'Deleted organization') : format.none}</Typography>
                  ),
              },
              { key: 'action', header: t('column.action', 'Action'), strong: true, wrap: true, cell: (row) => labels.auditAction(row.action) },
              {
                key: 'actor',
                header: t('column.actor', 'Done by'),
                wrap: true,
                cell: (row) =>
                  row.actor.type === 'job'
                    ? labels.actorType('job')
                    : `${row.actor.name ?? format.none} (${labels.actorType(row.actor.type)})`,
              },
            ]}
          />
          {list.data?.data.length === 0 ? <PastLastPage pagination={list.data.meta.pagination} searchParams={searchParams} /> : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
