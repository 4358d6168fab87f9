import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorOf, type Pivoted } from './pivot';

interface SeriesChartProps {
  pivoted: Pivoted;
  /** The series' names as shown (a reason's label, a kind's name). */
  nameOf?: (series: string) => string;
  /** A value as the tooltip and the axis show it. */
  formatValue?: (value: number, series: string) => string;
  stacked?: boolean;
  /** Lines instead of bars (a trend). */
  lines?: boolean;
}

/** Bars (stacked or side by side) or lines per period, one series each, sized to the card's width. */
export const SeriesChart = ({ pivoted, nameOf = (s) => s, formatValue = (v) => String(v), stacked = false, lines = false }: SeriesChartProps) => {
  const tooltip = (
    <Tooltip
      formatter={(value, name) => [formatValue(Number(value), String(name)), nameOf(String(name))]}
    />
  );
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="period" />
      <YAxis allowDecimals={false} width={80} tickFormatter={(value: number) => (pivoted.series.length === 1 ? formatValue(value, pivoted.series[0]) : String(value))} />
      {tooltip}
      <Legend formatter={(value) => nameOf(String(value))} />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      {lines ? (
        <LineChart data={pivoted.data}>
          {common}
          {pivoted.series.map((series, index) => (
            <Line key={series} type="monotone" dataKey={series} stroke={colorOf(index)} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart data={pivoted.data}>
          {common}
          {pivoted.series.map((series, index) => (
            <Bar key={series} dataKey={series} stackId={stacked ? 'stack' : undefined} fill={colorOf(index)} maxBarSize={64} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
};
