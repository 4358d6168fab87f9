import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { commonMessages } from '../common/messages';

/** The active reasons an admin may pick for a cancellation or a suspension. */
export const useReasonOptions = (appliesTo: 'cancel' | 'suspend') => {
  const query = useApiQuery(api.reasons.list({ active: true, appliesTo }));
  const options = (query.data?.data ?? []).filter(
    (reason) => reason.active && (appliesTo === 'cancel' ? reason.appliesToCancel : reason.appliesToSuspend),
  );
  return { options, error: query.error, isLoading: query.isLoading && !query.data };
};

export type ReasonOptions = ReturnType<typeof useReasonOptions>;

/** The reason of a cancellation or a suspension, picked from the settings' reasons. */
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
  label: string;
  placeholder: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
  /** An optional reason can be cleared back to the default. */
  clearLabel?: string;
}) => (
  <Field.Root name="reason" required={required} error={error ?? reasons.error ?? undefined}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value}
      onChange={(next) => onChange(String(next))}
      onClear={clearLabel ? () => onChange('') : undefined}
      clearLabel={clearLabel}
      loading={reasons.isLoading}
      placeholder={placeholder}
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

/** Free text kept with the audit event. */
export const NotesField = ({ value, onChange, label, hint }: { value: string; onChange: (notes: string) => void; label?: string; hint?: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name="notes" hint={hint ?? formatMessage(commonMessages.notesHint)}>
      <Field.Label>{label ?? formatMessage(commonMessages.notes)}</Field.Label>
      <Textarea value={value} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)} />
      <Field.Hint />
    </Field.Root>
  );
};
