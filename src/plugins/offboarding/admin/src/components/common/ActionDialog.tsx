import * as React from 'react';
import { Button, Modal, Tooltip, type ButtonProps } from '@strapi/design-system';

/** What the form inside the dialog receives: the same two callbacks the Content Manager's modal gives. */
export interface DialogFormProps {
  onClose: () => void;
  onDone: () => void;
}

export interface ActionDialogProps {
  /** The trigger's visible text, which is also its accessible name. */
  label: string;
  /** The dialog's title; the label when absent. */
  title?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  startIcon?: React.ReactNode;
  /** Why the current state forbids the action: the trigger is disabled and this is its tooltip. */
  disabledReason?: string | null;
  /** Another trigger than the button (an icon button in a table row). */
  renderTrigger?: (open: () => void) => React.ReactNode;
  /** After the server accepted the action (the dialog has closed). */
  onDone?: () => void;
  /**
   * When the dialog is closed without a success: the page may show a stale state (someone else
   * changed it, which is why a request was refused), so it can reload once the dialog is gone.
   */
  onDismiss?: () => void;
  /** The form; mounted while the dialog is open, so it starts afresh every time. */
  children: (props: DialogFormProps) => React.ReactNode;
}

/** The one action dialog of the panel: a trigger, the modal frame with its title, and a form inside. */
export const ActionDialog = ({
  label,
  title,
  variant = 'secondary',
  size,
  startIcon,
  disabledReason,
  renderTrigger,
  onDone,
  onDismiss,
  children,
}: ActionDialogProps) => {
  const [isOpen, setOpen] = React.useState(false);
  const open = () => setOpen(true);
  const dismiss = () => {
    setOpen(false);
    onDismiss?.();
  };
  const done = () => {
    setOpen(false);
    onDone?.();
  };

  const button = (
    <Button variant={variant} size={size} startIcon={startIcon} disabled={Boolean(disabledReason)} onClick={open}>
      {label}
    </Button>
  );
  let trigger: React.ReactNode = button;
  if (renderTrigger) trigger = renderTrigger(open);
  else if (disabledReason) {
    trigger = (
      <Tooltip label={disabledReason}>
        {/* A disabled button receives no pointer events: the wrapper carries the explanation. */}
        <span tabIndex={0} style={{ display: 'inline-flex' }}>
          {button}
        </span>
      </Tooltip>
    );
  }

  return (
    <>
      {trigger}
      <ActionModal title={title ?? label} isOpen={isOpen} onDismiss={dismiss} onDone={done}>
        {children}
      </ActionModal>
    </>
  );
};

export interface ActionModalProps {
  title: string;
  isOpen: boolean;
  /** Closed without a success (the form's dismiss button, Escape, the close icon). */
  onDismiss: () => void;
  /** The server accepted the action. */
  onDone: () => void;
  children: (props: DialogFormProps) => React.ReactNode;
}

/** The modal frame of every action dialog, opened by a button (ActionDialog) or a menu item (ActionsMenu). */
export const ActionModal = ({ title, isOpen, onDismiss, onDone, children }: ActionModalProps) => (
  <Modal.Root open={isOpen} onOpenChange={(next) => (next ? undefined : onDismiss())}>
    <Modal.Content>
      <Modal.Header>
        <Modal.Title>{title}</Modal.Title>
      </Modal.Header>
      {isOpen ? children({ onClose: onDismiss, onDone }) : null}
    </Modal.Content>
  </Modal.Root>
);
