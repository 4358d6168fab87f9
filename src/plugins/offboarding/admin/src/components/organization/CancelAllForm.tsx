import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelAllRequest } from '../../../../shared/contracts/api';
import { CANCEL_TIMINGS, REFUND_MODES, type CancelTiming, type RefundMode } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { labelMessages, useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { DateField, futureDateError } from '../common/DateField';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { CancelAllPreviewPanel, formatTotals } from '../entitlements/CancelAllPreviewPanel';
import { CancellationFields, useReasonOptions } from '../entitlements/fields';
import { OptionGroup } from '../entitlements/OptionGroup';
import { useCancelAllPreview } from '../entitlements/useCancelAllPreview';
import { organizationActionMessages } from './actionMessages';
import type { OrganizationFormProps } from './types';

interface Values {
  reason: string;
  notes: string;
  timing: CancelTiming;
  effectiveAt: Date | undefined;
  refund: RefundMode;
}

/** The request body, or null while the chosen timing still lacks a date after now. */
const toRequest = ({ notes, timing, effectiveAt, refund }: Values, reason: string): CancelAllRequest | null => {
  if (timing === 'date' && (!effectiveAt || effectiveAt.getTime() <= Date.now())) return null;
  return {
    reason,
    notes: notes.trim() ? notes.trim() : null,
    timing,
    ...(timing === 'date' && effectiveAt ? { effectiveAt: effectiveAt.toISOString() } : {}),
    refund,
  };
};

/** Cancels every open entitlement with one reason, one timing and one refund mode, after a preview of each one's refund. */
export const CancelAllForm = ({ organization, ...dialog }: OrganizationFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`organization.cancelAll.${id}`), defaultMessage }, values);
  const labels = useLabels();
  const reasons = useReasonOptions('cancel');
  const cancellable = organization.entitlements.filter((e) => ['active', 'suspended', 'paused', 'prospect'].includes(e.status));
  const { values, field, form } = useActionForm({
    ...dialog,
    // At the end of the period, as in every cancel dialog.
    initialValues: { reason: '', notes: '', timing: 'period_end', effectiveAt: undefined, refund: 'none' } as Values,
    validate: (current) => ({
      reason: current.reason ? undefined : formatMessage(commonMessages.required),
      effectiveAt: current.timing === 'date' ? futureDateError(intl, current.effectiveAt) : undefined,
    }),
    // validate has made sure the request exists.
    request: (current) => api.organizations.cancelAll(organization.documentId, toRequest(current, current.reason) as CancelAllRequest),
    successMessage: t('success', 'Entitlements cancelled'),
  });

  // The figures do not depend on the reason: the first active one stands in until one is chosen.
  const previewReason = values.reason || reasons.options[0]?.code;
  const previewRequest = previewReason ? toRequest(values, previewReason) : null;
  const preview = useCancelAllPreview(organization.documentId, previewRequest);
  let hint: string | null = null;
  if (reasons.isLoading) hint = formatMessage(commonMessages.loading);
  else if (!previewReason) hint = t('noReason', 'No active cancellation reason exists: add one under Settings › Cancellation reasons.');
  else if (!previewRequest) hint = t('waitingForDate', 'The preview follows once the date is set.');
  const shown = !preview.isLoading && !preview.error && !hint ? preview.preview : null;
  const refunding = shown !== null && shown.totals.some((total) => total.amount > 0);

  const timingLabels: Record<CancelTiming, string> = {
    immediate: t('timing.immediate', 'Immediately'),
    period_end: t('timing.period_end', 'At the end of each billing period'),
    date: t('timing.date', 'On a date'),
  };

  return (
    <ActionForm
      {...form}
      description={t(
        'description',
        '{count, plural, one {# entitlement} other {# entitlements}} will be cancelled: {names}. A refund applies where the policy and the billing allow it; the preview shows each one.',
        {
          count: cancellable.length,
          names: cancellable.map((e) => `${e.name ?? labels.entitlementClass(e.class)} (${e.class})`).join(', '),
        },
      )}
      submitLabel={
        refunding && shown ? t('submitRefund', 'Cancel all and refund {amount}', { amount: formatTotals(intl, shown) }) : formatMessage(organizationActionMessages.cancelAll)
      }
      submitVariant="danger"
      aside={<CancelAllPreviewPanel preview={preview.preview} error={preview.error} isLoading={preview.isLoading} hint={hint} />}
    >
      <CancellationFields reasons={reasons} field={field} timings={CANCEL_TIMINGS.map((value) => ({ value, label: timingLabels[value] }))} />
      {values.timing === 'period_end' ? (
        <Typography variant="pi" textColor="neutral600">
          {t('periodEndHint', 'An entitlement without a current billing period is cancelled immediately.')}
        </Typography>
      ) : null}
      {values.timing === 'date' ? <DateField {...field('effectiveAt')} name="effectiveAt" label={t('effectiveAt', 'Effective date')} required /> : null}
      <OptionGroup<RefundMode>
        label={t('refund', 'Refund')}
        {...field('refund')}
        options={REFUND_MODES.map((mode) => ({ value: mode, label: formatMessage(labelMessages.refundMode[mode]) }))}
      />
    </ActionForm>
  );
};
