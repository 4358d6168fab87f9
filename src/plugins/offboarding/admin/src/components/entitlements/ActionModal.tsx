import * as React from 'react';
import { Box, Button, Modal, Typography, type ButtonProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { commonMessages } from './messages';

/**
 * The frame of every action dialog on the plugin's own pages. A form renders its own
 * Modal.Body and Modal.Footer, so the same form also fits the Content Manager's modal,
 * which supplies the frame and the title itself.
 */
export const ActionModal = ({
  open,
  onOpenChange,
  title,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: React.ReactNode;
}) => (
  <Modal.Root open={open} onOpenChange={onOpenChange}>
    <Modal.Content>
      <Modal.Header>
        <Modal.Title>{title}</Modal.Title>
      </Modal.Header>
      {children}
    </Modal.Content>
  </Modal.Root>
);

/** An API refusal, shown as the API worded it. */
export const InlineError = ({ message }: { message: string | null }) =>
  message ? (
    <Box role="alert" background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" hasRadius padding={3}>
      <Typography textColor="danger700">{message}</Typography>
    </Box>
  ) : null;

export const ActionFooter = ({
  onClose,
  onConfirm,
  confirmLabel,
  disabled,
  loading,
  variant = 'default',
}: {
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  disabled?: boolean;
  loading?: boolean;
  variant?: ButtonProps['variant'];
}) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Footer>
      <Button variant="tertiary" onClick={onClose}>
        {formatMessage(commonMessages.dismiss)}
      </Button>
      <Button variant={variant} onClick={onConfirm} disabled={disabled || loading} loading={loading}>
        {confirmLabel}
      </Button>
    </Modal.Footer>
  );
};
