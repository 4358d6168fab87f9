import { Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl, type IntlShape } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionFooter, ActionModal, InlineError } from './ActionModal';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, commonMessages } from './messages';
import type { EntitlementDialogProps, EntitlementFormProps } from './types';
import { useSubmitAction } from './useSubmitAction';

const messages = {
  explanation: {
    id: getTranslation('entitlement.reactivate.explanation'),
    defaultMessage: 'The entitlement becomes active again and its resources are provisioned anew. A billing period that ended meanwhile restarts now.',
  },
  cancelledAt: { id: getTranslation('entitlement.reactivate.cancelledAt'), defaultMessage: 'Cancelled on {date}.' },
  window: { id: getTranslation('entitlement.reactivate.window'), defaultMessage: 'Reactivation is possible until {date}.' },
  success: { id: getTranslation('entitlement.reactivate.success'), defaultMessage: 'Entitlement reactivated.' },
  refused: { id: getTranslation('entitlement.reactivate.refused'), defaultMessage: 'Reactivation is not allowed.' },
};

/** The server's refusal when the policy, the window or the organization forbids reactivation. */
export const reactivationRefusal = (intl: IntlShape, entitlement: EntitlementFormProps['entitlement']): string | null => {
  const { reactivation } = entitlement;
  if (!reactivation || reactivation.allowed) return null;
  return reactivation.refusal || intl.formatMessage(messages.refused);
};

export const ReactivateForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { submit, error, isSubmitting } = useSubmitAction(onDone);
  const refusal = reactivationRefusal(intl, entitlement);
  const until = entitlement.reactivation?.until;
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography textColor="neutral700">
            {formatMessage(commonMessages.subject, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
          </Typography>
          {entitlement.cancelledAt ? (
            <Typography textColor="neutral600">{formatMessage(messages.cancelledAt, { date: formatDateTime(intl, entitlement.cancelledAt) })}</Typography>
          ) : null}
          {refusal !== null ? (
            <InlineError message={refusal} />
          ) : (
            <>
              <Typography>{formatMessage(messages.explanation)}</Typography>
              {until ? <Typography textColor="neutral600">{formatMessage(messages.window, { date: formatDateTime(intl, until) })}</Typography> : null}
            </>
          )}
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={() => void submit(api.entitlements.reactivate(entitlement.documentId), formatMessage(messages.success))}
        confirmLabel={formatMessage(actionMessages.reactivate)}
        disabled={refusal !== null}
        loading={isSubmitting}
      />
    </>
  );
};

export const ReactivateDialog = ({ open, onOpenChange, ...props }: EntitlementDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <ActionModal open={open} onOpenChange={onOpenChange} title={formatMessage(actionMessages.reactivate)}>
      <ReactivateForm {...props} onClose={() => onOpenChange(false)} />
    </ActionModal>
  );
};
