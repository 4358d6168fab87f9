import { Button, Flex, Typography } from '@strapi/design-system';
import type { Pagination } from '../../../../shared/contracts/entities';

export interface SectionPagerProps {
  /** The list's `meta.pagination`; nothing is shown while it fits on one page. */
  pagination: Pagination | undefined;
  /** "Page 2 of 5 · 120 events", already translated. */
  summary: (pagination: Pagination) => string;
  isLoading: boolean;
  newerLabel: string;
  olderLabel: string;
  onPage: (page: number) => void;
}

/** Newer / older paging under a newest-first section (audit timeline, refunds). */
export const SectionPager = ({ pagination, summary, isLoading, newerLabel, olderLabel, onPage }: SectionPagerProps) =>
  pagination && pagination.pageCount > 1 ? (
    <Flex justifyContent="space-between" alignItems="center">
      <Typography variant="pi" textColor="neutral600">
        {summary(pagination)}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" size="S" disabled={pagination.page <= 1 || isLoading} onClick={() => onPage(pagination.page - 1)}>
          {newerLabel}
        </Button>
        <Button variant="tertiary" size="S" disabled={pagination.page >= pagination.pageCount || isLoading} onClick={() => onPage(pagination.page + 1)}>
          {olderLabel}
        </Button>
      </Flex>
    </Flex>
  ) : null;
