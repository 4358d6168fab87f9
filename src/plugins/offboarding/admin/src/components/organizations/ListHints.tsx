import { Box, Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { Pagination } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';

/** A page past the last one (`?page=99`): links back to the first and the last page. */
export const PastLastPage = ({ pagination, searchParams }: { pagination: Pagination | undefined; searchParams: URLSearchParams }) => {
  const { formatMessage } = useIntl();
  if (!pagination || pagination.page <= Math.max(pagination.pageCount, 1)) return null;
  const to = (page: number) => {
    const next = new URLSearchParams(searchParams);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    return { search: next.toString() };
  };
  return (
    <Box paddingTop={2}>
      <Flex direction="column" alignItems="flex-start" gap={3}>
        <Typography textColor="neutral700">
          {formatMessage(
            {
              id: getTranslation('organizations.pastLastPage'),
              defaultMessage: 'There is no page {page}: the list has {pageCount, plural, =0 {no page} one {one page} other {# pages}}.',
            },
            { page: pagination.page, pageCount: pagination.pageCount },
          )}
        </Typography>
        <Flex gap={2} wrap="wrap">
          <LinkButton tag={Link} to={to(1)} variant="secondary">
            {formatMessage({ id: getTranslation('organizations.pastLastPage.first'), defaultMessage: 'Go to the first page' })}
          </LinkButton>
          {pagination.pageCount > 1 ? (
            <LinkButton tag={Link} to={to(pagination.pageCount)} variant="tertiary">
              {formatMessage({ id: getTranslation('organizations.pastLastPage.last'), defaultMessage: 'Go to the last page' })}
            </LinkButton>
          ) : null}
        </Flex>
      </Flex>
    </Box>
  );
};

/** A search whose only matches are archived: says so, with the switch to show them. */
export const ArchivedMatchesHint = ({ count, onShowArchived }: { count: number | undefined; onShowArchived: () => void }) => {
  const { formatMessage } = useIntl();
  if (!count) return null;
  return (
    <Box background="neutral100" padding={4} hasRadius>
      <Flex gap={3} wrap="wrap" alignItems="center">
        <Typography textColor="neutral800" role="status">
          {formatMessage(
            {
              id: getTranslation('organizations.archivedMatches'),
              defaultMessage:
                '{count, plural, one {# archived organization matches} other {# archived organizations match}} this search. Archived organizations are hidden.',
            },
            { count },
          )}
        </Typography>
        <Button variant="secondary" size="S" onClick={onShowArchived}>
          {formatMessage({ id: getTranslation('organizations.archivedMatches.show'), defaultMessage: 'Show archived organizations' })}
        </Button>
      </Flex>
    </Box>
  );
};
