import { DatePicker, Field, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CANCEL_TIMINGS, type CancelTiming } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { CancellationFields, useReasonOptions } from '../entitlements/fields';
import { organizationActionMessages } from './actionMessages';
import type { OrganizationFormProps } from './types';

const tomorrow = () => {
  const date = new Date();
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + 1);
  return date;
};

interface Values {
  reason: string;
  notes: string;
  timing: CancelTiming;
  effectiveAt: Date | undefined;
}

/** Cancels every active or suspended entitlement with one reason and one timing (no refund). */
export const CancelAllForm = ({ organization, ...dialog }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const reasons = useReasonOptions('cancel');
  const cancellable = organization.entitlements.filter((e) => e.status === 'active' || e.status === 'suspended');
  const { values, set, field, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { reason: '', notes: '', timing: 'period_end', effectiveAt: undefined } as Values,
    validate: ({ reason, timing, effectiveAt }) => ({
      reason: reason ? undefined : formatMessage(commonMessages.required),
      effectiveAt: timing === 'date' && !effectiveAt ? formatMessage(commonMessages.required) : undefined,
    }),
    request: ({ reason, notes, timing, effectiveAt }) =>
      api.organizations.cancelAll(organization.documentId, {
        reason,
        notes: notes.trim() ? notes.trim() : null,
        timing,
        ...(timing === 'date' && effectiveAt ? { effectiveAt: effectiveAt.toISOString() } : {}),
      }),
    successMessage: formatMessage({ id: getTranslation('organization.cancelAll.success'), defaultMessage: 'Entitlements cancelled' }),
  });

  const timingLabels: Record<CancelTiming, string> = {
    immediate: formatMessage({ id: getTranslation('organization.cancelAll.timing.immediate'), defaultMessage: 'Immediately' }),
    period_end: formatMessage({
      id: getTranslation('organization.cancelAll.timing.period_end'),
      defaultMessage: 'At the end of each billing period',
    }),
    date: formatMessage({ id: getTranslation('organization.cancelAll.timing.date'), defaultMessage: 'On a date' }),
  };

  return (
    <ActionForm
      {...form}
      description={formatMessage(
        {
          id: getTranslation('organization.cancelAll.description'),
          defaultMessage:
            '{count, plural, one {# entitlement} other {# entitlements}} will be cancelled: {names}. No refund is issued; cancel an entitlement on its own to refund it.',
        },
        {
          count: cancellable.length,
          names: cancellable.map((e) => `${e.name ?? labels.entitlementClass(e.class)} (${e.class})`).join(', '),
        },
      )}
      submitLabel={formatMessage(organizationActionMessages.cancelAll)}
      submitVariant="danger"
    >
      <CancellationFields
        reasons={reasons}
        field={field}
        timings={CANCEL_TIMINGS.map((value) => ({ value, label: timingLabels[value] }))}
      />
      {values.timing === 'period_end' ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('organization.cancelAll.periodEndHint'),
            defaultMessage: 'An entitlement without a current billing period is cancelled immediately.',
          })}
        </Typography>
      ) : null}
      {values.timing === 'date' ? (
        <Field.Root name="effectiveAt" required error={fieldError('effectiveAt')}>
          <Field.Label>
            {formatMessage({ id: getTranslation('organization.cancelAll.effectiveAt'), defaultMessage: 'Effective date' })}
          </Field.Label>
          <DatePicker
            value={values.effectiveAt}
            onChange={(date) => set('effectiveAt', date)}
            onClear={() => set('effectiveAt', undefined)}
            minDate={tomorrow()}
            clearLabel={formatMessage(commonMessages.clearDate)}
          />
          <Field.Error />
        </Field.Root>
      ) : null}
    </ActionForm>
  );
};
