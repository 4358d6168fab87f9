import { Button, Flex, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { Pagination } from '../../../../shared/contracts/entities';
import { commonMessages } from '../common/messages';

export interface SectionPagerProps {
  /** The list's `meta.pagination`; nothing is shown while it fits on one page. */
  pagination: Pagination | undefined;
  /** "Page {page} of {pageCount} · {total} events". */
  summary: MessageDescriptor;
  isLoading: boolean;
  onPage: (page: number) => void;
  /** The buttons' names when the list is not newest first ("Sooner" / "Later"). */
  previousLabel?: MessageDescriptor;
  nextLabel?: MessageDescriptor;
}

/** Newer / older paging under a newest-first section (audit timeline, refunds); other names for other orders. */
export const SectionPager = ({
  pagination,
  summary,
  isLoading,
  onPage,
  previousLabel = commonMessages.newer,
  nextLabel = commonMessages.older,
}: SectionPagerProps) => {
  const { formatMessage } = useIntl();
  if (!pagination || pagination.pageCount <= 1) return null;
  const { page, pageCount, total } = pagination;
  return (
    <Flex justifyContent="space-between" alignItems="center">
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(summary, { page, pageCount, total })}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" size="S" disabled={page <= 1 || isLoading} onClick={() => onPage(page - 1)}>
          {formatMessage(previousLabel)}
        </Button>
        <Button variant="tertiary" size="S" disabled={page >= pageCount || isLoading} onClick={() => onPage(page + 1)}>
          {formatMessage(nextLabel)}
        </Button>
      </Flex>
    </Flex>
  );
};
