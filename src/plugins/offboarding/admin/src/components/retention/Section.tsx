import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';

/** A titled block of the Data Retention page. */
export const Section = ({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) => (
  <Flex tag="section" direction="column" alignItems="stretch" gap={3}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="delta" tag="h2" textColor="neutral800">
        {title}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {description}
      </Typography>
    </Flex>
    {children}
  </Flex>
);
