import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Stats } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';
import { useLabels } from '../../hooks/useLabels';

const StatCard = ({ label, value, hint }: { label: string; value: number | undefined; hint?: string }) => {
  const { formatNumber, formatMessage } = useIntl();
  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius padding={4} height="100%">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p" textColor="neutral800">
          {value === undefined
            ? formatMessage({ id: getTranslation('organizations.value.none'), defaultMessage: '—' })
            : formatNumber(value)}
        </Typography>
        {hint ? (
          <Typography variant="pi" textColor="neutral500">
            {hint}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
};

/**
 * Counts by status as the list below shows them: without archived organizations, or with them
 * when "Show archived" is on (each card says which), then archived ones and the purge queue.
 */
export const StatsCards = ({ stats, showArchived }: { stats: Stats | undefined; showArchived: boolean }) => {
  const { formatMessage } = useIntl();
  const { status: statusLabel } = useLabels();
  const byStatus = showArchived ? stats?.organizations.byStatusWithArchived : stats?.organizations.byStatus;
  const statusHint = showArchived
    ? formatMessage({ id: getTranslation('organizations.stats.withArchived'), defaultMessage: 'Archived included' })
    : formatMessage({ id: getTranslation('organizations.stats.withoutArchived'), defaultMessage: 'Archived not included' });
  const cards = [
    { key: 'prospect', label: statusLabel('prospect'), value: byStatus?.prospect, hint: statusHint },
    { key: 'active', label: statusLabel('active'), value: byStatus?.active, hint: statusHint },
    { key: 'paused', label: statusLabel('paused'), value: byStatus?.paused, hint: statusHint },
    { key: 'suspended', label: statusLabel('suspended'), value: byStatus?.suspended, hint: statusHint },
    { key: 'pending', label: statusLabel('pending_cancellation'), value: byStatus?.pending_cancellation, hint: statusHint },
    { key: 'cancelled', label: statusLabel('cancelled'), value: byStatus?.cancelled, hint: statusHint },
    {
      key: 'archived',
      label: formatMessage({ id: getTranslation('organizations.stats.archived'), defaultMessage: 'Archived' }),
      value: stats?.organizations.archived,
      hint: formatMessage({
        id: getTranslation('organizations.stats.archivedHint'),
        defaultMessage: 'Shown in the list with "Show archived"',
      }),
    },
    {
      key: 'purgeQueue',
      label: formatMessage({ id: getTranslation('organizations.stats.purgeQueue'), defaultMessage: 'Awaiting deletion' }),
      value: stats?.purgeQueue,
      hint: formatMessage({
        id: getTranslation('organizations.stats.purgeQueueHint'),
        defaultMessage: 'Data to delete after a last review',
      }),
    },
  ];

  return (
    <Grid.Root gap={4}>
      {cards.map((card) => (
        <Grid.Item key={card.key} col={3} s={4} xs={6} direction="column" alignItems="stretch">
          <StatCard label={card.label} value={card.value} hint={card.hint} />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
