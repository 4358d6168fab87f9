import * as React from 'react';
import { useIntl } from 'react-intl';
import type { CancelRequest } from '../../../../shared/contracts/api';
import type { CancelTiming, RefundMode } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { labelMessages } from '../../hooks/useLabels';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { DateField, futureDateError } from '../common/DateField';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { CancelPreviewPanel } from './CancelPreviewPanel';
import { refundAvailability, timingAvailability } from './cancelOptions';
import { CancellationFields, useReasonOptions } from './fields';
import { entitlementLabel, formatDateTime, formatMinorUnits } from './format';
import { actionMessages, subjectMessage } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementFormProps } from './types';
import { useCancelPreview } from './useCancelPreview';

const messages = {
  noPreviewPermission: {
    id: getTranslation('entitlement.preview.forbidden'),
    defaultMessage: 'Your role does not allow previewing a cancellation.',
  },
};

interface Values {
  reason: string;
  notes: string;
  timing: CancelTiming;
  effectiveAt: Date | undefined;
  refund: RefundMode;
  prorateAsOf: Date | undefined;
}

/** The request body, or null while the chosen timing still lacks a date after now. */
const toRequest = (values: Values, reason: string): CancelRequest | null => {
  if (values.timing === 'date' && (!values.effectiveAt || values.effectiveAt.getTime() <= Date.now())) return null;
  const notes = values.notes.trim();
  return {
    reason,
    ...(notes ? { notes } : {}),
    timing: values.timing,
    ...(values.timing === 'date' && values.effectiveAt ? { effectiveAt: values.effectiveAt.toISOString() } : {}),
    refund: values.refund,
    ...(values.refund === 'prorated' && values.prorateAsOf ? { prorateAsOf: values.prorateAsOf.toISOString() } : {}),
  };
};

export const CancelEntitlementForm = ({ entitlement, organization, ...dialog }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`entitlement.cancel.${id}`), defaultMessage }, values);
  const { abilities } = usePermissions();
  const reasons = useReasonOptions('cancel');
  // The moment the preview on screen prorated from. A prorated refund counted "now" shrinks by
  // a cent every few minutes, so the cancellation is sent with the preview's own moment: the
  // customer is refunded exactly the amount the admin confirmed (an explicit date wins).
  const previewedAsOf = React.useRef<string | null>(null);
  const withPreviewedAsOf = (request: CancelRequest): CancelRequest =>
    request.refund === 'prorated' && !request.prorateAsOf && previewedAsOf.current ? { ...request, prorateAsOf: previewedAsOf.current } : request;
  // "Now" for the form's own hints; the server decides with its clock and says so in the preview.
  const now = React.useMemo(() => new Date(), []);
  const timings = timingAvailability(intl, entitlement, now);
  const refunds = refundAvailability(intl, entitlement);
  const { values, field, form } = useActionForm({
    ...dialog,
    // At the end of the period, as in every cancel dialog (docs/spec.md §6), when it has one.
    initialValues: {
      reason: '',
      notes: '',
      timing: timings.period_end === null ? 'period_end' : 'immediate',
      effectiveAt: undefined,
      refund: 'none',
      prorateAsOf: undefined,
    } as Values,
    validate: (current) => ({
      reason: current.reason ? undefined : t('reason.required', 'Choose the reason for the cancellation.'),
      effectiveAt: current.timing === 'date' ? futureDateError(intl, current.effectiveAt) : undefined,
      notes: current.notes.trim().length > 5000 ? t('notes.tooLong', 'Notes hold at most 5,000 characters.') : undefined,
    }),
    // validate has made sure the request exists.
    request: (current) => api.entitlements.cancel(entitlement.documentId, withPreviewedAsOf(toRequest(current, current.reason) as CancelRequest)),
    successMessage: ({ data: updated }) =>
      updated.status === 'cancelled' || !updated.cancelEffectiveAt
        ? t('success.now', 'Entitlement cancelled.')
        : t('success.later', 'Cancellation scheduled for {date}.', { date: formatDateTime(intl, updated.cancelEffectiveAt) }),
  });


  // The figures do not depend on the reason, so the preview runs before one is chosen, with the
  // first active reason standing in (the server only checks that the reason exists).
  const previewReason = values.reason || reasons.options[0]?.code;
  const previewRequest = abilities.canRead && previewReason ? toRequest(values, previewReason) : null;
  const preview = useCancelPreview(entitlement.documentId, previewRequest);
  // Only a preview of the request being confirmed (the same timing and refund mode) counts.
  previewedAsOf.current =
    !preview.isLoading && preview.preview?.refund?.mode === 'prorated' && values.refund === 'prorated' ? (preview.preview.refund.asOf ?? null) : null;
  let previewHint: string | null = null;
  if (!abilities.canRead) previewHint = formatMessage(messages.noPreviewPermission);
  else if (reasons.isLoading) previewHint = formatMessage(commonMessages.loading);
  else if (!previewReason)
    previewHint = t('reason.none', 'No active cancellation reason exists: add one under Settings › Cancellation reasons.');
  // The date field says what is wrong with the date: the preview only waits for it.
  else if (values.timing === 'date' && !previewRequest) previewHint = t('preview.waitingForDate', 'The preview follows once the date is set.');
  const refund = !preview.isLoading && !preview.error && !previewHint ? preview.preview?.refund : undefined;
  const submitLabel =
    refund && refund.mode === values.refund && refund.amount > 0
      ? t('submitRefund', 'Cancel and refund {amount}', { amount: formatMinorUnits(intl, refund.amount, refund.currency) })
      : formatMessage(actionMessages.cancel);

  return (
    <ActionForm
      {...form}
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      submitLabel={submitLabel}
      submitVariant="danger"
      aside={<CancelPreviewPanel preview={preview.preview} error={preview.error} isLoading={preview.isLoading} hint={previewHint} />}
    >
      <CancellationFields
        reasons={reasons}
        field={field}
        timings={[
          { value: 'immediate', label: t('timing.immediate', 'Immediately') },
          {
            value: 'period_end',
            label: t('timing.period_end', 'At end of period'),
            disabled: timings.period_end !== null,
            hint:
              timings.period_end ??
              (entitlement.currentPeriodEnd
                ? t('timing.periodEndsOn', 'The current period ends on {date}.', {
                    date: formatDateTime(intl, entitlement.currentPeriodEnd),
                  })
                : null),
          },
          { value: 'date', label: t('timing.date', 'On a date'), disabled: timings.date !== null, hint: timings.date },
        ]}
      />
      {values.timing === 'date' ? (
        <DateField {...field('effectiveAt')} name="effectiveAt" label={t('effectiveAt', 'Effective date')} required />
      ) : null}
      <OptionGroup<RefundMode>
        label={t('refund', 'Refund')}
        {...field('refund')}
        options={(['none', 'prorated', 'full'] as const).map((mode) => ({
          value: mode,
          label: formatMessage(labelMessages.refundMode[mode]),
          disabled: refunds[mode] !== null,
          hint: refunds[mode],
        }))}
      />
      {values.refund === 'prorated' ? (
        <DateField
          {...field('prorateAsOf')}
          name="prorateAsOf"
          label={t('prorateAsOf', 'Prorate as of (optional)')}
          hint={t('prorateAsOf.hint', 'By default the unused part of the period is counted from the effective date.')}
        />
      ) : null}
    </ActionForm>
  );
};
