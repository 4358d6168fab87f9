import * as React from 'react';
import { Box, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ErrorAlert } from '../common/ErrorAlert';
import { commonMessages } from '../common/messages';
import { Section } from '../common/Section';

export interface Figures {
  headers: string[];
  rows: Array<{ key: string; cells: string[] }>;
}

interface InsightCardProps {
  title: string;
  caption: string;
  emptyMessage: string;
  loaded: boolean;
  error: string | null;
  /** The chart, drawn when there are figures. */
  children: React.ReactNode;
  /** The same figures as text, under the chart: readable without hovering, and by screen readers. */
  figures: Figures;
}

/** One chart of the Insights page: heading, caption, the chart or its empty state, and its figures. */
export const InsightCard = ({ title, caption, emptyMessage, loaded, error, children, figures }: InsightCardProps) => {
  const { formatMessage } = useIntl();
  const body = () => {
    if (!loaded) return error ? null : <Loader small>{formatMessage(commonMessages.loading)}</Loader>;
    if (figures.rows.length === 0) return <Typography textColor="neutral600" tag="p">{emptyMessage}</Typography>;
    return (
      <>
        <Box height="28rem" width="100%" role="img" aria-label={`${title}: ${figures.rows.map((row) => row.cells.join(' ')).join('; ')}`}>
          {children}
        </Box>
        <Box overflow="auto" maxHeight="24rem">
          <Table colCount={figures.headers.length} rowCount={figures.rows.length + 1}>
            <Thead>
              <Tr>
                {figures.headers.map((header) => (
                  <Th key={header}>
                    <Typography variant="sigma">{header}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {figures.rows.map((row) => (
                <Tr key={row.key}>
                  {row.cells.map((cell, index) => (
                    <Td key={figures.headers[index]}>
                      <Typography textColor="neutral800">{cell}</Typography>
                    </Td>
                  ))}
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </>
    );
  };
  return (
    <Section title={title} description={caption}>
      <ErrorAlert error={error} />
      {body()}
    </Section>
  );
};
