import { addDays, addMonths } from './dates';
import { invalid } from './errors';

/** The longest window a dated insight answers: five years (and a day for the leap years). */
export const MAX_RANGE_DAYS = 5 * 366;

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The window of a dated insight, `[from, to)`: by default the last 12 months (from the first day
 * of the month 11 months back, UTC, to now). `to` is inclusive as asked: a bare date covers its
 * whole day, a date-time its own millisecond. Refuses a window over five years, naming `from`.
 */
/** The first moment of a requested `from` (a bare date is UTC midnight). */
export const startOf = (from: string) => new Date(Date.parse(BARE_DATE.test(from) ? `${from}T00:00:00Z` : from));

/** The first moment after a requested, inclusive `to`. */
export const endOf = (to: string) => (BARE_DATE.test(to) ? addDays(new Date(`${to}T00:00:00Z`), 1) : new Date(Date.parse(to) + 1));

export const resolveRange = (query: { from?: string | null; to?: string | null }, now: Date): { from: Date; to: Date } => {
  const to = query.to ? endOf(query.to) : now;
  const monthStart = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1));
  const from = query.from ? startOf(query.from) : addMonths(monthStart, -11);
  if (from.getTime() > to.getTime()) throw invalid('to', 'to must not be before from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw invalid('from', `from and to must be at most 5 years apart (${MAX_RANGE_DAYS} days)`);
  }
  return { from, to };
};
