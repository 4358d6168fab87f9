import * as React from 'react';
import { Box, Flex, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { css, styled } from 'styled-components';
import type { QueryState } from '../../hooks/useApi';
import { ErrorAlert } from './ErrorAlert';
import { commonMessages } from './messages';

export interface Column<Row> {
  /** Unique in the table. */
  key: string;
  header: string;
  /** The heading is for screen readers only (a column of buttons). */
  hiddenHeader?: boolean;
  /** Text wraps instead of widening the table. */
  wrap?: boolean;
  /** The row's name: its text stands out. */
  strong?: boolean;
  /** A string is shown as the table's plain text. */
  cell: (row: Row) => React.ReactNode;
  /**
   * Stays in view at the table's right edge while the rest scrolls sideways: a row's actions
   * are never beyond a narrow window. A last column keyed `actions` is pinned by default.
   */
  pinned?: boolean;
}

/**
 * The pinned column: over the scrolled cells, in the row's colour, a shadow marking the seam.
 * Sticky stops at the scroll box's padding; the ::after covers that strip, or cells scrolling
 * under the column would show again to its right.
 */
const pinned = css`
  position: sticky;
  right: 0;
  z-index: 1;
  background: ${({ theme }) => theme.colors.neutral0};
  box-shadow: -6px 0 6px -6px rgba(33, 33, 52, 0.25);
  &::after {
    content: '';
    position: absolute;
    top: 0;
    bottom: 0;
    left: 100%;
    width: 3.2rem;
    background: ${({ theme }) => theme.colors.neutral0};
  }
`;
const PinnedTh = styled(Th)`
  ${pinned}
`;
const PinnedTd = styled(Td)`
  ${pinned}
`;

/** Rows with a documentId are told apart by it; any other row says how. */
type RowKey<Row> = Row extends { documentId: string } ? { rowKey?: (row: Row) => string } : { rowKey: (row: Row) => string };

export type DataTableProps<Row> = RowKey<Row> & {
  /** Columns the admin may not see are passed as false. */
  columns: Array<Column<Row> | false>;
  /** undefined: not loaded yet. */
  rows: Row[] | undefined;
  /** Said instead of an empty table. */
  emptyMessage: string;
  /** The query the rows come from: its last failure is shown above what was loaded before. */
  status?: Pick<QueryState<unknown>, 'error' | 'isLoading'>;
  /** Under the table (a pager). */
  footer?: React.ReactNode;
};

const keyOf = <Row,>(row: Row, rowKey: ((row: Row) => string) | undefined) =>
  rowKey ? rowKey(row) : String((row as { documentId?: unknown }).documentId);

/** The one table of the panel: its headings, its rows, and what it says while loading, failing or empty. */
export const DataTable = <Row,>({ columns, rows, rowKey, emptyMessage, status, footer }: DataTableProps<Row>) => {
  const { formatMessage } = useIntl();
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  const isPinned = (column: Column<Row>, index: number) => column.pinned ?? (index === shown.length - 1 && column.key === 'actions');

  let body: React.ReactNode = null;
  if (rows === undefined) body = status?.isLoading ? <Loader small>{formatMessage(commonMessages.loading)}</Loader> : null;
  else if (rows.length === 0) {
    body = (
      <Box paddingTop={4} paddingBottom={4}>
        <Typography textColor="neutral600" tag="p">
          {emptyMessage}
        </Typography>
      </Box>
    );
  } else {
    body = (
      <Table colCount={shown.length} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            {shown.map((column, index) => {
              const Heading = isPinned(column, index) ? PinnedTh : Th;
              return (
                <Heading key={column.key}>
                  {column.hiddenHeader ? (
                    <VisuallyHidden>{column.header}</VisuallyHidden>
                  ) : (
                    <Typography variant="sigma" textColor="neutral600">
                      {column.header}
                    </Typography>
                  )}
                </Heading>
              );
            })}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={keyOf(row, rowKey)}>
              {shown.map((column, index) => {
                const content = column.cell(row);
                const Cell = isPinned(column, index) ? PinnedTd : Td;
                // Long text never pushes the columns off-screen: wrapped where the column wraps
                // (a word longer than the cell breaks too), otherwise cut with an ellipsis and
                // shown whole on hover.
                return (
                  <Cell key={column.key} style={column.wrap ? { whiteSpace: 'normal', maxWidth: '32rem', overflowWrap: 'anywhere' } : { maxWidth: '20rem' }}>
                    {typeof content === 'string' ? (
                      <Typography
                        textColor="neutral800"
                        fontWeight={column.strong ? 'semiBold' : undefined}
                        ellipsis={!column.wrap}
                        title={column.wrap ? undefined : content}
                        style={column.wrap ? undefined : { display: 'block' }}
                      >
                        {content}
                      </Typography>
                    ) : (
                      content
                    )}
                  </Cell>
                );
              })}
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <ErrorAlert error={status?.error} />
      {body}
      {rows?.length ? footer : null}
    </Flex>
  );
};
