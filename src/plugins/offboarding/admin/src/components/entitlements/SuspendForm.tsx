import { useIntl } from 'react-intl';
import type { SuspensionReason } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { bindSchedule, ScheduleField, scheduleError, scheduledAt, scheduledMessage, type When } from '../common/ScheduleField';
import { useActionForm } from '../common/useActionForm';
import { NotesField, ReasonField, useReasonOptions } from './fields';
import { entitlementLabel } from './format';
import { actionMessages, subjectMessage } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementFormProps } from './types';

/** The reason the server records when none is chosen. */
const DEFAULT_REASON_CODE: Record<SuspensionReason, string> = { non_payment: 'payment_failure', manual: 'other' };

interface Values {
  kind: SuspensionReason;
  reasonCode: string;
  notes: string;
  when: When;
  effectiveAt: Date | undefined;
}

export const SuspendForm = ({ entitlement, organization, ...dialog }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`entitlement.suspend.${id}`), defaultMessage }, values);
  const reasons = useReasonOptions('suspend');
  const state = useActionForm({
    ...dialog,
    initialValues: { kind: 'non_payment', reasonCode: '', notes: '', when: 'now', effectiveAt: undefined } as Values,
    validate: (current) => ({ effectiveAt: scheduleError(intl, current.when, current.effectiveAt) }),
    request: ({ kind, reasonCode, notes, when, effectiveAt }) => {
      const at = scheduledAt(when, effectiveAt);
      return api.entitlements.suspend(entitlement.documentId, {
        reason: kind,
        ...(reasonCode ? { reasonCode } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(at ? { effectiveAt: at } : {}),
      });
    },
    successMessage: (answer) => scheduledMessage(intl, answer, t('success', 'Entitlement suspended.')),
  });
  const { values, field, form } = state;
  const defaultCode = DEFAULT_REASON_CODE[values.kind];
  const defaultLabel = reasons.options.find((reason) => reason.code === defaultCode)?.label ?? defaultCode;

  return (
    <ActionForm
      {...form}
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      submitLabel={formatMessage(actionMessages.suspend)}
    >
      <OptionGroup<SuspensionReason>
        label={t('kind', 'Why')}
        {...field('kind')}
        options={[
          {
            value: 'non_payment',
            label: t('kind.non_payment', 'Non-payment'),
            hint: t(
              'kind.non_payment.hint',
              'Unless resumed, it is cancelled for payment failure after the {days}-day grace period of its policy.',
              { days: entitlement.policy.settings.gracePeriodDays },
            ),
          },
          { value: 'manual', label: t('kind.manual', 'Manual'), hint: t('kind.manual.hint', 'Stays suspended until someone resumes it.') },
        ]}
      />
      <ReasonField
        reasons={reasons}
        label={t('reasonCode', 'Reason (optional)')}
        placeholder={t('reasonCode.default', 'Default: {reason}', { reason: defaultLabel })}
        {...field('reasonCode')}
        clearLabel={t('reasonCode.clear', 'Use the default reason')}
      />
      <NotesField {...field('notes')} />
      <ScheduleField {...bindSchedule(state, 'when', 'effectiveAt')} />
    </ActionForm>
  );
};
