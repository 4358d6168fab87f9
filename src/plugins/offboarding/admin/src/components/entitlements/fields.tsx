import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelTiming } from '../../../../shared/contracts/constants';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { commonMessages } from '../common/messages';
import type { ActionFormState } from '../common/useActionForm';
import { OptionGroup, type Option } from './OptionGroup';

/** The active reasons an admin may pick for a cancellation or a suspension. */
export const useReasonOptions = (appliesTo: 'cancel' | 'suspend') => {
  const query = useApiQuery(api.reasons.list({ active: true, appliesTo }));
  const options = (query.data?.data ?? []).filter(
    (reason) => reason.active && (appliesTo === 'cancel' ? reason.appliesToCancel : reason.appliesToSuspend),
  );
  return { options, error: query.error, isLoading: query.isLoading && !query.data };
};

export type ReasonOptions = ReturnType<typeof useReasonOptions>;

/** The reason of a cancellation or a suspension, picked from the settings' reasons (a cancellation's by default). */
export const ReasonField = ({
  reasons,
  label,
  placeholder,
  value,
  onChange,
  error,
  required = false,
  clearLabel,
}: {
  reasons: { options: CancellationReason[]; error: string | null; isLoading: boolean };
  label?: string;
  placeholder?: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
  /** An optional reason can be cleared back to the default. */
  clearLabel?: string;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name="reason" required={required} error={error ?? reasons.error ?? undefined}>
      <Field.Label>{label ?? formatMessage({ id: getTranslation('entitlement.cancel.reason'), defaultMessage: 'Reason' })}</Field.Label>
      <SingleSelect
        value={value}
        onChange={(next) => onChange(String(next))}
        onClear={clearLabel ? () => onChange('') : undefined}
        clearLabel={clearLabel}
        loading={reasons.isLoading}
        placeholder={
          placeholder ?? formatMessage({ id: getTranslation('entitlement.cancel.reason.placeholder'), defaultMessage: 'Choose a reason' })
        }
        disabled={!reasons.isLoading && !reasons.options.length}
      >
        {reasons.options.map((reason) => (
          <SingleSelectOption key={reason.code} value={reason.code}>
            {reason.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};

/** Free text kept with the audit event. */
export const NotesField = ({
  value,
  onChange,
  error,
  label,
  hint,
}: {
  value: string;
  onChange: (notes: string) => void;
  error?: string;
  label?: string;
  hint?: string;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name="notes" error={error} hint={hint ?? formatMessage(commonMessages.notesHint)}>
      <Field.Label>{label ?? formatMessage(commonMessages.notes)}</Field.Label>
      <Textarea value={value} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/**
 * What every cancellation asks, one entitlement or all of them: the reason (required), notes for
 * the audit trail, and when it takes effect.
 */
export const CancellationFields = ({
  reasons,
  field,
  timings,
}: {
  reasons: ReasonOptions;
  field: ActionFormState<{ reason: string; notes: string; timing: CancelTiming }>['field'];
  timings: Option<CancelTiming>[];
}) => {
  const { formatMessage } = useIntl();
  return (
    <>
      <ReasonField reasons={reasons} {...field('reason')} required />
      <NotesField {...field('notes')} />
      <OptionGroup<CancelTiming>
        label={formatMessage({ id: getTranslation('entitlement.cancel.timing'), defaultMessage: 'When' })}
        {...field('timing')}
        options={timings}
      />
    </>
  );
};
