import { Button, Flex } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../../../shared/contracts/webhooks';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ConfirmForm } from '../common/ConfirmForm';
import { EditDialog } from '../settings/EditDialog';
import { WebhookForm } from './WebhookForm';

export interface WebhookActionsProps {
  endpoint: WebhookEndpoint;
  /** False: the admin may look but not change (no settings permission). */
  canEdit: boolean;
  onChanged: () => void;
  /** Opens the endpoint's deliveries under the list. */
  onShowDeliveries: () => void;
  /** A rotation's new secret, for the page to show once. */
  onSecret: (endpoint: WebhookEndpointWithSecret) => void;
}

/** One endpoint's buttons: edit, deliveries, test ping, secret rotation, delete. */
export const WebhookActions = ({ endpoint, canEdit, onChanged, onShowDeliveries, onSecret }: WebhookActionsProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { run, isSubmitting } = useApiAction();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.${id}`), defaultMessage });

  const sendPing = async () => {
    const result = await run(api.webhooks.test(endpoint.documentId));
    if (!result.ok) return;
    toggleNotification({ type: 'success', message: t('ping.sent', 'Test ping queued: follow it in the deliveries.') });
    onShowDeliveries();
    onChanged();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Button variant="secondary" size="S" onClick={onShowDeliveries}>
        {t('deliveries.show', 'Deliveries')}
      </Button>
      {canEdit ? (
        <>
          <Button variant="secondary" size="S" loading={isSubmitting} onClick={() => void sendPing()}>
            {t('ping', 'Send test ping')}
          </Button>
          <ActionDialog label={t('rotate', 'Rotate secret')} size="S" variant="tertiary">
            {(dialog) => (
              <ConfirmForm
                description={t(
                  'rotate.description',
                  'A new signing secret is made and shown once. The old secret keeps signing deliveries for 24 hours, so the receiver can switch to the new one.',
                )}
                submitLabel={t('rotate', 'Rotate secret')}
                request={api.webhooks.rotateSecret(endpoint.documentId)}
                successMessage={t('rotate.done', 'Secret rotated.')}
                onClose={dialog.onClose}
                onDone={(result) => {
                  onSecret(result.data);
                  dialog.onDone();
                  onChanged();
                }}
              />
            )}
          </ActionDialog>
          <Flex gap={2} justifyContent="flex-end">
            <EditDialog
              label={formatMessage({ id: getTranslation('settings.webhooks.edit'), defaultMessage: 'Edit {url}' }, { url: endpoint.url })}
              onDone={onChanged}
            >
              {(dialog) => <WebhookForm endpoint={endpoint} {...dialog} />}
            </EditDialog>
            <ActionDialog label={t('delete', 'Delete')} title={t('delete.title', 'Delete this webhook')} size="S" variant="danger-light">
              {(dialog) => (
                <ConfirmForm
                  description={formatMessage(
                    {
                      id: getTranslation('settings.webhooks.delete.description'),
                      defaultMessage: '{url} stops receiving events, and its pending deliveries are dropped. This cannot be undone.',
                    },
                    { url: endpoint.url },
                  )}
                  submitLabel={t('delete', 'Delete')}
                  submitVariant="danger"
                  request={api.webhooks.delete(endpoint.documentId)}
                  successMessage={t('delete.done', 'Webhook deleted.')}
                  onClose={dialog.onClose}
                  onDone={() => {
                    dialog.onDone();
                    onChanged();
                  }}
                />
              )}
            </ActionDialog>
          </Flex>
        </>
      ) : null}
    </Flex>
  );
};
