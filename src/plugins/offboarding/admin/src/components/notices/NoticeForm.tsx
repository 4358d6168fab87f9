import * as React from 'react';
import { Box, Button, Divider, Field, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { NoticeTemplate } from '../../../../shared/contracts/notices';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import type { DialogFormProps } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { NoticePreview } from './NoticePreview';
import { insertVariable, unknownVariables } from './noticeVariables';

type Target = 'subject' | 'body';

export interface NoticeFormProps extends DialogFormProps {
  template: NoticeTemplate;
}

/** Edit a notice's subject and body, with its variables to insert, a reset to the built-in text and a preview. */
export const NoticeForm = ({ template, onDone, onClose }: NoticeFormProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.notices.${id}`), defaultMessage });
  const unknown = (text: string) => {
    const names = unknownVariables(text, template.variables);
    return names.length
      ? formatMessage(
          { id: getTranslation('settings.notices.error.unknownVariable'), defaultMessage: 'Not a variable of this notice: {names}' },
          { names: names.join(', ') },
        )
      : undefined;
  };
  const { values, set, fieldError, form } = useActionForm({
    initialValues: { subject: template.subject, body: template.body },
    validate: ({ subject, body }) => ({
      subject: subject.trim() ? unknown(subject) : formatMessage(commonMessages.required),
      body: body.trim() ? unknown(body) : formatMessage(commonMessages.required),
    }),
    request: ({ subject, body }) => api.notices.update(template.key, { subject, body }),
    successMessage: t('saved', 'Notice saved.'),
    onDone: () => onDone(),
    onClose,
  });
  const reset = useApiAction();
  const inputs = { subject: React.useRef<HTMLInputElement>(null), body: React.useRef<HTMLTextAreaElement>(null) };
  const [target, setTarget] = React.useState<Target>('body');
  const variablesId = React.useId();

  const insert = (variable: string) => {
    const element = inputs[target].current;
    const next = insertVariable(values[target], variable, element?.selectionStart ?? null, element?.selectionEnd ?? null);
    set(target, next.text);
    // Back to the field, the cursor after the placeholder, once React has written the new value.
    window.requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const resetToDefault = async () => {
    const result = await reset.run(api.notices.update(template.key, { reset: true }));
    if (!result.ok) return;
    toggleNotification({ type: 'success', message: t('reset.done', 'Notice back to the built-in text.') });
    onDone();
  };

  return (
    <ActionForm
      {...form}
      description={t('description', "Sent to the organization's owners and its contact address. Placeholders are replaced when it is sent.")}
    >
      <Field.Root name="subject" required error={fieldError('subject')}>
        <Field.Label>{t('field.subject', 'Subject')}</Field.Label>
        <TextInput
          ref={inputs.subject}
          value={values.subject}
          maxLength={255}
          onFocus={() => setTarget('subject')}
          onChange={(event) => set('subject', event.target.value)}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root name="body" required error={fieldError('body')}>
        <Field.Label>{t('field.body', 'Body')}</Field.Label>
        <Textarea
          ref={inputs.body}
          value={values.body}
          style={{ minHeight: '14rem' }}
          onFocus={() => setTarget('body')}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set('body', event.target.value)}
        />
        <Field.Error />
      </Field.Root>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600" id={variablesId}>
          {t('variables', 'Variables (click to insert)')}
        </Typography>
        <Flex gap={2} wrap="wrap" role="group" aria-labelledby={variablesId}>
          {template.variables.map((variable) => (
            <Button key={variable} variant="tertiary" size="S" onClick={() => insert(variable)} style={{ fontFamily: 'monospace' }}>
              {`{{${variable}}}`}
            </Button>
          ))}
        </Flex>
      </Flex>
      {template.customized ? (
        <Flex justifyContent="space-between" alignItems="center" gap={2}>
          <Typography variant="pi" textColor="neutral600">
            {t('reset.description', 'This notice differs from the built-in text.')}
          </Typography>
          <Button variant="danger-light" size="S" loading={reset.isSubmitting} onClick={() => void resetToDefault()}>
            {t('reset', 'Reset to default')}
          </Button>
        </Flex>
      ) : null}
      <Divider />
      <Box>
        <Typography tag="h3" variant="delta">
          {t('preview.heading', 'Preview')}
        </Typography>
      </Box>
      <NoticePreview noticeKey={template.key} subject={values.subject} body={values.body} />
    </ActionForm>
  );
};
