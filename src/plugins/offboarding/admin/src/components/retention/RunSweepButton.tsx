import { Play } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { SweepName } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';

/** Run now: asks first (a purge sweep deletes data for good), then works the sweep's due items at once and says what it did. */
export const RunSweepButton = ({ name, label, onRan }: { name: SweepName; label: string; onRan: () => void }) => {
  const { formatMessage } = useIntl();
  const runLabel = formatMessage({ id: getTranslation('retention.jobs.run'), defaultMessage: 'Run now' });
  return (
    <ActionDialog
      label={runLabel}
      title={formatMessage({ id: getTranslation('retention.jobs.runLabel'), defaultMessage: 'Run now: {sweep}' }, { sweep: label })}
      size="S"
      startIcon={<Play />}
      onDone={onRan}
    >
      {(dialog) => <RunSweepForm {...dialog} name={name} label={label} submitLabel={runLabel} />}
    </ActionDialog>
  );
};

const RunSweepForm = ({
  name,
  label,
  submitLabel,
  onClose,
  onDone,
}: {
  name: SweepName;
  label: string;
  submitLabel: string;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { formatMessage } = useIntl();
  const { form } = useActionForm({
    initialValues: {},
    request: () => api.jobs.run(name),
    successMessage: ({ data: sweep }) =>
      sweep.skipped ??
      formatMessage(
        {
          id: getTranslation('retention.jobs.ran'),
          defaultMessage:
            '{sweep}: {processed, plural, =0 {nothing was due} one {# item processed} other {# items processed}} ({performed} done, {noop} unchanged, {failed} failed).',
        },
        { sweep: label, processed: sweep.processed, performed: sweep.performed, noop: sweep.noop, failed: sweep.failed },
      ),
    onDone,
    onClose,
  });
  const purge = name === 'purge';
  return (
    <ActionForm
      {...form}
      description={
        purge
          ? formatMessage({
              id: getTranslation('retention.jobs.run.confirmPurge'),
              defaultMessage:
                'Every organization due for purge is deleted now, for good: its data cannot be brought back. Organizations on legal hold are kept.',
            })
          : formatMessage({
              id: getTranslation('retention.jobs.run.confirm'),
              defaultMessage: 'The sweep works every item that is due now, as it would on its schedule.',
            })
      }
      submitLabel={submitLabel}
      submitVariant={purge ? 'danger' : 'default'}
    />
  );
};
