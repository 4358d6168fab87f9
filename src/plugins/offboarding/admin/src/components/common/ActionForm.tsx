import * as React from 'react';
import { Box, Button, Flex, Modal, Typography, type ButtonProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ErrorAlert } from './ErrorAlert';
import { commonMessages } from './messages';

export interface ActionFormProps {
  /** What the action does (or whom it concerns), above the fields. */
  description?: React.ReactNode;
  /** The fields, if the action asks for more than a yes. */
  children?: React.ReactNode;
  /** What the confirmation would do (a refund preview): kept in view above the buttons, outside the scrolling fields. */
  aside?: React.ReactNode;
  /** Save, unless the action has a name of its own. */
  submitLabel?: string;
  submitVariant?: ButtonProps['variant'];
  /** From useActionForm. */
  onSubmit: () => void;
  error: string | null;
  isSubmitting: boolean;
  /** Closes the dialog without sending anything. */
  onClose: () => void;
}

/**
 * The body and footer of every action dialog, as a form: Enter or the submit button sends it,
 * and the API's refusal stays under the fields. It renders no frame, so the same form fits
 * the panel's ActionDialog and the Content Manager's modal (which supplies frame and title).
 */
export const ActionForm = ({
  description,
  children,
  aside,
  submitLabel,
  submitVariant = 'default',
  onSubmit,
  error,
  isSubmitting,
  onClose,
}: ActionFormProps) => {
  const { formatMessage } = useIntl();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {typeof description === 'string' ? <Typography textColor="neutral700">{description}</Typography> : description}
          {children}
          <ErrorAlert error={error} />
        </Flex>
      </Modal.Body>
      {aside ? (
        <Box paddingLeft={5} paddingRight={5} paddingTop={3} paddingBottom={3} borderColor="neutral150" borderStyle="solid" borderWidth="1px 0 0 0">
          {aside}
        </Box>
      ) : null}
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose} disabled={isSubmitting}>
          {formatMessage(commonMessages.dismiss)}
        </Button>
        <Button type="submit" variant={submitVariant} loading={isSubmitting}>
          {submitLabel ?? formatMessage(commonMessages.save)}
        </Button>
      </Modal.Footer>
    </form>
  );
};
