import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../../../shared/contracts/webhooks';
import { useFormat } from '../../hooks/useFormat';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { WebhookActions } from './WebhookActions';

export interface WebhooksTableProps {
  endpoints: WebhookEndpoint[] | undefined;
  canEdit: boolean;
  onChanged: () => void;
  onShowDeliveries: (endpoint: WebhookEndpoint) => void;
  onSecret: (endpoint: WebhookEndpointWithSecret) => void;
}

/** Whether an endpoint receives deliveries, and why not: by hand, or disabled by the plugin after failing for days. */
const EndpointState = ({ endpoint }: { endpoint: WebhookEndpoint }) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.${id}`), defaultMessage });
  const rotating = endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt).getTime() > Date.now();
  let badge = (
    <Badge variant="success" size="S">
      {t('state.enabled', 'Enabled')}
    </Badge>
  );
  if (endpoint.disabledAt) {
    badge = (
      <Badge variant="danger" size="S">
        {t('state.disabledByPlugin', 'Disabled by the plugin')}
      </Badge>
    );
  } else if (!endpoint.enabled) {
    badge = (
      <Badge variant="neutral" size="S">
        {t('state.disabled', 'Disabled')}
      </Badge>
    );
  }
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {badge}
      {endpoint.disabledAt ? (
        <Typography variant="pi" textColor="danger700">
          {formatMessage(
            { id: getTranslation('settings.webhooks.state.disabledSince'), defaultMessage: 'Since {date}: {reason}' },
            { date: format.dateTime(endpoint.disabledAt), reason: format.text(endpoint.disabledReason) },
          )}
        </Typography>
      ) : null}
      {endpoint.failingSince ? (
        <Badge variant="warning" size="S">
          {formatMessage(
            { id: getTranslation('settings.webhooks.state.failingSince'), defaultMessage: 'Failing since {date}' },
            { date: format.dateTime(endpoint.failingSince) },
          )}
        </Badge>
      ) : null}
      {rotating ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('settings.webhooks.state.previousSecret'), defaultMessage: 'The previous secret signs too until {date}' },
            { date: format.dateTime(endpoint.previousSecretExpiresAt) },
          )}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The plugin's webhook endpoints: where they point, what they receive, and how their deliveries fare. */
export const WebhooksTable = ({ endpoints, canEdit, onChanged, onShowDeliveries, onSecret }: WebhooksTableProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.${id}`), defaultMessage });

  return (
    <DataTable
      rows={endpoints}
      emptyMessage={t('empty', 'No webhook yet. Create one to have every change of the plugin sent, signed, to your system.')}
      columns={[
        {
          key: 'url',
          header: t('table.url', 'URL'),
          wrap: true,
          cell: (endpoint) => (
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography textColor="neutral800" fontWeight="semiBold" style={{ overflowWrap: 'anywhere', minWidth: '12rem' }}>
                {endpoint.url}
              </Typography>
              {endpoint.description ? (
                <Typography variant="pi" textColor="neutral600">
                  {endpoint.description}
                </Typography>
              ) : null}
              {endpoint.includePersonalData ? (
                <Badge size="S" variant="secondary">
                  {t('personalData', 'Includes personal data')}
                </Badge>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'events',
          header: t('table.events', 'Events'),
          wrap: true,
          cell: (endpoint) =>
            endpoint.events[0] === '*' ? (
              t('allEventsShort', 'All events')
            ) : (
              <Typography variant="pi" textColor="neutral700" style={{ fontFamily: 'monospace' }}>
                {endpoint.events.join(', ')}
              </Typography>
            ),
        },
        { key: 'state', header: t('table.state', 'State'), wrap: true, cell: (endpoint) => <EndpointState endpoint={endpoint} /> },
        {
          key: 'deliveries',
          header: t('table.deliveries', 'Deliveries'),
          cell: (endpoint) => (
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography textColor="neutral800">
                {formatMessage(
                  { id: getTranslation('settings.webhooks.deliveries.counts'), defaultMessage: '{pending} pending · {failed} failed' },
                  { pending: endpoint.deliveries.pending, failed: endpoint.deliveries.failed },
                )}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(
                  { id: getTranslation('settings.webhooks.deliveries.last'), defaultMessage: 'Last delivered: {date}' },
                  { date: format.dateTime(endpoint.deliveries.lastDeliveredAt) },
                )}
              </Typography>
            </Flex>
          ),
        },
        {
          key: 'actions',
          header: formatMessage(commonMessages.actions),
          hiddenHeader: true,
          cell: (endpoint) => (
            <WebhookActions
              endpoint={endpoint}
              canEdit={canEdit}
              onChanged={onChanged}
              onShowDeliveries={() => onShowDeliveries(endpoint)}
              onSecret={onSecret}
            />
          ),
        },
      ]}
    />
  );
};
