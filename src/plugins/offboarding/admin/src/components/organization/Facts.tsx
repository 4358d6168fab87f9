import * as React from 'react';
import { Box, Grid, Typography } from '@strapi/design-system';

export interface Fact {
  label: string;
  value: React.ReactNode;
  /** Spans the whole row (long text such as notes or an address). */
  wide?: boolean;
}

/** Label / value pairs as a description list, two per row unless told otherwise. */
export const Facts = ({ facts, columns = 2 }: { facts: Fact[]; columns?: number }) => (
  <Grid.Root tag="dl" gap={4} gridCols={columns}>
    {facts.map((fact) => (
      <Grid.Item key={fact.label} col={fact.wide ? columns : 1} direction="column" alignItems="flex-start" gap={1}>
        <Typography tag="dt" variant="sigma" textColor="neutral600">
          {fact.label}
        </Typography>
        <Box tag="dd" margin={0}>
          {typeof fact.value === 'string' ? (
            <Typography textColor="neutral800" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {fact.value}
            </Typography>
          ) : (
            fact.value
          )}
        </Box>
      </Grid.Item>
    ))}
  </Grid.Root>
);
