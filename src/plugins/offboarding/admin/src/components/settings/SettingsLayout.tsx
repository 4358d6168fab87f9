import * as React from 'react';
import { Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PERMISSIONS, type Permission } from '../../permissions';
import { ErrorAlert } from '../common/ErrorAlert';
import { ToastPlacement } from '../common/ToastPlacement';

export interface SettingsLayoutProps {
  /** Who may open the page: the plugin's `read`, unless its API asks for more. */
  permissions?: Permission[];
  title: string;
  subtitle: string;
  primaryAction?: React.ReactNode;
  /** The list's loading error, shown as the API said it. */
  error: string | null;
  isLoading: boolean;
  children: React.ReactNode;
}

/** One of the plugin's pages in Strapi's Settings area. */
export const SettingsLayout = ({
  permissions = PERMISSIONS.read,
  title,
  subtitle,
  primaryAction,
  error,
  isLoading,
  children,
}: SettingsLayoutProps) => (
  <Page.Protect permissions={permissions}>
    <ToastPlacement />
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={subtitle} primaryAction={primaryAction} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4} paddingBottom={10}>
          <ErrorAlert error={error} />
          {isLoading ? <Page.Loading /> : children}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  </Page.Protect>
);
