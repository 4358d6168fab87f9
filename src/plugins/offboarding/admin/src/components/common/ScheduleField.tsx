import { useIntl, type IntlShape } from 'react-intl';
import type { ScheduledAnswer } from '../../../../shared/contracts/lifecycle';
import { formatIntlMoment } from '../../utils/dates';
import { getTranslation } from '../../utils/translations';
import { OptionGroup } from '../entitlements/OptionGroup';
import { DateField, futureDateError } from './DateField';
import type { ActionFormState } from './useActionForm';

/** Now (or, for an end, on demand), or at a moment the admin picks. */
export type When = 'now' | 'date';

const messages = {
  when: { id: getTranslation('common.schedule.when'), defaultMessage: 'When' },
  now: { id: getTranslation('common.schedule.now'), defaultMessage: 'Now' },
  date: { id: getTranslation('common.schedule.date'), defaultMessage: 'On a date' },
  dateHint: {
    id: getTranslation('common.schedule.date.hint'),
    defaultMessage: 'Nothing changes until then; it is listed under Scheduled changes and can be undone there.',
  },
  at: { id: getTranslation('common.schedule.at'), defaultMessage: 'Date and time' },
  scheduledFor: { id: getTranslation('common.schedule.scheduledFor'), defaultMessage: 'Scheduled for {date}.' },
};

export interface ScheduleFieldProps {
  /** The request's field, so that the server's refusal (`effectiveAt`, `startAt`, `resumeAt`) lands here. */
  name: string;
  when: When;
  onWhen: (when: When) => void;
  at: Date | undefined;
  onAt: (at: Date | undefined) => void;
  error?: string;
  label?: string;
  /** "Now" unless the immediate choice has another name ("On demand"). */
  nowLabel?: string;
  nowHint?: string;
  dateHint?: string;
}

/** When a change happens: now, or on a date (a scheduled change, docs/spec.md §13). */
export const ScheduleField = ({ name, when, onWhen, at, onAt, error, label, nowLabel, nowHint, dateHint }: ScheduleFieldProps) => {
  const { formatMessage } = useIntl();
  return (
    <>
      <OptionGroup<When>
        label={label ?? formatMessage(messages.when)}
        value={when}
        onChange={onWhen}
        options={[
          { value: 'now', label: nowLabel ?? formatMessage(messages.now), hint: nowHint },
          { value: 'date', label: formatMessage(messages.date), hint: dateHint ?? formatMessage(messages.dateHint) },
        ]}
      />
      {when === 'date' ? <DateField name={name} label={formatMessage(messages.at)} value={at} onChange={onAt} error={error} required /> : null}
    </>
  );
};

/**
 * The field's props bound to two values of a useActionForm: the choice and the moment, named
 * as the request names it so that the server's refusal lands here.
 */
export const bindSchedule = <Values, W extends keyof Values & string, A extends keyof Values & string>(
  { values, set, fieldError }: Pick<ActionFormState<Values>, 'values' | 'set' | 'fieldError'>,
  whenKey: W,
  atKey: A,
): Pick<ScheduleFieldProps, 'name' | 'when' | 'onWhen' | 'at' | 'onAt' | 'error'> => ({
  name: atKey,
  when: values[whenKey] as When,
  onWhen: (when) => set(whenKey, when as Values[W]),
  at: values[atKey] as Date | undefined,
  onAt: (at) => set(atKey, at as Values[A]),
  error: fieldError(atKey),
});

/** The client's check of a dated choice (the server checks again): a moment, after `after` (now by default). */
export const scheduleError = (intl: IntlShape, when: When, at: Date | undefined, after: Date = new Date()): string | undefined => {
  if (when !== 'date') return undefined;
  return futureDateError(intl, at, after);
};

/** The request's value: the moment when one was picked, otherwise absent. */
export const scheduledAt = (when: When, at: Date | undefined): string | undefined => (when === 'date' && at ? at.toISOString() : undefined);

/** The notification after a request that may have been scheduled rather than made. */
export const scheduledMessage = <T,>(intl: IntlShape, answer: ScheduledAnswer<T>, doneNow: string) =>
  answer.scheduledChange
    ? intl.formatMessage(messages.scheduledFor, {
        date: formatIntlMoment(intl, answer.scheduledChange.at),
      })
    : doneNow;
