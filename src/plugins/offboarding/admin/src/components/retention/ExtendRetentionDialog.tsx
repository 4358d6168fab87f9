import * as React from 'react';
import { DatePicker, Field, Textarea } from '@strapi/design-system';
import { Calendar } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { useDates } from '../organizations/format';
import { RetentionActionDialog } from './RetentionActionDialog';

export interface RetentionTarget {
  documentId: string;
  name: string;
  retentionUntil: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first day the new date may fall on: after both today and the current retention date. */
const earliestDay = (retentionUntil: string | null) => {
  const floor = Math.max(Date.now(), retentionUntil ? new Date(retentionUntil).getTime() : 0);
  const day = new Date(floor + DAY_MS);
  day.setHours(0, 0, 0, 0);
  return day;
};

/** Extend: keep an organization's data until a later date, for a recorded reason (it leaves the purge queue). */
export const ExtendRetentionDialog = ({
  organization,
  onSuccess,
}: {
  organization: RetentionTarget;
  onSuccess: () => void;
}) => {
  const { formatMessage, locale } = useIntl();
  const dates = useDates();
  const [until, setUntil] = React.useState<Date | undefined>(undefined);
  const [reason, setReason] = React.useState('');
  const minDate = earliestDay(organization.retentionUntil);
  const current = organization.retentionUntil ? new Date(organization.retentionUntil).getTime() : Date.now();
  const laterThanCurrent = until !== undefined && until.getTime() > Math.max(current, Date.now());

  return (
    <RetentionActionDialog
      label={formatMessage({ id: getTranslation('retention.extend.action'), defaultMessage: 'Extend' })}
      startIcon={<Calendar />}
      title={formatMessage(
        { id: getTranslation('retention.extend.title'), defaultMessage: 'Extend the retention of {name}' },
        { name: organization.name },
      )}
      description={formatMessage(
        {
          id: getTranslation('retention.extend.description'),
          defaultMessage:
            'Its data is currently kept until {date}. A later date takes it out of the purge queue until then.',
        },
        { date: dates.dateTime(organization.retentionUntil) },
      )}
      confirmLabel={formatMessage({
        id: getTranslation('retention.extend.confirm'),
        defaultMessage: 'Extend retention',
      })}
      canConfirm={laterThanCurrent && reason.trim().length > 0}
      // Sent only once canConfirm holds, with a date.
      request={api.retention.extend(organization.documentId, { until: until?.toISOString() ?? '', reason: reason.trim() })}
      successMessage={formatMessage(
        { id: getTranslation('retention.extend.success'), defaultMessage: 'The data of {name} is kept until {date}.' },
        { name: organization.name, date: until ? dates.date(until.toISOString()) : dates.none },
      )}
      onSuccess={onSuccess}
      onOpen={() => {
        setUntil(undefined);
        setReason('');
      }}
    >
      <Field.Root
        name="until"
        required
        error={
          until !== undefined && !laterThanCurrent
            ? formatMessage({
                id: getTranslation('retention.extend.untilTooEarly'),
                defaultMessage: 'Choose a date later than the current retention date.',
              })
            : undefined
        }
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('retention.extend.until'), defaultMessage: 'Keep the data until' })}
        </Field.Label>
        <DatePicker
          value={until}
          onChange={setUntil}
          onClear={() => setUntil(undefined)}
          clearLabel={formatMessage({
            id: getTranslation('retention.extend.clearDate'),
            defaultMessage: 'Clear the date',
          })}
          minDate={minDate}
          locale={locale}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="reason"
        required
        hint={formatMessage({
          id: getTranslation('retention.extend.reasonHint'),
          defaultMessage: 'Recorded in the audit trail.',
        })}
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('retention.extend.reason'), defaultMessage: 'Reason' })}
        </Field.Label>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
        <Field.Hint />
      </Field.Root>
    </RetentionActionDialog>
  );
};
