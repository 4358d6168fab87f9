import * as React from 'react';
import type { ListOrganizationsQuery } from '../../../../shared/contracts/api';
import { ORGANIZATION_SORTS, ORGANIZATION_STATUSES, type OrganizationSort } from '../../../../shared/contracts/constants';
import { useUrlParams } from './useUrlParams';

/** The same fields as a plain object type, which (unlike the interface) passes as fetch parameters. */
type ListQuery = Pick<ListOrganizationsQuery, keyof ListOrganizationsQuery>;

/** The organizations list's search, filters and page, read from the URL, and the API query they make. */
export const useOrganizationListParams = () => {
  const { searchParams, page, pageSize, update } = useUrlParams();
  const q = searchParams.get('q') ?? '';
  const rawStatus = searchParams.get('status');
  const status = ORGANIZATION_STATUSES.find((value) => value === rawStatus) ?? null;
  const showArchived = searchParams.get('archived') === 'include';
  const rawSort = searchParams.get('sort');
  const sort: OrganizationSort | null = ORGANIZATION_SORTS.find((value) => value === rawSort) ?? null;

  const apiQuery = React.useMemo(() => {
    const query: ListQuery = { archived: showArchived ? 'include' : 'exclude', page, pageSize };
    // The fetch client writes parameters unencoded: a search for "a&b" must not split the query string.
    if (q) query.q = encodeURIComponent(q);
    if (status) query.status = status;
    if (sort) query.sort = sort;
    return query;
  }, [q, status, showArchived, sort, page, pageSize]);

  /** The same filters and order without the page: the CSV export. */
  const exportQuery = React.useMemo(() => {
    const { page: _page, pageSize: _pageSize, ...filters } = apiQuery;
    return filters;
  }, [apiQuery]);

  // Any change of search or filter starts again from the first page.
  const setSearch = React.useCallback((value: string) => update({ q: value || null, page: null }), [update]);
  const setStatus = React.useCallback((value: string | null) => update({ status: value, page: null }), [update]);
  const setShowArchived = React.useCallback(
    (value: boolean) => update({ archived: value ? 'include' : null, page: null }),
    [update],
  );

  // A new order starts again from the first page too.
  const setSort = React.useCallback((value: OrganizationSort | null) => update({ sort: value, page: null }), [update]);
  const goToPage = React.useCallback((value: number) => update({ page: value > 1 ? String(value) : null }), [update]);

  return { q, status, showArchived, sort, page, apiQuery, exportQuery, setSearch, setStatus, setShowArchived, setSort, goToPage };
};
