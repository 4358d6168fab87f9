import * as React from 'react';
import { DateTimePicker, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelRequest } from '../../../../shared/contracts/api';
import type { CancelTiming, RefundMode } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { labelMessages } from '../../hooks/useLabels';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { CancelPreviewPanel } from './CancelPreviewPanel';
import { refundAvailability, timingAvailability } from './cancelOptions';
import { NotesField, ReasonField, useReasonOptions } from './fields';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, subjectMessage } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementFormProps } from './types';
import { useCancelPreview } from './useCancelPreview';

const messages = {
  reason: { id: getTranslation('entitlement.cancel.reason'), defaultMessage: 'Reason' },
  reasonPlaceholder: { id: getTranslation('entitlement.cancel.reason.placeholder'), defaultMessage: 'Choose a reason' },
  reasonRequired: { id: getTranslation('entitlement.cancel.reason.required'), defaultMessage: 'Choose the reason for the cancellation.' },
  noReasons: {
    id: getTranslation('entitlement.cancel.reason.none'),
    defaultMessage: 'No active cancellation reason exists: add one under Settings › Cancellation reasons.',
  },
  timing: { id: getTranslation('entitlement.cancel.timing'), defaultMessage: 'When' },
  immediate: { id: getTranslation('entitlement.cancel.timing.immediate'), defaultMessage: 'Immediately' },
  periodEnd: { id: getTranslation('entitlement.cancel.timing.period_end'), defaultMessage: 'At end of period' },
  periodEndsOn: { id: getTranslation('entitlement.cancel.timing.periodEndsOn'), defaultMessage: 'The current period ends on {date}.' },
  date: { id: getTranslation('entitlement.cancel.timing.date'), defaultMessage: 'On a date' },
  effectiveAt: { id: getTranslation('entitlement.cancel.effectiveAt'), defaultMessage: 'Effective date' },
  effectiveAtRequired: {
    id: getTranslation('entitlement.cancel.effectiveAt.required'),
    defaultMessage: 'Pick the date the cancellation takes effect.',
  },
  dateLabel: { id: getTranslation('entitlement.cancel.effectiveAt.date'), defaultMessage: 'Day' },
  timeLabel: { id: getTranslation('entitlement.cancel.effectiveAt.time'), defaultMessage: 'Time' },
  refund: { id: getTranslation('entitlement.cancel.refund'), defaultMessage: 'Refund' },
  prorateAsOf: { id: getTranslation('entitlement.cancel.prorateAsOf'), defaultMessage: 'Prorate as of (optional)' },
  prorateAsOfHint: {
    id: getTranslation('entitlement.cancel.prorateAsOf.hint'),
    defaultMessage: 'By default the unused part of the period is counted from the effective date.',
  },
  noPreviewPermission: {
    id: getTranslation('entitlement.preview.forbidden'),
    defaultMessage: 'Your role does not allow previewing a cancellation.',
  },
  successNow: { id: getTranslation('entitlement.cancel.success.now'), defaultMessage: 'Entitlement cancelled.' },
  successLater: { id: getTranslation('entitlement.cancel.success.later'), defaultMessage: 'Cancellation scheduled for {date}.' },
};

interface Values {
  reason: string;
  notes: string;
  timing: CancelTiming;
  effectiveAt: Date | undefined;
  refund: RefundMode;
  prorateAsOf: Date | undefined;
}

/** The request body, or null while the chosen timing still lacks its date. */
const toRequest = (values: Values, reason: string): CancelRequest | null => {
  if (values.timing === 'date' && !values.effectiveAt) return null;
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

export const CancelEntitlementForm = ({ entitlement, organization, onClose, onDone }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { abilities } = usePermissions();
  const reasons = useReasonOptions('cancel');
  const { values, set, fieldError, form } = useActionForm({
    initialValues: { reason: '', notes: '', timing: 'immediate', effectiveAt: undefined, refund: 'none', prorateAsOf: undefined } as Values,
    validate: (current) => ({
      reason: current.reason ? undefined : formatMessage(messages.reasonRequired),
      effectiveAt: current.timing === 'date' && !current.effectiveAt ? formatMessage(messages.effectiveAtRequired) : undefined,
    }),
    // validate has made sure the request exists.
    request: (current) => api.entitlements.cancel(entitlement.documentId, toRequest(current, current.reason) as CancelRequest),
    successMessage: ({ data: updated }) =>
      updated.status === 'cancelled' || !updated.cancelEffectiveAt
        ? formatMessage(messages.successNow)
        : formatMessage(messages.successLater, { date: formatDateTime(intl, updated.cancelEffectiveAt) }),
    onDone,
  });

  // "Now" for the form's own hints; the server decides with its clock and says so in the preview.
  const now = React.useMemo(() => new Date(), []);
  const timings = timingAvailability(intl, entitlement, now);
  const refunds = refundAvailability(intl, entitlement);

  // The figures do not depend on the reason, so the preview runs before one is chosen, with the
  // first active reason standing in (the server only checks that the reason exists).
  const previewReason = values.reason || reasons.options[0]?.code;
  const previewRequest = abilities.canRead && previewReason ? toRequest(values, previewReason) : null;
  const preview = useCancelPreview(entitlement.documentId, previewRequest);
  let previewHint: string | null = null;
  if (!abilities.canRead) previewHint = formatMessage(messages.noPreviewPermission);
  else if (reasons.isLoading) previewHint = formatMessage(commonMessages.loading);
  else if (!previewReason) previewHint = formatMessage(messages.noReasons);
  else if (values.timing === 'date' && !values.effectiveAt) previewHint = formatMessage(messages.effectiveAtRequired);

  const datePicker = (key: 'effectiveAt' | 'prorateAsOf', minDate?: Date) => (
    <DateTimePicker
      value={values[key] ?? null}
      onChange={(date) => set(key, date)}
      onClear={() => set(key, undefined)}
      clearLabel={formatMessage(commonMessages.clearDate)}
      minDate={minDate}
      dateLabel={formatMessage(messages.dateLabel)}
      timeLabel={formatMessage(messages.timeLabel)}
    />
  );

  return (
    <ActionForm
      {...form}
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      submitLabel={formatMessage(actionMessages.cancel)}
      submitVariant="danger"
      onClose={onClose}
    >
      <ReasonField
        reasons={reasons}
        label={formatMessage(messages.reason)}
        placeholder={formatMessage(messages.reasonPlaceholder)}
        value={values.reason}
        onChange={(reason) => set('reason', reason)}
        error={fieldError('reason')}
        required
      />
      <NotesField value={values.notes} onChange={(notes) => set('notes', notes)} />
      <OptionGroup<CancelTiming>
        label={formatMessage(messages.timing)}
        value={values.timing}
        onChange={(timing) => set('timing', timing)}
        options={[
          { value: 'immediate', label: formatMessage(messages.immediate) },
          {
            value: 'period_end',
            label: formatMessage(messages.periodEnd),
            disabled: timings.period_end !== null,
            hint:
              timings.period_end ??
              (entitlement.currentPeriodEnd
                ? formatMessage(messages.periodEndsOn, { date: formatDateTime(intl, entitlement.currentPeriodEnd) })
                : null),
          },
          { value: 'date', label: formatMessage(messages.date) },
        ]}
      />
      {values.timing === 'date' ? (
        <Field.Root name="effectiveAt" required error={fieldError('effectiveAt')}>
          <Field.Label>{formatMessage(messages.effectiveAt)}</Field.Label>
          {datePicker('effectiveAt', now)}
          <Field.Error />
        </Field.Root>
      ) : null}
      <OptionGroup<RefundMode>
        label={formatMessage(messages.refund)}
        value={values.refund}
        onChange={(refund) => set('refund', refund)}
        options={(['none', 'prorated', 'full'] as const).map((mode) => ({
          value: mode,
          label: formatMessage(labelMessages.refundMode[mode]),
          disabled: refunds[mode] !== null,
          hint: refunds[mode],
        }))}
      />
      {values.refund === 'prorated' ? (
        <Field.Root name="prorateAsOf" hint={formatMessage(messages.prorateAsOfHint)} error={fieldError('prorateAsOf')}>
          <Field.Label>{formatMessage(messages.prorateAsOf)}</Field.Label>
          {datePicker('prorateAsOf')}
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      ) : null}
      <CancelPreviewPanel preview={preview.preview} error={preview.error} isLoading={preview.isLoading} hint={previewHint} />
    </ActionForm>
  );
};
