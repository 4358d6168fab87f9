import * as React from 'react';
import { Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SuspendRequest } from '../../../../shared/contracts/api';
import type { SuspensionReason } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ActionFooter, ActionModal, InlineError } from './ActionModal';
import { entitlementLabel } from './format';
import { actionMessages, commonMessages } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementDialogProps, EntitlementFormProps } from './types';
import { useSubmitAction } from './useSubmitAction';

const messages = {
  kind: { id: getTranslation('entitlement.suspend.kind'), defaultMessage: 'Why' },
  nonPayment: { id: getTranslation('entitlement.suspend.kind.non_payment'), defaultMessage: 'Non-payment' },
  nonPaymentHint: {
    id: getTranslation('entitlement.suspend.kind.non_payment.hint'),
    defaultMessage: 'Unless resumed, it is cancelled for payment failure after the {days}-day grace period of its policy.',
  },
  manual: { id: getTranslation('entitlement.suspend.kind.manual'), defaultMessage: 'Manual' },
  manualHint: { id: getTranslation('entitlement.suspend.kind.manual.hint'), defaultMessage: 'Stays suspended until someone resumes it.' },
  reasonCode: { id: getTranslation('entitlement.suspend.reasonCode'), defaultMessage: 'Reason (optional)' },
  reasonCodeDefault: { id: getTranslation('entitlement.suspend.reasonCode.default'), defaultMessage: 'Default: {reason}' },
  clearReason: { id: getTranslation('entitlement.suspend.reasonCode.clear'), defaultMessage: 'Use the default reason' },
  success: { id: getTranslation('entitlement.suspend.success'), defaultMessage: 'Entitlement suspended.' },
};

const REASON_QUERY = { active: true, appliesTo: 'suspend' } as const;

/** The reason the server records when none is chosen. */
const DEFAULT_REASON_CODE: Record<SuspensionReason, string> = { non_payment: 'payment_failure', manual: 'other' };

export const SuspendForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const reasons = useApiQuery(api.reasons.list(REASON_QUERY));
  const reasonOptions = (reasons.data?.data ?? []).filter((reason) => reason.active && reason.appliesToSuspend);
  const [kind, setKind] = React.useState<SuspensionReason>('non_payment');
  const [reasonCode, setReasonCode] = React.useState('');
  const [notes, setNotes] = React.useState('');
  const { submit, error, isSubmitting } = useSubmitAction(onDone);

  const defaultCode = DEFAULT_REASON_CODE[kind];
  const defaultLabel = reasonOptions.find((reason) => reason.code === defaultCode)?.label ?? defaultCode;

  const confirm = () => {
    const trimmed = notes.trim();
    const body: SuspendRequest = { reason: kind, ...(reasonCode ? { reasonCode } : {}), ...(trimmed ? { notes: trimmed } : {}) };
    void submit(api.entitlements.suspend(entitlement.documentId, body), formatMessage(messages.success));
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Typography textColor="neutral700">
            {formatMessage(commonMessages.subject, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
          </Typography>
          <OptionGroup<SuspensionReason>
            label={formatMessage(messages.kind)}
            value={kind}
            onChange={setKind}
            options={[
              {
                value: 'non_payment',
                label: formatMessage(messages.nonPayment),
                hint: formatMessage(messages.nonPaymentHint, { days: entitlement.policy.settings.gracePeriodDays }),
              },
              { value: 'manual', label: formatMessage(messages.manual), hint: formatMessage(messages.manualHint) },
            ]}
          />
          <InlineError message={reasons.error} />
          <Field.Root name="reasonCode">
            <Field.Label>{formatMessage(messages.reasonCode)}</Field.Label>
            <SingleSelect
              value={reasonCode}
              onChange={(next) => setReasonCode(String(next))}
              onClear={() => setReasonCode('')}
              clearLabel={formatMessage(messages.clearReason)}
              placeholder={formatMessage(messages.reasonCodeDefault, { reason: defaultLabel })}
              disabled={!reasonOptions.length}
            >
              {reasonOptions.map((reason) => (
                <SingleSelectOption key={reason.code} value={reason.code}>
                  {reason.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="notes" hint={formatMessage(commonMessages.notesHint)}>
            <Field.Label>{formatMessage(commonMessages.notes)}</Field.Label>
            <Textarea value={notes} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNotes(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter onClose={onClose} onConfirm={confirm} confirmLabel={formatMessage(actionMessages.suspend)} loading={isSubmitting} />
    </>
  );
};

export const SuspendDialog = ({ open, onOpenChange, ...props }: EntitlementDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <ActionModal open={open} onOpenChange={onOpenChange} title={formatMessage(actionMessages.suspend)}>
      <SuspendForm {...props} onClose={() => onOpenChange(false)} />
    </ActionModal>
  );
};
