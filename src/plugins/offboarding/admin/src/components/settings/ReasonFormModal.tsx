import * as React from 'react';
import { Checkbox, Field, Flex, Grid, TextInput } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { FormModal } from './FormModal';

type ReasonValues = Omit<CancellationReason, 'documentId'>;
const FLAGS = ['appliesToCancel', 'appliesToSuspend', 'active'] as const;

const initialValues = (reason: CancellationReason | null): ReasonValues =>
  reason
    ? {
        code: reason.code,
        label: reason.label,
        appliesToCancel: reason.appliesToCancel,
        appliesToSuspend: reason.appliesToSuspend,
        active: reason.active,
      }
    : { code: '', label: '', appliesToCancel: true, appliesToSuspend: false, active: true };

/** A new reason sends everything; an edit sends what changed (a code never changes). */
const requestBody = (values: ReasonValues, reason: CancellationReason | null): Partial<ReasonValues> => {
  const trimmed = { ...values, code: values.code.trim(), label: values.label.trim() };
  if (!reason) return trimmed;
  const { code: _code, ...editable } = trimmed;
  return Object.fromEntries(
    Object.entries(editable).filter(([key, value]) => reason[key as keyof ReasonValues] !== value),
  );
};

export interface ReasonFormModalProps {
  /** null: a new reason. */
  reason: CancellationReason | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit a cancellation reason. */
export const ReasonFormModal = ({ reason, onClose, onSaved }: ReasonFormModalProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { run, isSubmitting } = useApiAction();
  const [values, setValues] = React.useState<ReasonValues>(() => initialValues(reason));
  const [error, setError] = React.useState<string | null>(null);
  const body = requestBody(values, reason);
  const complete = values.code.trim().length > 0 && values.label.trim().length > 0;

  const flagLabels: Record<(typeof FLAGS)[number], string> = {
    appliesToCancel: formatMessage({
      id: getTranslation('settings.reasons.field.appliesToCancel'),
      defaultMessage: 'Applies to cancellations',
    }),
    appliesToSuspend: formatMessage({
      id: getTranslation('settings.reasons.field.appliesToSuspend'),
      defaultMessage: 'Applies to suspensions',
    }),
    active: formatMessage({
      id: getTranslation('settings.reasons.field.active'),
      defaultMessage: 'Active (offered in the dialogs)',
    }),
  };

  const submit = async () => {
    setError(null);
    // A new reason's body already holds the trimmed code and label; naming them again types them as required.
    const result = await run(
      reason
        ? api.reasons.update(reason.documentId, body)
        : api.reasons.create({ code: values.code.trim(), label: values.label.trim(), ...body }),
    );
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(
        { id: getTranslation('settings.reasons.saved'), defaultMessage: 'Reason "{label}" saved.' },
        { label: result.data.data.label },
      ),
    });
    onSaved();
    onClose();
  };

  return (
    <FormModal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={
        reason
          ? formatMessage(
              { id: getTranslation('settings.reasons.editTitle'), defaultMessage: 'Edit "{label}"' },
              { label: reason.label },
            )
          : formatMessage({
              id: getTranslation('settings.reasons.createTitle'),
              defaultMessage: 'Create a cancellation reason',
            })
      }
      error={error}
      isSubmitting={isSubmitting}
      canSubmit={complete && Object.keys(body).length > 0}
      onSubmit={submit}
    >
      <Grid.Root gap={5}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root
            name="code"
            required
            hint={
              reason
                ? formatMessage({
                    id: getTranslation('settings.reasons.hint.codeLocked'),
                    defaultMessage: 'Entitlements and the audit trail refer to this code: it never changes.',
                  })
                : formatMessage({
                    id: getTranslation('settings.reasons.hint.code'),
                    defaultMessage: 'lower_snake_case, for example contract_breach.',
                  })
            }
          >
            <Field.Label>
              {formatMessage({ id: getTranslation('settings.reasons.field.code'), defaultMessage: 'Code' })}
            </Field.Label>
            <TextInput
              value={values.code}
              disabled={reason !== null}
              maxLength={64}
              onChange={(event) => setValues((current) => ({ ...current, code: event.target.value }))}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="label" required>
            <Field.Label>
              {formatMessage({ id: getTranslation('settings.reasons.field.label'), defaultMessage: 'Label' })}
            </Field.Label>
            <TextInput
              value={values.label}
              maxLength={255}
              onChange={(event) => setValues((current) => ({ ...current, label: event.target.value }))}
            />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Flex direction="column" alignItems="flex-start" gap={3}>
        {FLAGS.map((key) => (
          <Checkbox
            key={key}
            name={key}
            checked={values[key]}
            onCheckedChange={(checked) => setValues((current) => ({ ...current, [key]: checked === true }))}
          >
            {flagLabels[key]}
          </Checkbox>
        ))}
      </Flex>
    </FormModal>
  );
};
