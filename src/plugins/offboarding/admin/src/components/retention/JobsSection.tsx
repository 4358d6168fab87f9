import * as React from 'react';
import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { SweepName } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ApiErrorAlert } from '../organizations/ApiErrorAlert';
import { useDates } from '../organizations/format';
import { RunSweepButton } from './RunSweepButton';
import { Section } from './Section';
import { useRefetchOn } from './useRefetchOn';

const useSweepLabel = () => {
  const { formatMessage } = useIntl();
  return React.useMemo(() => {
    const labels: Record<SweepName, string> = {
      transitions: formatMessage({
        id: getTranslation('retention.jobs.sweep.transitions'),
        defaultMessage: 'Cancellations and grace periods',
      }),
      retention: formatMessage({
        id: getTranslation('retention.jobs.sweep.retention'),
        defaultMessage: 'Retention review',
      }),
      purge: formatMessage({ id: getTranslation('retention.jobs.sweep.purge'), defaultMessage: 'Purge' }),
      exports: formatMessage({ id: getTranslation('retention.jobs.sweep.exports'), defaultMessage: 'Data exports' }),
      provisioning: formatMessage({
        id: getTranslation('retention.jobs.sweep.provisioning'),
        defaultMessage: 'Downstream provisioning',
      }),
    };
    return (name: SweepName) => labels[name] ?? name;
  }, [formatMessage]);
};

export interface JobsSectionProps {
  canSettings: boolean;
  refreshKey: number;
  onChanged: () => void;
}

/** The scheduled sweeps: what waits, what is due, what failed, who holds the lease. */
export const JobsSection = ({ canSettings, refreshKey, onChanged }: JobsSectionProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const dates = useDates();
  const sweepLabel = useSweepLabel();
  const jobs = useApiQuery(api.jobs.list());
  useRefetchOn(refreshKey, jobs.refetch);
  const sweeps = jobs.data?.data;
  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  return (
    <Section
      title={formatMessage({ id: getTranslation('retention.jobs.title'), defaultMessage: 'Scheduled jobs' })}
      description={formatMessage({
        id: getTranslation('retention.jobs.description'),
        defaultMessage:
          'The sweeps run on their schedule on one instance at a time; items missed while Strapi was down are caught up.',
      })}
    >
      <ApiErrorAlert error={jobs.error} />
      {sweeps === undefined ? (
        jobs.isLoading ? (
          <Page.Loading />
        ) : null
      ) : (
        <Table colCount={canSettings ? 7 : 6} rowCount={sweeps.length + 1}>
          <Thead>
            <Tr>
              {heading('retention.jobs.sweep', 'Sweep')}
              {heading('retention.jobs.pending', 'Pending')}
              {heading('retention.jobs.due', 'Due now')}
              {heading('retention.jobs.failed', 'Failed')}
              {heading('retention.jobs.nextDue', 'Next due')}
              {heading('retention.jobs.lease', 'Lease')}
              {canSettings ? heading('retention.jobs.actions', 'Actions') : null}
            </Tr>
          </Thead>
          <Tbody>
            {sweeps.map((sweep) => (
              <Tr key={sweep.name}>
                <Td>
                  <Typography textColor="neutral800" fontWeight="semiBold">
                    {sweepLabel(sweep.name)}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatNumber(sweep.pending)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatNumber(sweep.due)}</Typography>
                </Td>
                <Td>
                  {sweep.failed > 0 ? (
                    <Badge variant="danger">{formatNumber(sweep.failed)}</Badge>
                  ) : (
                    <Typography textColor="neutral800">{formatNumber(0)}</Typography>
                  )}
                </Td>
                <Td>
                  <Typography textColor="neutral800">{dates.dateTime(sweep.nextDueAt)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral600">
                    {sweep.lease?.holder
                      ? formatMessage(
                          { id: getTranslation('retention.jobs.leaseHeld'), defaultMessage: '{holder} until {until}' },
                          { holder: sweep.lease.holder, until: dates.dateTime(sweep.lease.expiresAt) },
                        )
                      : formatMessage({ id: getTranslation('retention.jobs.leaseFree'), defaultMessage: 'Free' })}
                  </Typography>
                </Td>
                {canSettings ? (
                  <Td>
                    <Flex>
                      <RunSweepButton name={sweep.name} label={sweepLabel(sweep.name)} onRan={onChanged} />
                    </Flex>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};
