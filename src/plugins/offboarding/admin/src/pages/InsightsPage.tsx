import { Flex, Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { CancellationsChart, ChurnChart, RefundsChart, StatusesChart, UpcomingChart } from '../components/insights/InsightCharts';
import { PLUGIN_PATH } from '../components/organizations/paths';
import { getTranslation } from '../utils/translations';

/** The churn at a glance: one chart per Insights endpoint, each aggregated by the database. */
export const InsightsPage = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: getTranslation('insights.pageTitle'), defaultMessage: 'Insights | Offboarding' })}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={RouterLink} to={PLUGIN_PATH} startIcon={<ArrowLeft />}>
            {formatMessage({ id: getTranslation('insights.back'), defaultMessage: 'Organizations' })}
          </Link>
        }
        title={formatMessage({ id: getTranslation('insights.title'), defaultMessage: 'Insights' })}
        subtitle={formatMessage({
          id: getTranslation('insights.subtitle'),
          defaultMessage: 'Cancellations, refunds and churn per month (UTC), entitlements by status, and what is coming up',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} paddingBottom={10}>
          <CancellationsChart />
          <RefundsChart />
          <ChurnChart />
          <StatusesChart />
          <UpcomingChart />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
