import { Button, Flex, Typography } from '@strapi/design-system';

export interface SectionPagerProps {
  /** "Page 2 of 5 · 120 events", already translated. */
  summary: string;
  page: number;
  pageCount: number;
  isLoading: boolean;
  newerLabel: string;
  olderLabel: string;
  onPage: (page: number) => void;
}

/** Newer / older paging under a newest-first section (audit timeline, refunds). */
export const SectionPager = ({ summary, page, pageCount, isLoading, newerLabel, olderLabel, onPage }: SectionPagerProps) => (
  <Flex justifyContent="space-between" alignItems="center">
    <Typography variant="pi" textColor="neutral600">
      {summary}
    </Typography>
    <Flex gap={2}>
      <Button variant="tertiary" size="S" disabled={page <= 1 || isLoading} onClick={() => onPage(page - 1)}>
        {newerLabel}
      </Button>
      <Button variant="tertiary" size="S" disabled={page >= pageCount || isLoading} onClick={() => onPage(page + 1)}>
        {olderLabel}
      </Button>
    </Flex>
  </Flex>
);
