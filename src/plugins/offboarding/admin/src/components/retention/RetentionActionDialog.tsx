import * as React from 'react';
import { Button, Dialog, type ButtonProps } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ApiAction } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ApiErrorAlert } from '../organizations/ApiErrorAlert';

export interface RetentionActionDialogProps {
  /** The trigger's text and accessible name. */
  label: string;
  variant?: ButtonProps['variant'];
  startIcon?: React.ReactNode;
  title: string;
  description: string;
  /** The dialog's fields, if it asks for more than a yes. */
  children?: React.ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonProps['variant'];
  /** False while the form is incomplete. */
  canConfirm?: boolean;
  /** The change to send: one function of `api`. */
  request: ApiAction<unknown>;
  successMessage: string;
  onSuccess: () => void;
  /** Called when the dialog opens, to start from a clean form. */
  onOpen?: () => void;
}

/** A row action of the Data Retention page: a button, a dialog, one request, and what the API said. */
export const RetentionActionDialog = ({
  label,
  variant = 'secondary',
  startIcon,
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
}: RetentionActionDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { run, isSubmitting } = useApiAction();
  const [isOpen, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const onOpenChange = (open: boolean) => {
    if (isSubmitting) return;
    if (open) {
      setError(null);
      onOpen?.();
    }
    setOpen(open);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!canConfirm || isSubmitting) return;
    setError(null);
    const result = await run(request);
    if (!result.ok) {
      // useApiAction raised the notification; the dialog keeps the message next to the form.
      setError(result.error);
      return;
    }
    setOpen(false);
    toggleNotification({ type: 'success', message: successMessage });
    onSuccess();
  };

  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Trigger>
        <Button variant={variant} size="S" startIcon={startIcon}>
          {label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <form onSubmit={submit} noValidate>
          <Dialog.Header>{title}</Dialog.Header>
          <Dialog.Body direction="column" alignItems="stretch" gap={4}>
            <Dialog.Description>{description}</Dialog.Description>
            {children}
            <ApiErrorAlert error={error} />
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary" fullWidth disabled={isSubmitting}>
                {formatMessage({ id: getTranslation('retention.dialog.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Dialog.Cancel>
            <Button type="submit" variant={confirmVariant} fullWidth loading={isSubmitting} disabled={!canConfirm}>
              {confirmLabel}
            </Button>
          </Dialog.Footer>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
};
