import { Field, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { DateField, futureDateError } from '../common/DateField';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { useFormat } from '../../hooks/useFormat';
import type { RetentionFormProps } from './RetentionActions';

/** Extend: keep an organization's data until a later date, for a recorded reason (it leaves the purge queue). */
export const ExtendRetentionForm = ({ organization, ...dialog }: RetentionFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const format = useFormat();
  const current = organization.retentionUntil ? new Date(organization.retentionUntil).getTime() : Date.now();
  const { field, form } = useActionForm({
    ...dialog,
    initialValues: { until: undefined as Date | undefined, reason: '' },
    validate: ({ until, reason }) => ({
      // A typed past date stays as typed and is refused here, in words.
      until:
        until && until.getTime() <= Date.now()
          ? futureDateError(intl, until)
          : futureDateError(
              intl,
              until,
              new Date(current),
              formatMessage({
                id: getTranslation('retention.extend.untilTooEarly'),
                defaultMessage: 'Choose a date later than the current retention date.',
              }),
            ),
      reason: reason.trim() ? undefined : formatMessage(commonMessages.required),
    }),
    // validate has made sure of the date.
    request: ({ until, reason }) =>
      api.retention.extend(organization.documentId, { until: until?.toISOString() ?? '', reason: reason.trim() }),
    successMessage: (_, { until }) =>
      formatMessage(
        { id: getTranslation('retention.extend.success'), defaultMessage: 'The data of {name} is kept until {date}.' },
        { name: organization.name, date: format.date(until?.toISOString()) },
      ),
  });

  return (
    <ActionForm
      {...form}
      description={formatMessage(
        {
          id: getTranslation('retention.extend.description'),
          defaultMessage: 'Its data is currently kept until {date}. A later date takes it out of the purge queue until then.',
        },
        { date: format.dateTime(organization.retentionUntil) },
      )}
      submitLabel={formatMessage({ id: getTranslation('retention.extend.confirm'), defaultMessage: 'Extend retention' })}
    >
      <DateField
        {...field('until')}
        name="until"
        label={formatMessage({ id: getTranslation('retention.extend.until'), defaultMessage: 'Keep the data until' })}
        withTime={false}
        required
      />
      <ReasonText
        {...field('reason')}
        hint={formatMessage({ id: getTranslation('retention.extend.reasonHint'), defaultMessage: 'Recorded in the audit trail.' })}
      />
    </ActionForm>
  );
};

/** The required reason of a retention change, kept in the audit trail. */
export const ReasonText = ({
  value,
  onChange,
  error,
  hint,
}: {
  value: string;
  onChange: (reason: string) => void;
  error?: string;
  hint: string;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name="reason" required error={error} hint={hint}>
      <Field.Label>{formatMessage({ id: getTranslation('retention.reason'), defaultMessage: 'Reason' })}</Field.Label>
      <Textarea value={value} onChange={(event) => onChange(event.target.value)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
