import { Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionFooter, ActionModal, InlineError } from './ActionModal';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, commonMessages, statusMessages } from './messages';
import type { EntitlementDialogProps, EntitlementFormProps } from './types';
import { useSubmitAction } from './useSubmitAction';

const messages = {
  explanation: {
    id: getTranslation('entitlement.undo.explanation'),
    defaultMessage: 'The cancellation planned for {date} is withdrawn and the entitlement returns to “{status}”.',
  },
  success: { id: getTranslation('entitlement.undo.success'), defaultMessage: 'Cancellation undone.' },
};

export const UndoCancellationForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { submit, error, isSubmitting } = useSubmitAction(onDone);
  // The server returns a suspended entitlement to "suspended", anything else to "active".
  const back = entitlement.previousStatus === 'suspended' ? 'suspended' : 'active';
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography textColor="neutral700">
            {formatMessage(commonMessages.subject, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
          </Typography>
          <Typography>
            {formatMessage(messages.explanation, {
              date: entitlement.cancelEffectiveAt ? formatDateTime(intl, entitlement.cancelEffectiveAt) : '—',
              status: formatMessage(statusMessages[back]),
            })}
          </Typography>
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={() => void submit(api.entitlements.undoCancel(entitlement.documentId), formatMessage(messages.success))}
        confirmLabel={formatMessage(actionMessages.undoCancel)}
        loading={isSubmitting}
      />
    </>
  );
};

export const UndoCancellationDialog = ({ open, onOpenChange, ...props }: EntitlementDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <ActionModal open={open} onOpenChange={onOpenChange} title={formatMessage(actionMessages.undoCancel)}>
      <UndoCancellationForm {...props} onClose={() => onOpenChange(false)} />
    </ActionModal>
  );
};
