import * as React from 'react';
import { Box, Checkbox, Flex, IconButton, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
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
  /** The column sorts the rows: the key the table's `sort` names it by. */
  sortKey?: string;
}

/** The table's order: which column, which way, and how to ask for another (a list sorted by the server). */
export interface TableSort {
  key: string | null;
  direction: 'asc' | 'desc';
  onSort: (key: string, direction: 'asc' | 'desc') => void;
  /** The button's accessible name: "Sort by Name, descending". */
  label: (header: string, direction: 'asc' | 'desc') => string;
}

/** Rows the admin ticked (by row key), for actions on several rows at once. */
export interface TableSelection {
  selected: ReadonlySet<string>;
  onChange: (keys: string[], checked: boolean) => void;
  /** The accessible names of the header's and a row's checkbox. */
  allLabel: string;
  rowLabel: (key: string) => string;
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
/**
 * Long text never pushes the columns off-screen: wrapped where the column wraps (a word longer
 * than the cell breaks too; never narrower than a few words), otherwise cut with an ellipsis and
 * shown whole on hover. A pinned column of buttons keeps them on one line, whole: it is what
 * stays in view.
 */
const cellStyle = <Row,>(column: Column<Row>, pinnedCell: boolean): React.CSSProperties => {
  if (column.wrap) return { whiteSpace: 'normal', maxWidth: '32rem', minWidth: '14rem', overflowWrap: 'anywhere' };
  if (pinnedCell) return { whiteSpace: 'nowrap' };
  return { maxWidth: '24rem' };
};

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
  /** Sortable headers (columns with a `sortKey`). */
  sort?: TableSort;
  /** A checkbox per row and one for the page. */
  selection?: TableSelection;
};

const keyOf = <Row,>(row: Row, rowKey: ((row: Row) => string) | undefined) =>
  rowKey ? rowKey(row) : String((row as { documentId?: unknown }).documentId);

/** The one table of the panel: its headings, its rows, and what it says while loading, failing or empty. */
export const DataTable = <Row,>({ columns, rows, rowKey, emptyMessage, status, footer, sort, selection }: DataTableProps<Row>) => {
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
    const keys = rows.map((row) => keyOf(row, rowKey));
    const ticked = selection ? keys.filter((key) => selection.selected.has(key)).length : 0;
    body = (
      <Table colCount={shown.length + (selection ? 1 : 0)} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            {selection ? (
              <Th>
                <Checkbox
                  aria-label={selection.allLabel}
                  checked={ticked === 0 ? false : ticked === keys.length ? true : 'indeterminate'}
                  onCheckedChange={(checked) => selection.onChange(keys, checked === true)}
                />
              </Th>
            ) : null}
            {shown.map((column, index) => {
              const sorted = sort && column.sortKey && sort.key === column.sortKey ? sort.direction : null;
              let ariaSort: 'ascending' | 'descending' | 'none' | undefined;
              if (sort && column.sortKey) ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
              const heading = column.hiddenHeader ? (
                <VisuallyHidden>{column.header}</VisuallyHidden>
              ) : (
                <Typography variant="sigma" textColor="neutral600">
                  {column.header}
                </Typography>
              );
              const Heading = isPinned(column, index) ? PinnedTh : Th;
              if (!sort || !column.sortKey) return <Heading key={column.key}>{heading}</Heading>;
              const sortKey = column.sortKey;
              // Ascending first; a second click turns it around.
              const next = sorted === 'asc' ? 'desc' : 'asc';
              return (
                <Th
                  key={column.key}
                  // aria-sort belongs to a column header (the design system's cells are grid cells).
                  role="columnheader"
                  aria-sort={ariaSort}
                  action={
                    <IconButton label={sort.label(column.header, next)} variant="ghost" onClick={() => sort.onSort(sortKey, next)}>
                      {sorted === 'desc' ? <CaretDown /> : <CaretUp />}
                    </IconButton>
                  }
                >
                  {heading}
                </Th>
              );
            })}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={keyOf(row, rowKey)}>
              {selection ? (
                <Td>
                  <Checkbox
                    aria-label={selection.rowLabel(keyOf(row, rowKey))}
                    checked={selection.selected.has(keyOf(row, rowKey))}
                    onCheckedChange={(checked) => selection.onChange([keyOf(row, rowKey)], checked === true)}
                  />
                </Td>
              ) : null}
              {shown.map((column, index) => {
                const content = column.cell(row);
                const pinnedCell = isPinned(column, index);
                const Cell = pinnedCell ? PinnedTd : Td;
                return (
                  <Cell key={column.key} style={cellStyle(column, pinnedCell)}>
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
