import type { ApiAction } from '../../api';
import { ActionDialog, type ActionDialogProps } from './ActionDialog';
import { ConfirmForm } from './ConfirmForm';

export interface ConfirmDialogProps<Result> extends Pick<ActionDialogProps, 'label' | 'title' | 'variant' | 'size' | 'startIcon' | 'onDone' | 'onDismiss'> {
  description: string;
  /** The change to send once confirmed: one function of `api`. */
  request: ApiAction<Result>;
  successMessage: string;
  /** The confirming button's style: `danger` for what cannot be undone. */
  submitVariant?: 'default' | 'danger';
}

/** A row's action that asks for nothing but a yes: its button, the dialog and the confirmation, the button's label on both. */
export const ConfirmDialog = <Result,>({ description, request, successMessage, submitVariant, ...trigger }: ConfirmDialogProps<Result>) => (
  <ActionDialog {...trigger}>
    {(dialog) => (
      <ConfirmForm
        {...dialog}
        description={description}
        request={request}
        successMessage={successMessage}
        submitLabel={trigger.label}
        submitVariant={submitVariant}
      />
    )}
  </ActionDialog>
);
