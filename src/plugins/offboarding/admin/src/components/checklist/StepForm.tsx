import * as React from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CHECKLIST_TEXT_MAX, type ChecklistStepKey } from '../../../../shared/contracts/checklist';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import type { DialogFormProps } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';

export type StepAction = 'complete' | 'skip';

interface StepFormProps extends DialogFormProps {
  kind: StepAction;
  organizationId: string;
  step: ChecklistStepKey;
}

/** Confirms a step: "Mark as done" with an optional note, or "Skip" with a required reason. */
export const StepForm = ({ kind, organizationId, step, ...dialog }: StepFormProps) => {
  const { formatMessage } = useIntl();
  const skipping = kind === 'skip';
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`checklist.dialog.${id}`), defaultMessage });
  const wording = skipping
    ? { label: t('skip.reason', 'Reason'), hint: t('skip.hint', 'Required: the audit trail keeps why this step was passed over.') }
    : { label: t('complete.note', 'Note (optional)'), hint: t('complete.hint', 'Kept with the step and in the audit trail.') };
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { text: '' },
    validate: ({ text }) => ({
      text: skipping && !text.trim() ? t('skip.required', 'Say why this step is skipped.') : undefined,
    }),
    request: ({ text }) =>
      skipping
        ? api.organizations.checklist.skip(organizationId, step, { reason: text.trim() })
        : api.organizations.checklist.complete(organizationId, step, { note: text.trim() === '' ? null : text.trim() }),
    successMessage: skipping
      ? formatMessage({ id: getTranslation('checklist.skipped'), defaultMessage: 'Step skipped' })
      : formatMessage({ id: getTranslation('checklist.completed'), defaultMessage: 'Step done' }),
  });

  return (
    <ActionForm
      {...form}
      submitLabel={
        skipping
          ? t('skip.confirm', 'Skip step')
          : formatMessage({ id: getTranslation('checklist.action.complete'), defaultMessage: 'Mark as done' })
      }
      submitVariant={skipping ? 'secondary' : 'default'}
    >
      <Field.Root name={skipping ? 'reason' : 'note'} required={skipping} error={fieldError('text')} hint={wording.hint}>
        <Field.Label>{wording.label}</Field.Label>
        <Textarea
          value={values.text}
          maxLength={CHECKLIST_TEXT_MAX}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set('text', e.target.value)}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </ActionForm>
  );
};
