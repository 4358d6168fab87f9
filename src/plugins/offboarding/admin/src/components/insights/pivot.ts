/**
 * The API's rows (one per period and series, already aggregated in SQL) laid out as recharts
 * wants them: one object per period with a key per series. Nothing is summed here.
 */
export interface Pivoted {
  data: Array<Record<string, string | number>>;
  series: string[];
}

export const pivot = <Row>(rows: Row[], period: (row: Row) => string, series: (row: Row) => string, value: (row: Row) => number): Pivoted => {
  const periods = new Map<string, Record<string, string | number>>();
  const names: string[] = [];
  for (const row of rows) {
    const at = period(row);
    const name = series(row);
    if (!names.includes(name)) names.push(name);
    const entry = periods.get(at) ?? { period: at };
    entry[name] = value(row);
    periods.set(at, entry);
  }
  const data = [...periods.values()].sort((a, b) => String(a.period).localeCompare(String(b.period)));
  // Every series present in every period (0 where it had none), so the stacks and tooltips line up.
  for (const entry of data) for (const name of names) entry[name] ??= 0;
  return { data, series: names };
};

/** Colours of the design system's palette, one per series, in order. */
export const SERIES_COLORS = ['#4945ff', '#ee5e52', '#328048', '#d9822f', '#0c75af', '#9736e8', '#666687', '#f29d41', '#5cb176', '#ac73e6'];
export const colorOf = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length];

/** Decimals of a currency (2 for EUR, 0 for JPY): the charts draw major units. */
export const currencyDigits = (currency: string) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch (error) {
    if (error instanceof RangeError) return 0;
    throw error;
  }
};
export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);
