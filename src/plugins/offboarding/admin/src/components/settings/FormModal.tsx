import * as React from 'react';
import { Button, Flex, Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/translations';
import { ApiErrorAlert } from '../organizations/ApiErrorAlert';

export interface FormModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What the API refused, as it said it (it is also raised as a notification). */
  error: string | null;
  isSubmitting: boolean;
  canSubmit: boolean;
  onSubmit: () => void;
  children: React.ReactNode;
}

/** Create / Edit form of a settings page. */
export const FormModal = ({
  open,
  onOpenChange,
  title,
  error,
  isSubmitting,
  canSubmit,
  onSubmit,
  children,
}: FormModalProps) => {
  const { formatMessage } = useIntl();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (canSubmit && !isSubmitting) onSubmit();
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => (isSubmitting ? undefined : onOpenChange(next))}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header
            closeLabel={formatMessage({ id: getTranslation('settings.form.close'), defaultMessage: 'Close' })}
          >
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={6}>
              <ApiErrorAlert error={error} />
              {children}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" disabled={isSubmitting}>
                {formatMessage({ id: getTranslation('settings.form.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Modal.Close>
            <Button type="submit" loading={isSubmitting} disabled={!canSubmit}>
              {formatMessage({ id: getTranslation('settings.form.save'), defaultMessage: 'Save' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
