import { Button } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { SweepName } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';

/** Run now: works the sweep's due items at once, and says what it did. */
export const RunSweepButton = ({ name, label, onRan }: { name: SweepName; label: string; onRan: () => void }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { run, isSubmitting } = useApiAction();

  const runNow = async () => {
    const result = await run(api.jobs.run(name));
    if (!result.ok) return;
    const sweep = result.data.data;
    toggleNotification(
      sweep.skipped
        ? { type: 'warning', message: sweep.skipped }
        : {
            type: 'success',
            message: formatMessage(
              {
                id: getTranslation('retention.jobs.ran'),
                defaultMessage:
                  '{sweep}: {processed, plural, =0 {nothing was due} one {# item processed} other {# items processed}} ({performed} done, {noop} unchanged, {failed} failed).',
              },
              {
                sweep: label,
                processed: sweep.processed,
                performed: sweep.performed,
                noop: sweep.noop,
                failed: sweep.failed,
              },
            ),
          },
    );
    onRan();
  };

  return (
    <Button
      variant="secondary"
      size="S"
      startIcon={<Play />}
      loading={isSubmitting}
      onClick={runNow}
      aria-label={formatMessage(
        { id: getTranslation('retention.jobs.runLabel'), defaultMessage: 'Run now: {sweep}' },
        { sweep: label },
      )}
    >
      {formatMessage({ id: getTranslation('retention.jobs.run'), defaultMessage: 'Run now' })}
    </Button>
  );
};
