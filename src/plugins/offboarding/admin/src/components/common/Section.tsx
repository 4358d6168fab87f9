import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface SectionProps {
  title: string;
  /** A line under the title: what the section lists. */
  description?: string;
  /** Buttons shown on the right of the title. */
  actions?: React.ReactNode;
  children: React.ReactNode;
}

/** One card of a page, headed by an h2 that names its region (the page's landmarks for screen readers and tests). */
export const Section = ({ title, description, actions, children }: SectionProps) => {
  const headingId = React.useId();
  return (
    <Box
      tag="section"
      aria-labelledby={headingId}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      paddingTop={6}
      paddingBottom={6}
      paddingLeft={7}
      paddingRight={7}
      height="100%"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography id={headingId} tag="h2" variant="delta">
              {title}
            </Typography>
            {description ? (
              <Typography variant="pi" textColor="neutral600">
                {description}
              </Typography>
            ) : null}
          </Flex>
          {actions ? (
            <Flex gap={2} wrap="wrap">
              {actions}
            </Flex>
          ) : null}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
};
