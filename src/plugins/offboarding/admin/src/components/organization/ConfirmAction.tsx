import * as React from 'react';
import { Box, Button, Dialog, Tooltip, Typography, type ButtonProps } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ApiAction } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';

export interface ConfirmActionProps {
  /** The trigger's visible text, which is also its accessible name. */
  label: string;
  variant?: ButtonProps['variant'];
  startIcon?: React.ReactNode;
  /** Why the current state forbids the action: the button is disabled and this is its tooltip. */
  disabledReason?: string | null;
  title: string;
  description: string;
  /** Form fields of the dialog, if it asks for more than a yes. */
  children?: React.ReactNode;
  /** Defaults to the trigger's label. */
  confirmLabel?: string;
  confirmVariant?: ButtonProps['variant'];
  /** False while the form is incomplete. */
  canConfirm?: boolean;
  /** The change to send: one function of `api`. */
  request: ApiAction<unknown>;
  successMessage: string;
  onSuccess: () => void | Promise<void>;
  /** Called when the dialog opens, to start from a clean form. */
  onOpen?: () => void;
  /**
   * Called when the dialog is closed after a refusal: the page may show a stale state (someone
   * else changed it), so it reloads, without switching the dialog's texts under the admin's eyes.
   */
  onRefusalClosed?: () => void | Promise<void>;
}

/** A button that opens a confirmation dialog, sends one request, and reports what the API said. */
export const ConfirmAction = ({
  label,
  variant = 'secondary',
  startIcon,
  disabledReason,
  title,
  description,
  children,
  confirmLabel,
  confirmVariant = 'default',
  canConfirm = true,
  request,
  successMessage,
  onSuccess,
  onOpen,
  onRefusalClosed,
}: ConfirmActionProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { run, isSubmitting } = useApiAction();
  const [isOpen, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const handleOpenChange = (open: boolean) => {
    if (isSubmitting) return;
    if (open) {
      setError(null);
      onOpen?.();
    } else if (error !== null) {
      void onRefusalClosed?.();
    }
    setOpen(open);
  };

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!canConfirm || isSubmitting) return;
    setError(null);
    const result = await run(request);
    if (!result.ok) {
      // useApiAction has raised the notification; the dialog stays open with the same message.
      setError(result.error);
      return;
    }
    setOpen(false);
    toggleNotification({ type: 'success', message: successMessage });
    await onSuccess();
  };

  const trigger = (
    <Button variant={variant} startIcon={startIcon} disabled={Boolean(disabledReason)} onClick={() => handleOpenChange(true)}>
      {label}
    </Button>
  );

  return (
    <>
      {disabledReason ? (
        <Tooltip label={disabledReason}>
          {/* A disabled button receives no pointer events: the wrapper carries the explanation. */}
          <span tabIndex={0} style={{ display: 'inline-flex' }}>
            {trigger}
          </span>
        </Tooltip>
      ) : (
        trigger
      )}
      <Dialog.Root open={isOpen} onOpenChange={handleOpenChange}>
        <Dialog.Content>
          <form onSubmit={confirm} noValidate>
            <Dialog.Header>{title}</Dialog.Header>
            <Dialog.Body alignItems="stretch" gap={4} paddingTop={6} paddingBottom={6}>
              <Dialog.Description>{description}</Dialog.Description>
              {children}
              {error ? (
                <Box role="alert" background="danger100" borderColor="danger200" hasRadius padding={3}>
                  <Typography textColor="danger700" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {error}
                  </Typography>
                </Box>
              ) : null}
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button variant="tertiary" disabled={isSubmitting}>
                  {formatMessage({ id: getTranslation('organization.dialog.cancel'), defaultMessage: 'Cancel' })}
                </Button>
              </Dialog.Cancel>
              <Button type="submit" variant={confirmVariant} loading={isSubmitting} disabled={!canConfirm}>
                {confirmLabel ?? label}
              </Button>
            </Dialog.Footer>
          </form>
        </Dialog.Content>
      </Dialog.Root>
    </>
  );
};
