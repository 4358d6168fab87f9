import { LinkButton } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { getTranslation } from '../../utils/translations';
import { Section } from '../common/Section';
import { SCHEDULED_CHANGES_PATH } from '../organizations/paths';
import { ScheduledChangesTimeline } from '../scheduled/ScheduledChangesTimeline';

/** The organization's part of the scheduled changes page: its next 30 days. */
export const UpcomingChangesSection = ({
  organizationId,
  refreshKey,
  onChanged,
}: {
  organizationId: string;
  refreshKey: number;
  onChanged: () => void | Promise<void>;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Section
      title={formatMessage({ id: getTranslation('organization.upcoming.title'), defaultMessage: 'Upcoming changes' })}
      description={formatMessage({
        id: getTranslation('organization.upcoming.description'),
        defaultMessage: 'What is scheduled to happen to this organization in the next 30 days.',
      })}
      actions={
        <LinkButton tag={Link} to={`${SCHEDULED_CHANGES_PATH}?organization=${encodeURIComponent(organizationId)}`} variant="tertiary" size="S">
          {formatMessage({ id: getTranslation('organization.upcoming.all'), defaultMessage: 'Open in Scheduled changes' })}
        </LinkButton>
      }
    >
      <ScheduledChangesTimeline organization={organizationId} refreshKey={refreshKey} onChanged={() => void onChanged()} />
    </Section>
  );
};
