import * as React from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CHECKLIST_REOPEN_REASON_MAX, type ChecklistStepKey } from '../../../../shared/contracts/checklist';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import type { DialogFormProps } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';

interface ReopenStepFormProps extends DialogFormProps {
  organizationId: string;
  step: ChecklistStepKey;
}

/** Reopens a done or skipped step, and every later one, with a required reason. */
export const ReopenStepForm = ({ organizationId, step, ...dialog }: ReopenStepFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`checklist.dialog.reopen.${id}`), defaultMessage }, values);
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { reason: '' },
    validate: ({ reason }) => ({
      reason: !reason.trim()
        ? t('required', 'Say why this step is reopened.')
        : reason.length > CHECKLIST_REOPEN_REASON_MAX
          ? t('tooLong', 'At most {max} characters.', { max: CHECKLIST_REOPEN_REASON_MAX })
          : undefined,
    }),
    request: ({ reason }) => api.organizations.checklist.reopen(organizationId, step, { reason: reason.trim() }),
    successMessage: formatMessage({ id: getTranslation('checklist.reopened'), defaultMessage: 'Step reopened' }),
  });

  return (
    <ActionForm {...form} submitLabel={t('confirm', 'Reopen step')} submitVariant="secondary">
      <Field.Root
        name="reason"
        required
        error={fieldError('reason')}
        hint={t('hint', 'This step and every later one go back to pending. The audit trail keeps the reason.')}
      >
        <Field.Label>{t('reason', 'Reason')}</Field.Label>
        <Textarea
          value={values.reason}
          maxLength={CHECKLIST_REOPEN_REASON_MAX}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set('reason', e.target.value)}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </ActionForm>
  );
};
