import { Flex, Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { SCHEDULED_CHANGE_KINDS } from '../../../shared/contracts/lifecycle';
import { PLUGIN_PATH } from '../components/organizations/paths';
import { useUrlParams } from '../components/organizations/useUrlParams';
import { ScheduledChangesFilters } from '../components/scheduled/ScheduledChangesFilters';
import { ScheduledChangesTimeline, WINDOWS } from '../components/scheduled/ScheduledChangesTimeline';
import { getTranslation } from '../utils/translations';

/** Every change due in the next 30, 90 or 365 days (docs/spec.md §13), whatever made it, with the undo of those that can be taken back. */
export const ScheduledChangesPage = () => {
  const { formatMessage } = useIntl();
  // Kept in the URL, so that a link opens the page filtered (`?organization=…&kind=…&days=90`).
  const { searchParams, update } = useUrlParams();
  const kind = SCHEDULED_CHANGE_KINDS.find((candidate) => candidate === searchParams.get('kind')) ?? null;
  const organization = searchParams.get('organization');
  const days = WINDOWS.find((candidate) => String(candidate) === searchParams.get('days')) ?? WINDOWS[0];

  return (
    <Page.Main>
      <Page.Title>
        {formatMessage({ id: getTranslation('scheduled.pageTitle'), defaultMessage: 'Scheduled changes | Offboarding' })}
      </Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={RouterLink} to={PLUGIN_PATH} startIcon={<ArrowLeft />}>
            {formatMessage({ id: getTranslation('scheduled.back'), defaultMessage: 'Organizations' })}
          </Link>
        }
        title={formatMessage({ id: getTranslation('scheduled.title'), defaultMessage: 'Scheduled changes' })}
        subtitle={formatMessage({
          id: getTranslation('scheduled.subtitle'),
          defaultMessage: 'What is scheduled to happen: cancellations, pauses, suspensions, access changes, grace ends, dunning stages and purges',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} paddingBottom={10}>
          <ScheduledChangesFilters
            days={days}
            onDays={(next) => update({ days: next === WINDOWS[0] ? null : String(next) })}
            kind={kind}
            organization={organization}
            onKind={(next) => update({ kind: next })}
            onOrganization={(next) => update({ organization: next })}
          />
          <ScheduledChangesTimeline days={days} kind={kind ?? undefined} organization={organization ?? undefined} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
