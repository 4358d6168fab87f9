import { useIntl } from 'react-intl';
import type { SuspensionReason } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';
import { NotesField, ReasonField, useReasonOptions } from './fields';
import { entitlementLabel } from './format';
import { actionMessages, subjectMessage } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementFormProps } from './types';

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

/** The reason the server records when none is chosen. */
const DEFAULT_REASON_CODE: Record<SuspensionReason, string> = { non_payment: 'payment_failure', manual: 'other' };

interface Values {
  kind: SuspensionReason;
  reasonCode: string;
  notes: string;
}

export const SuspendForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const reasons = useReasonOptions('suspend');
  const { values, set, fieldError, form } = useActionForm({
    initialValues: { kind: 'non_payment', reasonCode: '', notes: '' } as Values,
    request: ({ kind, reasonCode, notes }) =>
      api.entitlements.suspend(entitlement.documentId, {
        reason: kind,
        ...(reasonCode ? { reasonCode } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    successMessage: () => formatMessage(messages.success),
    onDone,
  });
  const defaultCode = DEFAULT_REASON_CODE[values.kind];
  const defaultLabel = reasons.options.find((reason) => reason.code === defaultCode)?.label ?? defaultCode;

  return (
    <ActionForm
      {...form}
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      submitLabel={formatMessage(actionMessages.suspend)}
      onClose={onClose}
    >
      <OptionGroup<SuspensionReason>
        label={formatMessage(messages.kind)}
        value={values.kind}
        onChange={(kind) => set('kind', kind)}
        options={[
          {
            value: 'non_payment',
            label: formatMessage(messages.nonPayment),
            hint: formatMessage(messages.nonPaymentHint, { days: entitlement.policy.settings.gracePeriodDays }),
          },
          { value: 'manual', label: formatMessage(messages.manual), hint: formatMessage(messages.manualHint) },
        ]}
      />
      <ReasonField
        reasons={reasons}
        label={formatMessage(messages.reasonCode)}
        placeholder={formatMessage(messages.reasonCodeDefault, { reason: defaultLabel })}
        value={values.reasonCode}
        onChange={(reasonCode) => set('reasonCode', reasonCode)}
        error={fieldError('reasonCode')}
        clearLabel={formatMessage(messages.clearReason)}
      />
      <NotesField value={values.notes} onChange={(notes) => set('notes', notes)} />
    </ActionForm>
  );
};
