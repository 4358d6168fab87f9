import * as React from 'react';
import { Flex, Link, LinkButton } from '@strapi/design-system';
import { ArrowLeft, Clock } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { PLUGIN_PATH, SCHEDULED_CHANGES_PATH } from '../components/organizations/paths';
import { JobsSection } from '../components/retention/JobsSection';
import { LegalHoldsSection } from '../components/retention/LegalHoldsSection';
import { PurgeQueueSection } from '../components/retention/PurgeQueueSection';
import { usePermissions } from '../hooks/usePermissions';
import { getTranslation } from '../utils/translations';

/** Data retention: the purge queue to review, the legal holds, and the sweeps behind them. */
export const RetentionPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  // Every section reloads after any action: an extension or a hold moves organizations between them.
  const [refreshKey, setRefreshKey] = React.useState(0);
  const onChanged = React.useCallback(() => setRefreshKey((key) => key + 1), []);

  return (
    <Page.Main>
      <Page.Title>
        {formatMessage({ id: getTranslation('retention.pageTitle'), defaultMessage: 'Data retention | Offboarding' })}
      </Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={RouterLink} to={PLUGIN_PATH} startIcon={<ArrowLeft />}>
            {formatMessage({ id: getTranslation('retention.back'), defaultMessage: 'Organizations' })}
          </Link>
        }
        title={formatMessage({ id: getTranslation('retention.title'), defaultMessage: 'Data retention' })}
        subtitle={formatMessage({
          id: getTranslation('retention.subtitle'),
          defaultMessage: 'Review what will be purged, extend retention, and place or lift legal holds',
        })}
        primaryAction={
          // The purges still to come (retention not over yet), soonest first, on the timeline, 90 days ahead.
          <LinkButton tag={RouterLink} to={`${SCHEDULED_CHANGES_PATH}?kind=purge&days=90`} variant="secondary" startIcon={<Clock />}>
            {formatMessage({ id: getTranslation('retention.upcomingPurges'), defaultMessage: 'Upcoming purges' })}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={10} paddingBottom={10}>
          <PurgeQueueSection canRetention={abilities.canRetention} refreshKey={refreshKey} onChanged={onChanged} />
          <LegalHoldsSection canRetention={abilities.canRetention} refreshKey={refreshKey} onChanged={onChanged} />
          <JobsSection canSettings={abilities.canSettings} refreshKey={refreshKey} onChanged={onChanged} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
