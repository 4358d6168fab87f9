import * as React from 'react';
import { Box, DateTimePicker, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelRequest } from '../../../../shared/contracts/api';
import type { CancelTiming, RefundMode } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { ActionFooter, ActionModal, InlineError } from './ActionModal';
import { CancelPreviewPanel } from './CancelPreviewPanel';
import { refundAvailability, timingAvailability } from './cancelOptions';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, commonMessages, refundModeMessages } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementDialogProps, EntitlementFormProps } from './types';
import { useCancelPreview } from './useCancelPreview';
import { useSubmitAction } from './useSubmitAction';

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
  // The picker appends "date" or "time" to this label.
  clearDate: { id: getTranslation('entitlement.cancel.date.clear'), defaultMessage: 'Clear' },
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

const REASON_QUERY = { active: true, appliesTo: 'cancel' } as const;

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
  const reasons = useApiQuery(api.reasons.list(REASON_QUERY));
  const reasonOptions = (reasons.data?.data ?? []).filter((reason) => reason.active && reason.appliesToCancel);
  const [values, setValues] = React.useState<Values>({
    reason: '',
    notes: '',
    timing: 'immediate',
    effectiveAt: undefined,
    refund: 'none',
    prorateAsOf: undefined,
  });
  const [showErrors, setShowErrors] = React.useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((previous) => ({ ...previous, [key]: value }));

  // "Now" for the form's own hints; the server decides with its clock and says so in the preview.
  const now = React.useMemo(() => new Date(), []);
  const timings = timingAvailability(intl, entitlement, now);
  const refunds = refundAvailability(intl, entitlement);

  // The figures do not depend on the reason, so the preview runs before one is chosen, with the
  // first active reason standing in (the server only checks that the reason exists).
  const previewReason = values.reason || reasonOptions[0]?.code;
  const previewRequest = abilities.canRead && previewReason ? toRequest(values, previewReason) : null;
  const preview = useCancelPreview(entitlement.documentId, previewRequest);
  let previewHint: string | null = null;
  if (!abilities.canRead) previewHint = formatMessage(messages.noPreviewPermission);
  else if (reasons.isLoading && !reasons.data) previewHint = formatMessage(commonMessages.loading);
  else if (!previewReason) previewHint = formatMessage(messages.noReasons);
  else if (values.timing === 'date' && !values.effectiveAt) previewHint = formatMessage(messages.effectiveAtRequired);

  const { submit, error, isSubmitting } = useSubmitAction(onDone);
  const reasonError = showErrors && !values.reason ? formatMessage(messages.reasonRequired) : undefined;
  const dateError = showErrors && values.timing === 'date' && !values.effectiveAt ? formatMessage(messages.effectiveAtRequired) : undefined;

  const confirm = () => {
    const request = values.reason ? toRequest(values, values.reason) : null;
    if (!request) {
      setShowErrors(true);
      return;
    }
    void submit(api.entitlements.cancel(entitlement.documentId, request), (updated) =>
      updated.status === 'cancelled' || !updated.cancelEffectiveAt
        ? formatMessage(messages.successNow)
        : formatMessage(messages.successLater, { date: formatDateTime(intl, updated.cancelEffectiveAt) }),
    );
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Typography textColor="neutral700">
            {formatMessage(commonMessages.subject, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
          </Typography>
          <InlineError message={reasons.error} />
          <Field.Root name="reason" required error={reasonError}>
            <Field.Label>{formatMessage(messages.reason)}</Field.Label>
            <SingleSelect
              value={values.reason}
              onChange={(next) => set('reason', String(next))}
              placeholder={formatMessage(messages.reasonPlaceholder)}
              disabled={!reasonOptions.length}
            >
              {reasonOptions.map((reason) => (
                <SingleSelectOption key={reason.code} value={reason.code}>
                  {reason.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
          <Field.Root name="notes" hint={formatMessage(commonMessages.notesHint)}>
            <Field.Label>{formatMessage(commonMessages.notes)}</Field.Label>
            <Textarea value={values.notes} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set('notes', event.target.value)} />
            <Field.Hint />
          </Field.Root>
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
            <Field.Root name="effectiveAt" required error={dateError}>
              <Field.Label>{formatMessage(messages.effectiveAt)}</Field.Label>
              <DateTimePicker
                value={values.effectiveAt ?? null}
                onChange={(date) => set('effectiveAt', date)}
                onClear={() => set('effectiveAt', undefined)}
                clearLabel={formatMessage(messages.clearDate)}
                minDate={now}
                dateLabel={formatMessage(messages.dateLabel)}
                timeLabel={formatMessage(messages.timeLabel)}
              />
              <Field.Error />
            </Field.Root>
          ) : null}
          <OptionGroup<RefundMode>
            label={formatMessage(messages.refund)}
            value={values.refund}
            onChange={(refund) => set('refund', refund)}
            options={(['none', 'prorated', 'full'] as const).map((mode) => ({
              value: mode,
              label: formatMessage(refundModeMessages[mode]),
              disabled: refunds[mode] !== null,
              hint: refunds[mode],
            }))}
          />
          {values.refund === 'prorated' ? (
            <Field.Root name="prorateAsOf" hint={formatMessage(messages.prorateAsOfHint)}>
              <Field.Label>{formatMessage(messages.prorateAsOf)}</Field.Label>
              <DateTimePicker
                value={values.prorateAsOf ?? null}
                onChange={(date) => set('prorateAsOf', date)}
                onClear={() => set('prorateAsOf', undefined)}
                clearLabel={formatMessage(messages.clearDate)}
                dateLabel={formatMessage(messages.dateLabel)}
                timeLabel={formatMessage(messages.timeLabel)}
              />
              <Field.Hint />
            </Field.Root>
          ) : null}
          <CancelPreviewPanel preview={preview.preview} error={preview.error} isLoading={preview.isLoading} hint={previewHint} />
          <Box>
            <InlineError message={error} />
          </Box>
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={confirm}
        confirmLabel={formatMessage(actionMessages.cancel)}
        loading={isSubmitting}
        variant="danger"
      />
    </>
  );
};

export const CancelEntitlementDialog = ({ open, onOpenChange, ...props }: EntitlementDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <ActionModal open={open} onOpenChange={onOpenChange} title={formatMessage(actionMessages.cancel)}>
      <CancelEntitlementForm {...props} onClose={() => onOpenChange(false)} />
    </ActionModal>
  );
};
