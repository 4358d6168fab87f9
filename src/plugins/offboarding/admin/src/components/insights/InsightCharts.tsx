import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useFormat } from '../../hooks/useFormat';
import { humanize, useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { InsightCard } from './InsightCard';
import { colorOf, currencyDigits, pivot, toMajor } from './pivot';
import { SeriesChart } from './SeriesBarChart';

const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`insights.${id}`), defaultMessage }, values);
};

/** Money drawn in major units, shown in the admin's locale. */
const useMoney = () => {
  const { locale } = useIntl();
  return (major: number, currency: string) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: currencyDigits(currency) }).format(major);
    } catch (error) {
      if (error instanceof RangeError) return `${major} ${currency}`;
      throw error;
    }
  };
};

export const CancellationsChart = () => {
  const t = useT();
  const { data, error } = useApiQuery(api.insights.cancellations());
  const rows = data?.data.rows ?? [];
  const none = t('cancellations.noReason', 'No reason');
  const labelOf = new Map(rows.map((row) => [row.reason ?? '', row.label ?? (row.reason ? humanize(row.reason) : none)]));
  const pivoted = pivot(rows, (row) => row.month, (row) => row.reason ?? '', (row) => row.count);
  return (
    <InsightCard
      title={t('cancellations.title', 'Cancellations per month')}
      caption={t('cancellations.caption', 'Entitlements cancelled in the last 12 months, stacked by reason. Reactivated ones are not counted.')}
      emptyMessage={t('cancellations.empty', 'No cancellation in the last 12 months.')}
      loaded={Boolean(data)}
      error={error}
      figures={{
        headers: [t('column.month', 'Month'), t('column.reason', 'Reason'), t('column.count', 'Count')],
        rows: rows.map((row) => ({ key: `${row.month}-${row.reason ?? ''}`, cells: [row.month, labelOf.get(row.reason ?? '') ?? none, String(row.count)] })),
      }}
    >
      <SeriesChart pivoted={pivoted} stacked nameOf={(series) => labelOf.get(series) ?? none} />
    </InsightCard>
  );
};

export const RefundsChart = () => {
  const t = useT();
  const money = useMoney();
  const format = useFormat();
  const { data, error } = useApiQuery(api.insights.refunds());
  const rows = data?.data.rows ?? [];
  const pivoted = pivot(rows, (row) => row.month, (row) => row.currency, (row) => toMajor(row.amount, row.currency));
  return (
    <InsightCard
      title={t('refunds.title', 'Refunds per month')}
      caption={t('refunds.caption', 'Refunds granted in the last 12 months, net of reversals, one bar per currency.')}
      emptyMessage={t('refunds.empty', 'No refund in the last 12 months.')}
      loaded={Boolean(data)}
      error={error}
      figures={{
        headers: [t('column.month', 'Month'), t('column.currency', 'Currency'), t('column.amount', 'Amount'), t('column.refunds', 'Refunds')],
        rows: rows.map((row) => ({ key: `${row.month}-${row.currency}`, cells: [row.month, row.currency, format.money(row.amount, row.currency), String(row.count)] })),
      }}
    >
      <SeriesChart pivoted={pivoted} formatValue={(value, currency) => money(value, currency)} />
    </InsightCard>
  );
};

export const ChurnChart = () => {
  const t = useT();
  const money = useMoney();
  const format = useFormat();
  const { data, error } = useApiQuery(api.insights.churn());
  const rows = data?.data.rows ?? [];
  const pivoted = pivot(rows, (row) => row.month, (row) => row.currency, (row) => toMajor(row.monthlyAmount, row.currency));
  return (
    <InsightCard
      title={t('churn.title', 'Revenue lost to churn')}
      caption={t('churn.caption', 'The monthly recurring amount of the entitlements cancelled each month (a yearly price counts one twelfth), per currency.')}
      emptyMessage={t('churn.empty', 'No recurring revenue lost in the last 12 months.')}
      loaded={Boolean(data)}
      error={error}
      figures={{
        headers: [t('column.month', 'Month'), t('column.currency', 'Currency'), t('column.monthly', 'Monthly amount lost'), t('column.entitlements', 'Entitlements')],
        rows: rows.map((row) => ({ key: `${row.month}-${row.currency}`, cells: [row.month, row.currency, format.money(row.monthlyAmount, row.currency), String(row.count)] })),
      }}
    >
      <SeriesChart pivoted={pivoted} lines={pivoted.data.length > 1} formatValue={(value, currency) => money(value, currency)} />
    </InsightCard>
  );
};

export const StatusesChart = () => {
  const t = useT();
  const labels = useLabels();
  const { data, error } = useApiQuery(api.insights.statuses());
  const rows = data?.data.rows ?? [];
  const chart = rows.map((row) => ({ status: labels.status(row.status), count: row.count }));
  const empty = (data?.data.total ?? 0) === 0;
  return (
    <InsightCard
      title={t('statuses.title', 'Entitlements by status')}
      caption={t('statuses.caption', 'Every entitlement as it stands now, {total} in all.', { total: data?.data.total ?? 0 })}
      emptyMessage={t('statuses.empty', 'No entitlement yet.')}
      loaded={Boolean(data)}
      error={error}
      figures={{
        headers: [t('column.status', 'Status'), t('column.count', 'Count')],
        rows: empty ? [] : rows.map((row) => ({ key: row.status, cells: [labels.status(row.status), String(row.count)] })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={chart}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="status" interval={0} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name={t('column.count', 'Count')} maxBarSize={64} isAnimationActive={false}>
            {chart.map((entry, index) => (
              <Cell key={entry.status} fill={colorOf(index)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </InsightCard>
  );
};

export const UpcomingChart = () => {
  const t = useT();
  const labels = useLabels();
  const format = useFormat();
  const { data, error } = useApiQuery(api.insights.upcoming({ days: 90, interval: 'week' }));
  const rows = data?.data.rows ?? [];
  const pivoted = pivot(rows, (row) => row.period, (row) => row.kind, (row) => row.count);
  const kindOf = (kind: string) => labels.scheduledChangeKind(kind as Parameters<typeof labels.scheduledChangeKind>[0]);
  return (
    <InsightCard
      title={t('upcoming.title', 'Upcoming changes and purges')}
      caption={t('upcoming.caption', 'What is scheduled for the next 90 days, per week (from Monday), stacked by kind.')}
      emptyMessage={t('upcoming.empty', 'Nothing scheduled in the next 90 days.')}
      loaded={Boolean(data)}
      error={error}
      figures={{
        headers: [t('column.week', 'Week of'), t('column.kind', 'Kind'), t('column.count', 'Count')],
        rows: rows.map((row) => ({ key: `${row.period}-${row.kind}`, cells: [format.date(`${row.period}T00:00:00Z`), kindOf(row.kind), String(row.count)] })),
      }}
    >
      <SeriesChart pivoted={pivoted} stacked nameOf={kindOf} />
    </InsightCard>
  );
};
