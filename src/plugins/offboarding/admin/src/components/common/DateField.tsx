import { DatePicker, DateTimePicker, Field, Typography } from '@strapi/design-system';
import { useIntl, type IntlShape } from 'react-intl';
import { getTranslation } from '../../utils/translations';
import { commonMessages } from './messages';

const messages = {
  zone: { id: getTranslation('common.date.zone'), defaultMessage: 'Times are in {zone} ({offset}).' },
  day: { id: getTranslation('common.schedule.day'), defaultMessage: 'Day' },
  time: { id: getTranslation('common.schedule.time'), defaultMessage: 'Time' },
  afterNow: { id: getTranslation('common.date.afterNow'), defaultMessage: 'Pick a date after now.' },
  required: { id: getTranslation('common.schedule.required'), defaultMessage: 'Pick the date and time.' },
};

/** "UTC+1", "UTC+5:30", "UTC": the browser's offset at `at`. */
const utcOffset = (at: Date) => {
  const minutes = -at.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
};

/** The zone a picker reads and writes: the browser's. */
export const timeZoneHint = (intl: IntlShape, at: Date = new Date()) =>
  intl.formatMessage(messages.zone, { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: utcOffset(at) });

/** The client's check of a moment that must come later (the server checks again): missing, or not after `after` (now by default). */
export const futureDateError = (intl: IntlShape, at: Date | undefined, after: Date = new Date(), tooEarly?: string): string | undefined => {
  if (!at) return intl.formatMessage(messages.required);
  return at.getTime() > after.getTime() ? undefined : (tooEarly ?? intl.formatMessage(messages.afterNow));
};

/**
 * The design system's DatePicker answers a day as its 00:00 in the browser's zone but reads its
 * value's day in UTC: east of UTC the picked day showed (and was typed over) as the day before.
 * It is handed the same calendar day at 00:00 UTC, so it shows the day it answered.
 */
const asUtcDay = (day: Date) => new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));

export interface DateFieldProps {
  /** The request's field, so that the server's refusal lands here. */
  name: string;
  label: string;
  value: Date | undefined;
  onChange: (value: Date | undefined) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** A day only (00:00 of the browser's zone), or a day and a time. */
  withTime?: boolean;
}

/**
 * The one date field of the panel's dialogs. The typed value is kept as typed, even in the past:
 * the form refuses it in words at the field (no minimum that silently replaces or clears it),
 * and the zone the picker uses is stated under it.
 */
export const DateField = ({ name, label, value, onChange, error, hint, required = false, withTime = true }: DateFieldProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const common = {
    value: value ?? null,
    onClear: () => onChange(undefined),
    clearLabel: formatMessage(commonMessages.clearDate),
    locale: intl.locale,
    // The input itself is marked, not only the message under it.
    hasError: Boolean(error),
  };
  return (
    <Field.Root name={name} required={required} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      {withTime ? (
        <DateTimePicker
          {...common}
          onChange={(date) => onChange(date ?? undefined)}
          dateLabel={formatMessage(messages.day)}
          timeLabel={formatMessage(messages.time)}
        />
      ) : (
        <DatePicker {...common} value={value ? asUtcDay(value) : undefined} onChange={(date) => onChange(date ?? undefined)} />
      )}
      <Field.Hint />
      <Field.Error />
      <Typography variant="pi" textColor="neutral600" data-testid="date-zone">
        {timeZoneHint(intl, value ?? new Date())}
      </Typography>
    </Field.Root>
  );
};
