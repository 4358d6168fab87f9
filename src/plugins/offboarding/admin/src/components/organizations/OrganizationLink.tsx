import type * as React from 'react';
import { Flex, Link } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { organizationPath } from './paths';

/** An organization in a table: its name, linking to its page, with what the table says about it underneath. */
export const OrganizationLink = ({
  organization,
  children,
}: {
  organization: { documentId: string; name: string };
  children?: React.ReactNode;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Link tag={RouterLink} to={organizationPath(organization.documentId)}>
      {organization.name}
    </Link>
    {children}
  </Flex>
);
