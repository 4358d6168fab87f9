import * as React from 'react';
import { Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../permissions';
import { ErrorAlert } from '../common/ErrorAlert';

export interface SettingsLayoutProps {
  title: string;
  subtitle: string;
  primaryAction?: React.ReactNode;
  /** The list's loading error, shown as the API said it. */
  error: string | null;
  isLoading: boolean;
  children: React.ReactNode;
}

/** One of the plugin's pages in Strapi's Settings area. */
export const SettingsLayout = ({ title, subtitle, primaryAction, error, isLoading, children }: SettingsLayoutProps) => (
  <Page.Protect permissions={PERMISSIONS.read}>
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
