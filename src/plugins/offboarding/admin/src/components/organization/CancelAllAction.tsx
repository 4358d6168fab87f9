import * as React from 'react';
import { DatePicker, Field, Flex, Radio, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelAllRequest } from '../../../../shared/contracts/api';
import { CANCEL_TIMINGS, type CancelTiming } from '../../../../shared/contracts/constants';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ConfirmAction } from './ConfirmAction';
import { useLabels } from './labels';
import type { OrganizationActionProps } from './types';

const tomorrow = () => {
  const date = new Date();
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + 1);
  return date;
};

/** Cancels every active or suspended entitlement with one reason and one timing (no refund). */
export const CancelAllAction = ({ organization: org, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const timingLabelId = React.useId();
  const [hasOpened, setHasOpened] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const [notes, setNotes] = React.useState('');
  const [timing, setTiming] = React.useState<CancelTiming>('period_end');
  const [effectiveAt, setEffectiveAt] = React.useState<Date | undefined>(undefined);

  // The reasons are loaded the first time the dialog opens, not with the page.
  const reasons = useApiQuery(hasOpened ? api.reasons.list({ appliesTo: 'cancel', active: true }) : null);
  const options = (reasons.data?.data ?? []).filter((r) => r.appliesToCancel && r.active);
  const cancellable = org.entitlements.filter((e) => e.status === 'active' || e.status === 'suspended');

  const timingLabels: Record<CancelTiming, string> = {
    immediate: formatMessage({ id: getTranslation('organization.cancelAll.timing.immediate'), defaultMessage: 'Immediately' }),
    period_end: formatMessage({
      id: getTranslation('organization.cancelAll.timing.period_end'),
      defaultMessage: 'At the end of each billing period',
    }),
    date: formatMessage({ id: getTranslation('organization.cancelAll.timing.date'), defaultMessage: 'On a date' }),
  };

  const body: CancelAllRequest = {
    reason,
    notes: notes.trim() ? notes.trim() : null,
    timing,
    ...(timing === 'date' && effectiveAt ? { effectiveAt: effectiveAt.toISOString() } : {}),
  };
  const complete = reason !== '' && (timing !== 'date' || effectiveAt !== undefined);

  const reset = () => {
    setHasOpened(true);
    setReason('');
    setNotes('');
    setTiming('period_end');
    setEffectiveAt(undefined);
    void reasons.refetch();
  };

  return (
    <ConfirmAction
      label={formatMessage({ id: getTranslation('organization.actions.cancelAll'), defaultMessage: 'Cancel all entitlements' })}
      variant="danger-light"
      confirmVariant="danger"
      disabledReason={
        cancellable.length === 0
          ? formatMessage({
              id: getTranslation('organization.cancelAll.noneHint'),
              defaultMessage: 'No entitlement is active or suspended.',
            })
          : null
      }
      title={formatMessage({ id: getTranslation('organization.cancelAll.title'), defaultMessage: 'Cancel all entitlements?' })}
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
      canConfirm={complete}
      request={api.organizations.cancelAll(org.documentId, body)}
      successMessage={formatMessage({
        id: getTranslation('organization.cancelAll.success'),
        defaultMessage: 'Entitlements cancelled',
      })}
      onSuccess={onChanged}
      onRefusalClosed={onChanged}
      onOpen={reset}
    >
      <Field.Root name="reason" required error={reasons.error ?? undefined}>
        <Field.Label>
          {formatMessage({ id: getTranslation('organization.cancelAll.reason'), defaultMessage: 'Reason' })}
        </Field.Label>
        <SingleSelect
          value={reason}
          onChange={(value: string | number) => setReason(String(value))}
          loading={reasons.isLoading}
          placeholder={formatMessage({
            id: getTranslation('organization.cancelAll.reasonPlaceholder'),
            defaultMessage: 'Choose a reason',
          })}
        >
          {options.map((option) => (
            <SingleSelectOption key={option.code} value={option.code}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      <Field.Root name="notes">
        <Field.Label>
          {formatMessage({ id: getTranslation('organization.cancelAll.notes'), defaultMessage: 'Notes' })}
        </Field.Label>
        <Textarea value={notes} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNotes(event.target.value)} />
      </Field.Root>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography id={timingLabelId} variant="pi" fontWeight="bold" textColor="neutral800">
          {formatMessage({ id: getTranslation('organization.cancelAll.timing'), defaultMessage: 'When' })}
        </Typography>
        <Radio.Group
          value={timing}
          onValueChange={(value: string) => setTiming(value as CancelTiming)}
          aria-labelledby={timingLabelId}
        >
          {CANCEL_TIMINGS.map((value) => (
            <Radio.Item key={value} value={value}>
              {timingLabels[value]}
            </Radio.Item>
          ))}
        </Radio.Group>
      </Flex>
      {timing === 'period_end' ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('organization.cancelAll.periodEndHint'),
            defaultMessage: 'An entitlement without a current billing period is cancelled immediately.',
          })}
        </Typography>
      ) : null}
      {timing === 'date' ? (
        <Field.Root name="effectiveAt" required>
          <Field.Label>
            {formatMessage({ id: getTranslation('organization.cancelAll.effectiveAt'), defaultMessage: 'Effective date' })}
          </Field.Label>
          <DatePicker
            value={effectiveAt}
            onChange={setEffectiveAt}
            onClear={() => setEffectiveAt(undefined)}
            minDate={tomorrow()}
            clearLabel={formatMessage({
              id: getTranslation('organization.cancelAll.clearDate'),
              defaultMessage: 'Clear the date',
            })}
          />
        </Field.Root>
      ) : null}
    </ConfirmAction>
  );
};
