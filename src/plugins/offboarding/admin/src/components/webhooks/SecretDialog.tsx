import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/translations';

export interface ShownSecret {
  url: string;
  secret: string;
  /** After a rotation: the previous secret still signs for 24 h. */
  rotated: boolean;
}

/** The signing secret, the one time the API gives it: after creating an endpoint and after a rotation. */
export const SecretDialog = ({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.webhooks.secret.${id}`), defaultMessage });

  const onCopy = async () => {
    if (!shown) return;
    const copied = await copy(shown.secret);
    toggleNotification(
      copied
        ? { type: 'success', message: t('copied', 'Secret copied.') }
        : { type: 'warning', message: t('notCopied', 'The browser refused to copy: select the secret and copy it by hand.') },
    );
  };

  return (
    <Modal.Root open={shown !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('title', 'Signing secret')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography textColor="neutral800">
              {formatMessage(
                {
                  id: getTranslation('settings.webhooks.secret.shownOnce'),
                  defaultMessage:
                    'This secret of {url} is shown once: copy it now and keep it with the receiver, which checks the Offboarding-Signature header with it.',
                },
                { url: shown?.url ?? '' },
              )}
            </Typography>
            {shown?.rotated ? (
              <Typography textColor="warning700">
                {t('rotated', 'The old secret keeps signing deliveries for 24 hours (a second v1= value), so the receiver can switch without losing any.')}
              </Typography>
            ) : null}
            <Field.Root name="secret">
              <Field.Label>{t('label', 'Signing secret')}</Field.Label>
              <Flex gap={2} alignItems="stretch">
                <div style={{ flex: 1 }}>
                  <TextInput value={shown?.secret ?? ''} readOnly style={{ fontFamily: 'monospace' }} onFocus={(event) => event.target.select()} />
                </div>
                <Button variant="secondary" onClick={() => void onCopy()}>
                  {t('copy', 'Copy')}
                </Button>
              </Flex>
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <span />
          <Button onClick={onClose}>{t('done', 'I have copied it')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
