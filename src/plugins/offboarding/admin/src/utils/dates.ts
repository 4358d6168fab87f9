/**
 * How the panel writes a moment: in the admin's locale (the order, month names and 12/24-hour
 * clock come from it, never from a fixed pattern) and always with the time zone it is shown in,
 * as the zone decides the day: "Dec 4, 2026, 2:30 PM UTC", "4 déc. 2026, 14:30 UTC",
 * "4. Dez. 2026, 15:30 MEZ". Without `timeZone` the browser's zone is used.
 */
export type DateKind = 'date' | 'dateTime' | 'time';

const OPTIONS: Record<DateKind, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'short', day: 'numeric', timeZoneName: 'short' },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  time: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

const formatterOf = (locale: string, kind: DateKind, timeZone?: string) => {
  const key = `${locale}|${kind}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...OPTIONS[kind], timeZone });
    formats.set(key, format);
  }
  return format;
};

/** The moment of an ISO string, a Date or epoch milliseconds; null when it is not a valid date. */
export const toDate = (value: string | number | Date | null | undefined): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The moment written for `locale` with its zone, or null when `value` is not a date. */
export const formatMoment = (
  locale: string,
  value: string | number | Date | null | undefined,
  kind: DateKind = 'dateTime',
  timeZone?: string,
): string | null => {
  const date = toDate(value);
  return date ? formatterOf(locale, kind, timeZone).format(date) : null;
};

/** The same from react-intl's `useIntl()` (its locale and, when the app sets one, its zone); a dash when not a date. */
export const formatIntlMoment = (
  intl: { locale: string; timeZone?: string },
  value: string | number | Date | null | undefined,
  kind: DateKind = 'dateTime',
) => formatMoment(intl.locale, value, kind, intl.timeZone) ?? '—';
