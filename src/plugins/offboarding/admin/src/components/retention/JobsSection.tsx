import { Badge, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useLabels } from '../../hooks/useLabels';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { useFormat } from '../../hooks/useFormat';
import { RunSweepButton } from './RunSweepButton';
import { Section } from '../common/Section';

export interface JobsSectionProps {
  canSettings: boolean;
  refreshKey: number;
  onChanged: () => void;
}

/** The scheduled sweeps: what waits, what is due, what failed, who is working them (lease or claims). */
export const JobsSection = ({ canSettings, refreshKey, onChanged }: JobsSectionProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const jobs = useApiQuery(api.jobs.list());
  useRefetchOn(refreshKey, jobs.refetch);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`retention.jobs.${id}`), defaultMessage });

  return (
    <Section
      title={t('title', 'Scheduled jobs')}
      description={t(
        'description',
        'The sweeps run on their schedule, each task exactly once: on PostgreSQL and MySQL every instance takes a share of the due work, on SQLite one instance works a sweep at a time. Items missed while Strapi was down are caught up.',
      )}
    >
      <DataTable
        rows={jobs.data?.data}
        rowKey={(sweep) => sweep.name}
        status={jobs}
        emptyMessage={t('empty', 'No sweep is scheduled.')}
        columns={[
          {
            key: 'sweep',
            header: t('sweep', 'Sweep'),
            strong: true,
            cell: (sweep) => labels.sweep(sweep.name),
          },
          { key: 'pending', header: t('pending', 'Pending'), cell: (sweep) => formatNumber(sweep.pending) },
          { key: 'due', header: t('due', 'Due now'), cell: (sweep) => formatNumber(sweep.due) },
          {
            key: 'failed',
            header: t('failed', 'Failed'),
            cell: (sweep) => (sweep.failed > 0 ? <Badge variant="danger">{formatNumber(sweep.failed)}</Badge> : formatNumber(0)),
          },
          { key: 'nextDue', header: t('nextDue', 'Next due'), cell: (sweep) => format.dateTime(sweep.nextDueAt) },
          {
            key: 'lease',
            header: t('lease', 'Working'),
            cell: (sweep) =>
              sweep.lease?.holder
                ? formatMessage(
                    { id: getTranslation('retention.jobs.leaseHeld'), defaultMessage: '{holder} until {until}' },
                    { holder: sweep.lease.holder, until: format.dateTime(sweep.lease.expiresAt) },
                  )
                : sweep.claimed.tasks > 0
                  ? formatMessage(
                      {
                        id: getTranslation('retention.jobs.claimed'),
                        defaultMessage: '{tasks, plural, one {# task} other {# tasks}} claimed by {instances, plural, one {# instance} other {# instances}}',
                      },
                      { tasks: sweep.claimed.tasks, instances: sweep.claimed.instances },
                    )
                  : t('leaseFree', 'Idle'),
          },
          canSettings && {
            key: 'actions',
            header: t('actions', 'Actions'),
            cell: (sweep) => (
              <Flex>
                <RunSweepButton name={sweep.name} label={labels.sweep(sweep.name)} onRan={onChanged} />
              </Flex>
            ),
          },
        ]}
      />
    </Section>
  );
};
