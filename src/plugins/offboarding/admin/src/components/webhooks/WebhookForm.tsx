import { Checkbox, Field, Flex, Grid, MultiSelect, MultiSelectOption, Textarea, TextInput, Toggle } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '../../../../shared/contracts/events';
import type { CreateWebhook, WebhookEndpoint, WebhookEndpointWithSecret } from '../../../../shared/contracts/webhooks';
import { api } from '../../api';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import type { DialogFormProps } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';

interface WebhookValues {
  url: string;
  /** Every event type (`['*']`), or only those chosen in `events`. */
  allEvents: boolean;
  events: DomainEventType[];
  description: string;
  enabled: boolean;
  includePersonalData: boolean;
}

const initialValues = (endpoint: WebhookEndpoint | null): WebhookValues => {
  if (!endpoint) return { url: 'https://', allEvents: true, events: [], description: '', enabled: true, includePersonalData: false };
  const all = endpoint.events.length === 1 && endpoint.events[0] === '*';
  return {
    url: endpoint.url,
    allEvents: all,
    events: all ? [] : DOMAIN_EVENT_TYPES.filter((type) => (endpoint.events as string[]).includes(type)),
    description: endpoint.description ?? '',
    enabled: endpoint.enabled,
    includePersonalData: endpoint.includePersonalData,
  };
};

const requestBody = (values: WebhookValues): CreateWebhook.Request['body'] => ({
  url: values.url.trim(),
  events: values.allEvents ? ['*'] : values.events,
  description: values.description.trim() || null,
  enabled: values.enabled,
  includePersonalData: values.includePersonalData,
});

interface SwitchFieldProps {
  label: string;
  hint?: string;
  value: boolean;
  onChange: (value: boolean) => void;
  error: string | undefined;
}

/** A yes/no setting of the endpoint. */
const SwitchField = ({ label, hint, value, onChange, error }: SwitchFieldProps) => {
  const labels = useLabels();
  return (
    <Field.Root error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Toggle
        checked={value}
        onChange={(event) => onChange(event.target.checked)}
        onLabel={labels.yesNo(true)}
        offLabel={labels.yesNo(false)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** Only a creation answers with the secret. */
const hasSecret = (data: WebhookEndpoint): data is WebhookEndpointWithSecret =>
  typeof (data as Partial<WebhookEndpointWithSecret>).secret === 'string';

export interface WebhookFormProps extends DialogFormProps {
  /** null: a new endpoint. */
  endpoint: WebhookEndpoint | null;
  /** A new endpoint's secret, for the page to show once. */
  onCreated?: (endpoint: WebhookEndpointWithSecret) => void;
}

/** Create or edit one of the plugin's webhook endpoints. */
export const WebhookForm = ({ endpoint, onCreated, onDone, onClose }: WebhookFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.${id}`), defaultMessage });
  const { values, set, field, fieldError, form } = useActionForm({
    initialValues: initialValues(endpoint),
    validate: (current) => ({
      url: /^https?:\/\/\S+$/i.test(current.url.trim()) ? undefined : t('error.url', 'An http:// or https:// address.'),
      events: current.allEvents || current.events.length > 0 ? undefined : t('error.events', 'Choose at least one event type.'),
    }),
    request: (current) =>
      endpoint ? api.webhooks.update(endpoint.documentId, requestBody(current)) : api.webhooks.create(requestBody(current)),
    successMessage: ({ data }) =>
      formatMessage({ id: getTranslation('settings.webhooks.saved'), defaultMessage: 'Webhook {url} saved.' }, { url: data.url }),
    onDone: (result) => {
      if (hasSecret(result.data)) onCreated?.(result.data);
      onDone();
    },
    onClose,
  });

  return (
    <ActionForm
      {...form}
      description={
        endpoint ? undefined : t('createDescription', 'Once saved, the endpoint\'s signing secret is shown once: keep it with the receiver.')
      }
    >
      <Grid.Root gap={5}>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root
            name="url"
            required
            error={fieldError('url')}
            hint={t('hint.url', 'Receives a signed POST for every event it subscribes to.')}
          >
            <Field.Label>{t('field.url', 'URL')}</Field.Label>
            <TextInput type="url" value={values.url} maxLength={2048} onChange={(event) => set('url', event.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="events" required error={fieldError('events')}>
            <Field.Label>{t('field.events', 'Events')}</Field.Label>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Checkbox checked={values.allEvents} onCheckedChange={(checked) => set('allEvents', checked === true)}>
                {t('allEvents', 'All events, including those added later')}
              </Checkbox>
              {values.allEvents ? null : (
                <MultiSelect
                  aria-label={t('field.eventTypes', 'Event types')}
                  placeholder={t('placeholder.events', 'Choose event types')}
                  value={values.events}
                  withTags
                  onChange={(chosen) => set('events', DOMAIN_EVENT_TYPES.filter((type) => chosen.includes(type)))}
                >
                  {DOMAIN_EVENT_TYPES.map((type) => (
                    <MultiSelectOption key={type} value={type}>
                      {type}
                    </MultiSelectOption>
                  ))}
                </MultiSelect>
              )}
            </Flex>
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="description" error={fieldError('description')}>
            <Field.Label>{t('field.description', 'Description')}</Field.Label>
            <Textarea value={values.description} maxLength={500} onChange={(event) => set('description', event.target.value)} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SwitchField label={t('field.enabled', 'Enabled')} {...field('enabled')} />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SwitchField
            label={t('field.includePersonalData', 'Include personal data')}
            hint={t(
              'hint.includePersonalData',
              'Off: names, email addresses and internal notes are left out of what this endpoint receives.',
            )}
            {...field('includePersonalData')}
          />
        </Grid.Item>
      </Grid.Root>
    </ActionForm>
  );
};
