import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ToastPlacement } from '../components/common/ToastPlacement';
import { PERMISSIONS } from '../permissions';
import { AuditLogPage } from './AuditLogPage';
import { InsightsPage } from './InsightsPage';
import { OrganizationsPage } from './OrganizationsPage';
import { OrganizationPage } from './OrganizationPage';
import { RetentionPage } from './RetentionPage';
import { ScheduledChangesPage } from './ScheduledChangesPage';

/** The plugin's pages under /admin/plugins/offboarding. */
export const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <ToastPlacement />
    <Routes>
      <Route index element={<OrganizationsPage />} />
      <Route path="organizations/:id" element={<OrganizationPage />} />
      <Route path="retention" element={<RetentionPage />} />
      <Route path="scheduled-changes" element={<ScheduledChangesPage />} />
      <Route path="insights" element={<InsightsPage />} />
      <Route path="audit" element={<AuditLogPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
