import {
  Dots,
  Flex,
  NextLink,
  PageLink,
  Pagination,
  PreviousLink,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { Pagination as PaginationMeta } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';
import { PAGE_SIZES, useUrlParams } from './useUrlParams';

/** 1 … 4 5 6 … 10: the first and last pages, and the neighbours of the current one. */
const pageItems = (active: number, count: number): (number | 'start-dots' | 'end-dots')[] => {
  const pages = new Set([1, count, active - 1, active, active + 1].filter((page) => page >= 1 && page <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  const items: (number | 'start-dots' | 'end-dots')[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) items.push(index === 1 ? 'start-dots' : 'end-dots');
    items.push(page);
  });
  return items;
};

/** Page links and page size of a list whose page lives in the URL (`page`, `pageSize`). */
export const ListPagination = ({ pagination }: { pagination: PaginationMeta | undefined }) => {
  const { formatMessage } = useIntl();
  const { searchParams, page, pageSize, update } = useUrlParams();
  // Nothing to page through and too few rows for a smaller page size to matter.
  if (!pagination || (pagination.pageCount <= 1 && pagination.total <= PAGE_SIZES[0])) return null;

  // A size typed into the URL stays selectable next to the usual ones.
  const sizeOptions = [...new Set<number>([...PAGE_SIZES, pageSize])].sort((a, b) => a - b);

  const linkTo = (target: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('page', String(target));
    return { search: next.toString() };
  };

  return (
    <Flex justifyContent="space-between" alignItems="center" paddingTop={4} gap={4} wrap="wrap">
      <Flex gap={2}>
        <SingleSelect
          size="S"
          aria-label={formatMessage({
            id: getTranslation('organizations.pagination.pageSize'),
            defaultMessage: 'Entries per page',
          })}
          value={String(pageSize)}
          onChange={(value) => update({ pageSize: String(value), page: null })}
        >
          {sizeOptions.map((size) => (
            <SingleSelectOption key={size} value={String(size)}>
              {size}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Typography textColor="neutral600" tag="span">
          {formatMessage({
            id: getTranslation('organizations.pagination.pageSize'),
            defaultMessage: 'Entries per page',
          })}
        </Typography>
      </Flex>
      {pagination.pageCount > 1 ? (
        <Pagination
          activePage={page}
          pageCount={pagination.pageCount}
          label={formatMessage({ id: getTranslation('organizations.pagination.label'), defaultMessage: 'Pagination' })}
        >
          <PreviousLink tag={Link} to={linkTo(page - 1)}>
            {formatMessage({
              id: getTranslation('organizations.pagination.previous'),
              defaultMessage: 'Go to previous page',
            })}
          </PreviousLink>
          {pageItems(page, pagination.pageCount).map((item) =>
            typeof item === 'number' ? (
              <PageLink key={item} tag={Link} number={item} to={linkTo(item)}>
                {formatMessage(
                  { id: getTranslation('organizations.pagination.goTo'), defaultMessage: 'Go to page {page}' },
                  { page: item },
                )}
              </PageLink>
            ) : (
              <Dots key={item} />
            ),
          )}
          <NextLink tag={Link} to={linkTo(page + 1)}>
            {formatMessage({ id: getTranslation('organizations.pagination.next'), defaultMessage: 'Go to next page' })}
          </NextLink>
        </Pagination>
      ) : null}
    </Flex>
  );
};
