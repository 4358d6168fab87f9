import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';
import { Facts } from './Facts';
import { useFormat } from '../../hooks/useFormat';
import { useLabels } from '../../hooks/useLabels';
import { Section } from '../common/Section';

/** When the organization's data may be purged, and what holds it back. */
export const RetentionSection = ({ organization: org }: { organization: OrganizationDetail }) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.retention.${id}`), defaultMessage });
  const { retention } = org;

  const extended = retention.retentionExtendedUntil ? (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography textColor="neutral800">{format.date(retention.retentionExtendedUntil)}</Typography>
      {retention.retentionExtensionReason ? (
        <Typography variant="pi" textColor="neutral600">
          {retention.retentionExtensionReason}
        </Typography>
      ) : null}
    </Flex>
  ) : (
    t('notExtended', 'Not extended')
  );

  const legalHold = retention.legalHold ? (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant="alternative">{t('onHold', 'On hold')}</Badge>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          {
            id: getTranslation('organization.retention.holdPlaced'),
            defaultMessage: 'Placed {date} by {by}{reason, select, none {} other {: {reason}}}',
          },
          {
            date: format.dateTime(org.legalHoldAt),
            by: org.legalHoldBy ?? format.none,
            reason: retention.legalHoldReason ?? 'none',
          },
        )}
      </Typography>
    </Flex>
  ) : (
    t('noHold', 'None')
  );

  return (
    <Section title={t('title', 'Retention')}>
      <Facts
        facts={[
          { label: t('lastCancelled', 'Last cancelled'), value: format.dateTime(retention.lastCancelledAt) },
          {
            label: t('retentionDays', 'Retention period'),
            value: formatMessage(
              { id: getTranslation('organization.retention.days'), defaultMessage: '{days, plural, one {# day} other {# days}}' },
              { days: retention.dataRetentionDays },
            ),
          },
          { label: t('retentionUntil', 'Retained until'), value: format.date(retention.retentionUntil) },
          { label: t('extendedUntil', 'Extended until'), value: extended },
          { label: t('purgeState', 'Purge'), value: labels.purgeState(retention.purgeState) },
          {
            label: retention.purgeState === 'purged' ? t('purgedAt', 'Purged on') : t('purgeAfter', 'Purge after'),
            value: format.dateTime(retention.purgeState === 'purged' ? org.purgedAt : retention.purgeAfter),
          },
          { label: t('legalHold', 'Legal hold'), value: legalHold, wide: true },
        ]}
      />
    </Section>
  );
};
