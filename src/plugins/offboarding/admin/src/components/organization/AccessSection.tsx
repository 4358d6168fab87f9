import { Badge, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ACCESS_CAPABILITIES, type AccessCapability, type AccessView } from '../../../../shared/contracts/access';
import type { QueryState } from '../../hooks/useApi';
import { useAccessReason } from '../../hooks/useAccessReason';
import { useFormat } from '../../hooks/useFormat';
import { ACCESS_STAGE_VARIANT, useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';
import { commonMessages } from '../common/messages';
import { Section } from '../common/Section';
import { Facts } from './Facts';

interface AccessSectionProps {
  /** The page's query of `api.organizations.access`, reloaded after each of its actions. */
  access: Pick<QueryState<{ data: AccessView }>, 'data' | 'error' | 'isLoading'>;
}

/** Yes, or no with why (the stage and what it withholds), in the admin's language. */
const Capability = ({ view, capability }: { view: AccessView; capability: AccessCapability }) => {
  const labels = useLabels();
  const reasonOf = useAccessReason();
  const allowed = view[capability];
  const reason = reasonOf(view, capability);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={allowed ? 'success' : 'neutral'} size="S">
        {labels.yesNo(allowed)}
      </Badge>
      {reason ? (
        <Typography variant="pi" textColor="neutral600">
          {reason}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The organization's access stage and what it allows (docs/spec.md §12), as the portal, invitations and the owned-data guard apply it. */
export const AccessSection = ({ access }: AccessSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.stage.${id}`), defaultMessage });
  const view = access.data?.data;

  return (
    <Section
      title={t('title', 'Access')}
      description={t('description', 'What the organization may do in its current stage: the portal, invitations, new orders, resources and customer exports.')}
    >
      <ErrorAlert error={access.error} />
      {view ? (
        <>
          <Flex gap={2} alignItems="center" wrap="wrap">
            <Typography variant="sigma" textColor="neutral600">
              {t('stage', 'Stage')}
            </Typography>
            <Badge variant={ACCESS_STAGE_VARIANT[view.stage]}>{labels.accessStage(view.stage)}</Badge>
            {/* Only the cancelled stage has a read-only portal; archived or disabled ones are closed whatever the date. */}
            {view.stage === 'cancelled' && view.portalAccessUntil ? (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(
                  { id: getTranslation('organization.stage.portalUntil'), defaultMessage: 'Read-only portal until {date}' },
                  { date: format.dateTime(view.portalAccessUntil) },
                )}
              </Typography>
            ) : null}
          </Flex>
          <Facts
            columns={4}
            facts={ACCESS_CAPABILITIES.map((capability) => ({
              label: labels.capability(capability),
              value: <Capability view={view} capability={capability} />,
            }))}
          />
        </>
      ) : access.isLoading ? (
        <Loader small>{formatMessage(commonMessages.loading)}</Loader>
      ) : null}
    </Section>
  );
};
