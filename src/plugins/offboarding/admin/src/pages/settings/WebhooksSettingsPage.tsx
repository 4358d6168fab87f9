import * as React from 'react';
import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../../../shared/contracts/webhooks';
import { ActionDialog } from '../../components/common/ActionDialog';
import { SettingsLayout } from '../../components/settings/SettingsLayout';
import { DeliveriesSection } from '../../components/webhooks/DeliveriesSection';
import { SecretDialog, type ShownSecret } from '../../components/webhooks/SecretDialog';
import { WebhookForm } from '../../components/webhooks/WebhookForm';
import { WebhooksTable } from '../../components/webhooks/WebhooksTable';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { PERMISSIONS } from '../../permissions';
import { getTranslation } from '../../utils/translations';

/** Settings › Webhooks: the plugin's signed, retried webhook endpoints (docs/spec.md §10) and their deliveries. */
export const WebhooksSettingsPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const endpoints = useApiQuery(api.webhooks.list());
  const [shownSecret, setShownSecret] = React.useState<ShownSecret | null>(null);
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const [refreshKey, setRefreshKey] = React.useState(0);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.${id}`), defaultMessage });

  const { refetch } = endpoints;
  const onChanged = React.useCallback(() => {
    setRefreshKey((key) => key + 1);
    void refetch();
  }, [refetch]);
  const showSecret = (rotated: boolean) => (endpoint: WebhookEndpointWithSecret) =>
    setShownSecret({ url: endpoint.url, secret: endpoint.secret, rotated });
  const selected = endpoints.data?.data.find((endpoint) => endpoint.documentId === selectedId) ?? null;

  return (
    <SettingsLayout
      permissions={PERMISSIONS.settings}
      title={t('title', 'Webhooks')}
      subtitle={t(
        'subtitle',
        'Endpoints that receive every change of the plugin as a signed POST (Offboarding-Signature), retried for up to 3 days.',
      )}
      primaryAction={
        abilities.canSettings ? (
          <ActionDialog
            label={t('create', 'Create webhook')}
            title={t('createTitle', 'Create a webhook endpoint')}
            variant="default"
            startIcon={<Plus />}
            onDone={onChanged}
          >
            {(dialog) => <WebhookForm endpoint={null} onCreated={showSecret(false)} {...dialog} />}
          </ActionDialog>
        ) : null
      }
      error={endpoints.error}
      isLoading={endpoints.data === undefined && endpoints.isLoading}
    >
      <WebhooksTable
        endpoints={endpoints.data?.data}
        canEdit={abilities.canSettings}
        onChanged={onChanged}
        onShowDeliveries={(endpoint: WebhookEndpoint) => setSelectedId(endpoint.documentId)}
        onSecret={showSecret(true)}
      />
      {selected ? (
        <DeliveriesSection
          key={selected.documentId}
          endpoint={selected}
          refreshKey={refreshKey}
          canRedeliver={abilities.canSettings}
          onClose={() => setSelectedId(null)}
          onChanged={() => void refetch()}
        />
      ) : null}
      <SecretDialog shown={shownSecret} onClose={() => setShownSecret(null)} />
    </SettingsLayout>
  );
};
