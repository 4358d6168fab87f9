import * as React from 'react';
import { Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CHECKLIST_TEXT_MAX } from '../../../../shared/contracts/checklist';
import { getTranslation } from '../../utils/translations';

export type StepDialogKind = 'complete' | 'skip';

interface StepDialogProps {
  kind: StepDialogKind;
  stepTitle: string;
  isSubmitting: boolean;
  /** The API's refusal of the last attempt, shown as it is. */
  error: string | null;
  /** The note (complete, optional) or the reason (skip, required), trimmed. */
  onConfirm: (text: string) => void;
  onClose: () => void;
}

/**
 * Confirms a step: "Mark as done" with an optional note, or "Skip" with a required reason.
 * Stays open on a refusal so the admin reads the API's message where they acted.
 */
export const StepDialog = ({ kind, stepTitle, isSubmitting, error, onConfirm, onClose }: StepDialogProps) => {
  const { formatMessage } = useIntl();
  const [text, setText] = React.useState('');
  const skipping = kind === 'skip';
  const blank = text.trim() === '';

  const title = skipping
    ? formatMessage({ id: getTranslation('checklist.dialog.skip.title'), defaultMessage: 'Skip "{step}"' }, { step: stepTitle })
    : formatMessage({ id: getTranslation('checklist.dialog.complete.title'), defaultMessage: 'Mark "{step}" as done' }, { step: stepTitle });
  const label = skipping
    ? formatMessage({ id: getTranslation('checklist.dialog.skip.reason'), defaultMessage: 'Reason' })
    : formatMessage({ id: getTranslation('checklist.dialog.complete.note'), defaultMessage: 'Note (optional)' });
  const hint = skipping
    ? formatMessage({
        id: getTranslation('checklist.dialog.skip.hint'),
        defaultMessage: 'Required: the audit trail keeps why this step was passed over.',
      })
    : formatMessage({ id: getTranslation('checklist.dialog.complete.hint'), defaultMessage: 'Kept with the step and in the audit trail.' });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (skipping && blank) return;
    onConfirm(text.trim());
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && !isSubmitting && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={formatMessage({ id: getTranslation('checklist.dialog.close'), defaultMessage: 'Close' })}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={3} width="100%">
              <Field.Root name={skipping ? 'reason' : 'note'} required={skipping} hint={hint}>
                <Field.Label>{label}</Field.Label>
                <Textarea value={text} maxLength={CHECKLIST_TEXT_MAX} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
                <Field.Hint />
              </Field.Root>
              {error ? (
                <Typography role="alert" variant="pi" textColor="danger600">
                  {error}
                </Typography>
              ) : null}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" disabled={isSubmitting}>
                {formatMessage({ id: getTranslation('checklist.dialog.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Modal.Close>
            <Button type="submit" variant={skipping ? 'secondary' : 'default'} loading={isSubmitting} disabled={skipping && blank}>
              {skipping
                ? formatMessage({ id: getTranslation('checklist.dialog.skip.confirm'), defaultMessage: 'Skip step' })
                : formatMessage({ id: getTranslation('checklist.action.complete'), defaultMessage: 'Mark as done' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
