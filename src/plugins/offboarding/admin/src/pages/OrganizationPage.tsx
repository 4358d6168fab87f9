import * as React from 'react';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import type { OrganizationDetail } from '../../../shared/contracts/api';
import { ChecklistPanel } from '../components/checklist/ChecklistPanel';
import { AccessSection } from '../components/organization/AccessSection';
import { AuditSection } from '../components/organization/AuditSection';
import { CollaboratorsSection } from '../components/organization/CollaboratorsSection';
import { DetailsSection } from '../components/organization/DetailsSection';
import { EntitlementsSection } from '../components/organization/EntitlementsSection';
import { ExportsSection } from '../components/organization/ExportsSection';
import { useFormat } from '../hooks/useFormat';
import { EditOrganizationDialog } from '../components/organization/EditOrganizationDialog';
import { OrganizationActions } from '../components/organization/OrganizationActions';
import { NotificationsSection } from '../components/organization/NotificationsSection';
import { OrganizationBadges } from '../components/organization/OrganizationBadges';
import { RefundsSection } from '../components/organization/RefundsSection';
import { RetentionSection } from '../components/organization/RetentionSection';
import { UpcomingChangesSection } from '../components/organization/UpcomingChangesSection';
import { useOrganizationExports } from '../components/organization/useOrganizationExports';
import { useReasonLabels } from '../components/organization/useReasonLabels';
import { api } from '../api';
import { useApiQuery } from '../hooks/useApi';
import { usePermissions } from '../hooks/usePermissions';
import { getTranslation } from '../utils/translations';

const PurgedNotice = ({ organization }: { organization: OrganizationDetail }) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} role="status">
      <Typography textColor="danger700">
        {formatMessage(
          {
            id: getTranslation('organization.purgedNotice'),
            defaultMessage:
              'This organization was purged on {date}. Only its tombstone remains: name, tax ID, creation, archive and last cancellation dates, and the audit trail.',
          },
          { date: format.dateTime(organization.purgedAt) },
        )}
      </Typography>
    </Box>
  );
};

/** One organization: its facts, access stage, entitlements, refunds, exports, checklist, audit trail and collaborators, with the organization-level actions. */
export const OrganizationPage = () => {
  const { id = null } = useParams<{ id: string }>();
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const detail = useApiQuery(id ? api.organizations.get(id) : null);
  const access = useApiQuery(id ? api.organizations.access(id) : null);
  const exportsQuery = useOrganizationExports(id);
  const reasonLabel = useReasonLabels();
  const [refreshKey, setRefreshKey] = React.useState(0);
  const { refetch: refetchDetail } = detail;
  const { refetch: refetchExports } = exportsQuery;
  const { refetch: refetchAccess } = access;

  // Any action may move the organization to another access stage (docs/spec.md §12).
  const onChanged = React.useCallback(async () => {
    setRefreshKey((key) => key + 1);
    await Promise.all([refetchDetail(), refetchExports(), refetchAccess()]);
  }, [refetchDetail, refetchExports, refetchAccess]);

  // An export that finishes in the background adds to the audit trail and may tick the checklist.
  const wasExporting = React.useRef(false);
  React.useEffect(() => {
    if (wasExporting.current && !exportsQuery.inProgress) {
      setRefreshKey((key) => key + 1);
      void refetchDetail();
    }
    wasExporting.current = exportsQuery.inProgress;
  }, [exportsQuery.inProgress, refetchDetail]);

  const organization = detail.data?.data;
  if (!organization) {
    if (detail.isLoading || !detail.error) return <Page.Loading />;
    return (
      <Page.Main>
        <Layouts.Header
          navigationAction={<BackButton fallback="/plugins/offboarding" />}
          title={formatMessage({ id: getTranslation('organization.notFound'), defaultMessage: 'Organization unavailable' })}
        />
        <Layouts.Content>
          <Page.Error content={detail.error} />
        </Layouts.Content>
      </Page.Main>
    );
  }

  return (
    <Page.Main>
      <Page.Title>
        {formatMessage(
          { id: getTranslation('organization.pageTitle'), defaultMessage: '{name} | Offboarding' },
          { name: organization.name },
        )}
      </Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback="/plugins/offboarding" />}
        title={organization.name}
        subtitle={<OrganizationBadges organization={organization} />}
        secondaryAction={
          abilities.canManage && organization.purgeState !== 'purged' ? (
            <EditOrganizationDialog organization={organization} onChanged={onChanged} />
          ) : undefined
        }
        primaryAction={<OrganizationActions organization={organization} onChanged={onChanged} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} paddingBottom={10}>
          {organization.purgeState === 'purged' ? <PurgedNotice organization={organization} /> : null}
          <Grid.Root gap={6}>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <DetailsSection organization={organization} accessView={access.data?.data} canManage={abilities.canManage} onChanged={onChanged} />
            </Grid.Item>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <RetentionSection organization={organization} />
            </Grid.Item>
          </Grid.Root>
          <AccessSection access={access} />
          <EntitlementsSection organization={organization} onChanged={onChanged} reasonLabel={reasonLabel} />
          <UpcomingChangesSection organizationId={organization.documentId} refreshKey={refreshKey} onChanged={onChanged} />
          <RefundsSection organization={organization} refreshKey={refreshKey} />
          <ChecklistPanel organization={organization} onChanged={onChanged} />
          <ExportsSection
            exports={exportsQuery.data?.data}
            error={exportsQuery.error}
            canDownload={abilities.canExport}
            linkRefusal={access.data?.data && !access.data.data.customerExport ? (access.data.data.reasons.customerExport ?? '') : null}
          />
          <NotificationsSection organizationId={organization.documentId} refreshKey={refreshKey} />
          <AuditSection organization={organization} reasonLabel={reasonLabel} refreshKey={refreshKey} />
          <CollaboratorsSection
            organization={organization}
            onChanged={onChanged}
            canManage={abilities.canManage}
            refreshKey={refreshKey}
            access={access.data?.data}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
