import { Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionFooter, ActionModal, InlineError } from './ActionModal';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, commonMessages } from './messages';
import type { EntitlementDialogProps, EntitlementFormProps } from './types';
import { useSubmitAction } from './useSubmitAction';

const messages = {
  explanation: {
    id: getTranslation('entitlement.resume.explanation'),
    defaultMessage: 'The suspension is lifted and the entitlement becomes active again.',
  },
  grace: {
    id: getTranslation('entitlement.resume.grace'),
    defaultMessage: 'Without this, it would be cancelled for payment failure on {date}.',
  },
  success: { id: getTranslation('entitlement.resume.success'), defaultMessage: 'Entitlement resumed.' },
};

export const ResumeForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { submit, error, isSubmitting } = useSubmitAction(onDone);
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography textColor="neutral700">
            {formatMessage(commonMessages.subject, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
          </Typography>
          <Typography>{formatMessage(messages.explanation)}</Typography>
          {entitlement.graceEndsAt ? (
            <Typography textColor="neutral600">{formatMessage(messages.grace, { date: formatDateTime(intl, entitlement.graceEndsAt) })}</Typography>
          ) : null}
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={() => void submit(api.entitlements.resume(entitlement.documentId), formatMessage(messages.success))}
        confirmLabel={formatMessage(actionMessages.resume)}
        loading={isSubmitting}
      />
    </>
  );
};

export const ResumeDialog = ({ open, onOpenChange, ...props }: EntitlementDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <ActionModal open={open} onOpenChange={onOpenChange} title={formatMessage(actionMessages.resume)}>
      <ResumeForm {...props} onClose={() => onOpenChange(false)} />
    </ActionModal>
  );
};
