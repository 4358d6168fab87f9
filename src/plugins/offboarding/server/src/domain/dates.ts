import type { BillingPeriod } from '../../../shared/contracts/constants';

export const DAY_MS = 86_400_000;

export type DateInput = Date | string | number | null | undefined;

/** Dates come back from SQLite, PostgreSQL and MySQL in different shapes; this is the one place that reads them. */
export const toDate = (value: DateInput): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

/**
 * Calendar arithmetic in UTC: a month after Jan 31 is the last day of February, a year after
 * Feb 29 is Feb 28, so a period never silently spills into the following month.
 */
export const addMonths = (date: Date, months: number): Date => {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
};

/** The end of a billing period that starts at `start`; `none` has no end. */
export const addBillingPeriod = (start: Date, period: BillingPeriod): Date | null => {
  if (period === 'month') return addMonths(start, 1);
  if (period === 'year') return addMonths(start, 12);
  return null;
};

export const maxDate = (...dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d.getTime() > max.getTime()) ? d : max), null);
