import { Checkbox, Field, Flex, Grid, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import type { DialogFormProps } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';

type ReasonValues = Omit<CancellationReason, 'documentId'>;
const FLAGS = ['appliesToCancel', 'appliesToSuspend', 'active'] as const;
/** The server's limit (controllers/validation/settings.ts): a longer label is refused, never cut. */
const MAX_LABEL = 255;

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
  return Object.fromEntries(Object.entries(editable).filter(([key, value]) => reason[key as keyof ReasonValues] !== value));
};

export interface ReasonFormProps extends DialogFormProps {
  /** null: a new reason. */
  reason: CancellationReason | null;
}

/** Create or edit a cancellation reason. */
export const ReasonForm = ({ reason, ...dialog }: ReasonFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.reasons.${id}`), defaultMessage });
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: initialValues(reason),
    validate: ({ code, label }) => ({
      code: code.trim() ? undefined : formatMessage(commonMessages.required),
      label: !label.trim()
        ? formatMessage(commonMessages.required)
        : label.trim().length > MAX_LABEL
          ? formatMessage(
              { id: getTranslation('settings.reasons.error.labelTooLong'), defaultMessage: 'At most {max} characters: {count} now.' },
              { max: MAX_LABEL, count: label.trim().length },
            )
          : undefined,
    }),
    // A new reason's body already holds the trimmed code and label; naming them again types them as required.
    request: (current) =>
      reason
        ? api.reasons.update(reason.documentId, requestBody(current, reason))
        : api.reasons.create({ code: current.code.trim(), label: current.label.trim(), ...requestBody(current, null) }),
    successMessage: ({ data }) =>
      formatMessage({ id: getTranslation('settings.reasons.saved'), defaultMessage: 'Reason "{label}" saved.' }, { label: data.label }),
  });

  const flagLabels: Record<(typeof FLAGS)[number], string> = {
    appliesToCancel: t('field.appliesToCancel', 'Applies to cancellations'),
    appliesToSuspend: t('field.appliesToSuspend', 'Applies to suspensions'),
    active: t('field.active', 'Active (offered in the dialogs)'),
  };

  return (
    <ActionForm {...form}>
      <Grid.Root gap={5}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root
            name="code"
            required
            error={fieldError('code')}
            hint={
              reason
                ? t('hint.codeLocked', 'Entitlements and the audit trail refer to this code: it never changes.')
                : t('hint.code', 'lower_snake_case, for example contract_breach.')
            }
          >
            <Field.Label>{t('field.code', 'Code')}</Field.Label>
            <TextInput
              value={values.code}
              disabled={reason !== null}
              maxLength={64}
              onChange={(event) => set('code', event.target.value)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root
            name="label"
            required
            error={fieldError('label')}
            hint={formatMessage(
              { id: getTranslation('settings.reasons.hint.labelCount'), defaultMessage: '{count} of {max} characters' },
              { count: values.label.trim().length, max: MAX_LABEL },
            )}
          >
            <Field.Label>{t('field.label', 'Label')}</Field.Label>
            <TextInput value={values.label} onChange={(event) => set('label', event.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Flex direction="column" alignItems="flex-start" gap={3}>
        {FLAGS.map((key) => (
          <Checkbox key={key} name={key} checked={values[key]} onCheckedChange={(checked) => set(key, checked === true)}>
            {flagLabels[key]}
          </Checkbox>
        ))}
      </Flex>
    </ActionForm>
  );
};
