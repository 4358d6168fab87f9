import { Field, Grid, NumberInput, Toggle } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import type { ActionFormState } from '../common/useActionForm';
import type { DaySetting, FlagSetting, PolicyFormValues } from './policyForm';

export type PolicySettingsFieldsProps = Pick<ActionFormState<PolicyFormValues>, 'values' | 'set' | 'fieldError'>;

/** The §1 settings of a cancellation policy: day counts and the two permissions. */
export const PolicySettingsFields = ({ values, set, fieldError }: PolicySettingsFieldsProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();

  const days: { key: DaySetting; label: string; hint: string }[] = [
    {
      key: 'portalVisibilityDays',
      label: formatMessage({
        id: getTranslation('settings.policies.field.portalVisibilityDays'),
        defaultMessage: 'Portal visibility (days)',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.portalVisibilityDays'),
        defaultMessage: 'How long customers still see a cancelled entitlement, and their data after the last cancellation.',
      }),
    },
    {
      key: 'dataRetentionDays',
      label: formatMessage({
        id: getTranslation('settings.policies.field.dataRetentionDays'),
        defaultMessage: 'Data retention (days)',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.dataRetentionDays'),
        defaultMessage: 'Counted from the last cancellation; afterwards an archived organization enters the purge queue.',
      }),
    },
    {
      key: 'reactivationWindowDays',
      label: formatMessage({
        id: getTranslation('settings.policies.field.reactivationWindowDays'),
        defaultMessage: 'Reactivation window (days)',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.reactivationWindowDays'),
        defaultMessage: 'How long after its cancellation an entitlement may be reactivated.',
      }),
    },
    {
      key: 'gracePeriodDays',
      label: formatMessage({
        id: getTranslation('settings.policies.field.gracePeriodDays'),
        defaultMessage: 'Grace period (days)',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.gracePeriodDays'),
        defaultMessage: 'After a suspension for non-payment, the entitlement is cancelled when this period ends.',
      }),
    },
    {
      key: 'purgeReviewDays',
      label: formatMessage({
        id: getTranslation('settings.policies.field.purgeReviewDays'),
        defaultMessage: 'Purge review (days)',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.purgeReviewDays'),
        defaultMessage: 'Time to review an organization in the purge queue before it is purged.',
      }),
    },
  ];

  const flags: { key: FlagSetting; label: string; hint: string }[] = [
    {
      key: 'allowReactivation',
      label: formatMessage({
        id: getTranslation('settings.policies.field.allowReactivation'),
        defaultMessage: 'Allow reactivation',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.allowReactivation'),
        defaultMessage: 'Whether a cancelled entitlement may be reactivated within the window.',
      }),
    },
    {
      key: 'refundEligible',
      label: formatMessage({
        id: getTranslation('settings.policies.field.refundEligible'),
        defaultMessage: 'Refund eligible',
      }),
      hint: formatMessage({
        id: getTranslation('settings.policies.hint.refundEligible'),
        defaultMessage: 'Whether cancellations may refund (prorated or in full).',
      }),
    },
  ];

  return (
    <Grid.Root gap={5}>
      {days.map(({ key, label, hint }) => (
        <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name={key} required hint={hint} error={fieldError(key)}>
            <Field.Label>{label}</Field.Label>
            <NumberInput value={values[key]} onValueChange={(value) => set(key, value)} step={1} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      ))}
      {flags.map(({ key, label, hint }) => (
        <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name={key} hint={hint}>
            <Field.Label>{label}</Field.Label>
            <Toggle
              checked={values[key]}
              onChange={(event) => set(key, event.target.checked)}
              onLabel={labels.yesNo(true)}
              offLabel={labels.yesNo(false)}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
