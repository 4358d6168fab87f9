import * as React from 'react';
import { Badge, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import {
  WEBHOOK_DELIVERY_STATES,
  type WebhookDelivery,
  type WebhookDeliveryState,
  type WebhookEndpoint,
} from '../../../../shared/contracts/webhooks';
import { api } from '../../api';
import { useApiAction, useApiQuery } from '../../hooks/useApi';
import { useFormat } from '../../hooks/useFormat';
import { DELIVERY_STATE_VARIANT, useLabels } from '../../hooks/useLabels';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { Section } from '../common/Section';
import { commonMessages } from '../common/messages';
import { SectionPager } from '../organization/SectionPager';

const PAGE_SIZE = 20;
const POLL_MS = 3000;
const ALL = 'all';

export interface DeliveriesSectionProps {
  endpoint: WebhookEndpoint;
  /** Goes up after a test ping or any change of the list, so a new delivery shows at once. */
  refreshKey: number;
  canRedeliver: boolean;
  onClose: () => void;
  /** A redelivery changes the endpoint's counts. */
  onChanged: () => void;
}

/** Every attempt of a delivery, oldest first: when, the receiver's answer, and why it failed. */
const Attempts = ({ delivery }: { delivery: WebhookDelivery }) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  if (delivery.attempts.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: getTranslation('settings.webhooks.deliveries.noAttempt'), defaultMessage: 'Not attempted yet' })}
      </Typography>
    );
  }
  return (
    <Flex tag="ol" direction="column" alignItems="flex-start" gap={1} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {delivery.attempts.map((attempt, index) => (
        <li key={`${attempt.at}-${index}`}>
          <Typography variant="pi" textColor={attempt.error ? 'danger700' : 'neutral800'}>
            {formatMessage(
              {
                id: getTranslation('settings.webhooks.deliveries.attempt'),
                defaultMessage: '{at} · {code, select, none {no answer} other {HTTP {code}}} · {duration} ms{error, select, none {} other {: {error}}}',
              },
              {
                at: format.dateTime(attempt.at),
                code: attempt.responseCode === null ? 'none' : String(attempt.responseCode),
                duration: attempt.durationMs,
                error: attempt.error ?? 'none',
              },
            )}
          </Typography>
        </li>
      ))}
    </Flex>
  );
};

/** One endpoint's deliveries, newest first, a page at a time, filtered by state; a failed or delivered one can be sent again. */
export const DeliveriesSection = ({ endpoint, refreshKey, canRedeliver, onClose, onChanged }: DeliveriesSectionProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const format = useFormat();
  const labels = useLabels();
  const [state, setState] = React.useState<WebhookDeliveryState | null>(null);
  const [page, setPage] = React.useState(1);
  const deliveries = useApiQuery(
    api.webhooks.deliveries(endpoint.documentId, { page, pageSize: PAGE_SIZE, ...(state ? { state } : {}) }),
  );
  const { refetch } = deliveries;
  useRefetchOn(refreshKey, refetch);
  const redeliver = useApiAction();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.deliveries.${id}`), defaultMessage });

  // While a delivery waits for its attempt, the list follows it (the sweep sends it within a minute).
  const waiting = (deliveries.data?.data ?? []).some((delivery) => delivery.state === 'pending');
  React.useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => void refetch(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, refetch]);

  const send = async (delivery: WebhookDelivery) => {
    const result = await redeliver.run(api.webhooks.redeliver(delivery.documentId));
    if (!result.ok) return;
    toggleNotification({ type: 'success', message: t('redelivered', 'Delivery queued again.') });
    await refetch();
    onChanged();
  };

  return (
    <Section
      title={formatMessage(
        { id: getTranslation('settings.webhooks.deliveries.title'), defaultMessage: 'Deliveries of {url}' },
        { url: endpoint.url },
      )}
      description={t('description', 'Each event sent to this endpoint, with every attempt. Failed attempts are retried for up to 3 days.')}
      actions={
        <>
          <Field.Root name="deliveryState">
            <Field.Label>{t('filter', 'State')}</Field.Label>
            <SingleSelect
              size="S"
              value={state ?? ALL}
              onChange={(value) => {
                setState(WEBHOOK_DELIVERY_STATES.find((candidate) => candidate === value) ?? null);
                setPage(1);
              }}
            >
              <SingleSelectOption value={ALL}>{t('filter.all', 'All states')}</SingleSelectOption>
              {WEBHOOK_DELIVERY_STATES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {labels.deliveryState(value)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Button variant="tertiary" size="S" onClick={() => void refetch()}>
            {t('refresh', 'Refresh')}
          </Button>
          <Button variant="tertiary" size="S" onClick={onClose}>
            {t('close', 'Close')}
          </Button>
        </>
      }
    >
      <DataTable
        rows={deliveries.data?.data}
        status={deliveries}
        emptyMessage={state ? t('emptyState', 'No delivery in this state.') : t('empty', 'No delivery yet.')}
        footer={
          <SectionPager
            pagination={deliveries.data?.meta.pagination}
            summary={{
              id: getTranslation('settings.webhooks.deliveries.page'),
              defaultMessage: 'Page {page} of {pageCount} · {total, plural, one {# delivery} other {# deliveries}}',
            }}
            isLoading={deliveries.isLoading}
            onPage={setPage}
          />
        }
        columns={[
          {
            key: 'event',
            header: t('event', 'Event'),
            cell: (delivery) => (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography textColor="neutral800" fontWeight="semiBold" style={{ fontFamily: 'monospace' }}>
                  {delivery.eventType}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('settings.webhooks.deliveries.eventId'), defaultMessage: 'Event #{id} · {date}' },
                    { id: delivery.eventId, date: format.dateTime(delivery.createdAt) },
                  )}
                </Typography>
              </Flex>
            ),
          },
          {
            key: 'organization',
            header: t('organization', 'Organization'),
            cell: (delivery) => format.text(delivery.organization?.name ?? delivery.organization?.documentId),
          },
          {
            key: 'state',
            header: t('state', 'State'),
            cell: (delivery) => (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Badge variant={DELIVERY_STATE_VARIANT[delivery.state]} size="S">
                  {labels.deliveryState(delivery.state)}
                </Badge>
                {delivery.deliveredAt ? (
                  <Typography variant="pi" textColor="neutral600">
                    {format.dateTime(delivery.deliveredAt)}
                  </Typography>
                ) : null}
              </Flex>
            ),
          },
          { key: 'attempts', header: t('attempts', 'Attempts'), wrap: true, cell: (delivery) => <Attempts delivery={delivery} /> },
          {
            key: 'next',
            header: t('nextAttempt', 'Next attempt'),
            cell: (delivery) => (delivery.state === 'pending' ? format.dateTime(delivery.nextAttemptAt) : format.none),
          },
          canRedeliver && {
            key: 'actions',
            header: formatMessage(commonMessages.actions),
            hiddenHeader: true,
            cell: (delivery) =>
              delivery.state === 'pending' ? null : (
                <Button variant="secondary" size="S" loading={redeliver.isSubmitting} onClick={() => void send(delivery)}>
                  {t('redeliver', 'Redeliver')}
                </Button>
              ),
          },
        ]}
      />
    </Section>
  );
};
