import { Field, Grid, SingleSelect, SingleSelectOption, TextInput, Toggle } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ENTITLEMENT_CLASSES } from '../../../../shared/contracts/constants';
import type { CancellationPolicy } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import type { DialogFormProps } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { dunningErrors, type DunningProblem } from './dunningStages';
import { DunningStagesField } from './DunningStagesField';
import { DAY_SETTINGS, MAX_POLICY_DAYS, initialPolicyValues, policyRequestBody, type PolicyFormValues } from './policyForm';
import { PolicySettingsFields } from './PolicySettingsFields';

const NO_CLASS = 'none';

export interface PolicyFormProps extends DialogFormProps {
  /** null: a new policy. */
  policy: CancellationPolicy | null;
}

/** Create or edit a cancellation policy, every setting in one form. */
export const PolicyForm = ({ policy, ...dialog }: PolicyFormProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const labels = useLabels();
  const dunningMessages: Record<DunningProblem, string> = {
    required: formatMessage(commonMessages.required),
    range: formatMessage({ id: getTranslation('settings.policies.dunning.error.range'), defaultMessage: 'A whole number of days from 0 to 3650.' }),
    order: formatMessage({
      id: getTranslation('settings.policies.dunning.error.order'),
      defaultMessage: 'Must be more days than the stage before: stages are in increasing days.',
    }),
    cancelLast: formatMessage({
      id: getTranslation('settings.policies.dunning.error.cancelLast'),
      defaultMessage: 'Cancel can only be the last stage (and there is only one).',
    }),
    tooMany: formatMessage({ id: getTranslation('settings.policies.dunning.error.tooMany'), defaultMessage: 'A policy has at most 20 stages.' }),
  };
  const state = useActionForm({
    ...dialog,
    initialValues: initialPolicyValues(policy),
    validate: (values) => {
      const required = formatMessage(commonMessages.required);
      const errors: Partial<Record<keyof PolicyFormValues, string>> = { name: values.name.trim() ? undefined : required };
      // The server's bounds (controllers/validation/settings.ts): a whole number of days from 0 to 36,500.
      const range = formatMessage(
        { id: getTranslation('settings.policies.error.days'), defaultMessage: 'A whole number of days from 0 to {max}.' },
        { max: formatNumber(MAX_POLICY_DAYS) },
      );
      for (const key of DAY_SETTINGS) {
        const value = values[key];
        if (value === undefined) errors[key] = required;
        else if (!Number.isInteger(value) || value < 0 || value > MAX_POLICY_DAYS) errors[key] = range;
      }
      const stageErrors = Object.fromEntries(dunningErrors(values.dunningStages).map(({ path, problem }) => [path, dunningMessages[problem]]));
      return { ...errors, ...stageErrors };
    },
    // A new policy's body already holds the trimmed name; naming it again types it as required.
    request: (values) =>
      policy
        ? api.policies.update(policy.documentId, policyRequestBody(values, policy))
        : api.policies.create({ name: values.name.trim(), ...policyRequestBody(values, null) }),
    successMessage: ({ data }) =>
      formatMessage({ id: getTranslation('settings.policies.saved'), defaultMessage: 'Policy "{name}" saved.' }, { name: data.name }),
  });
  const { values, set, fieldError, errorAt, form } = state;

  return (
    <ActionForm {...form}>
      <Grid.Root gap={5}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="name" required error={fieldError('name')}>
            <Field.Label>{formatMessage({ id: getTranslation('settings.policies.field.name'), defaultMessage: 'Name' })}</Field.Label>
            <TextInput value={values.name} onChange={(event) => set('name', event.target.value)} maxLength={120} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root
            name="entitlementClass"
            error={fieldError('entitlementClass')}
            hint={formatMessage({
              id: getTranslation('settings.policies.hint.entitlementClass'),
              defaultMessage: 'The policy for every entitlement of this class, unless its organization has a policy of its own.',
            })}
          >
            <Field.Label>
              {formatMessage({ id: getTranslation('settings.policies.field.entitlementClass'), defaultMessage: 'Entitlement class' })}
            </Field.Label>
            <SingleSelect
              value={values.entitlementClass ?? NO_CLASS}
              onChange={(value) => set('entitlementClass', ENTITLEMENT_CLASSES.find((c) => c === value) ?? null)}
            >
              <SingleSelectOption value={NO_CLASS}>
                {formatMessage({ id: getTranslation('settings.policies.noClass'), defaultMessage: 'No class' })}
              </SingleSelectOption>
              {ENTITLEMENT_CLASSES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {labels.entitlementClassWithCode(value)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root
            name="isDefault"
            error={fieldError('isDefault')}
            hint={
              policy?.isDefault
                ? formatMessage({
                    id: getTranslation('settings.policies.hint.isDefaultLocked'),
                    defaultMessage: 'There is always one default policy: make another policy the default instead.',
                  })
                : formatMessage({
                    id: getTranslation('settings.policies.hint.isDefault'),
                    defaultMessage: 'Applies when neither the organization nor the entitlement class has a policy.',
                  })
            }
          >
            <Field.Label>
              {formatMessage({ id: getTranslation('settings.policies.field.isDefault'), defaultMessage: 'Default policy' })}
            </Field.Label>
            <Toggle
              checked={values.isDefault}
              disabled={policy?.isDefault === true}
              onChange={(event) => set('isDefault', event.target.checked)}
              onLabel={labels.yesNo(true)}
              offLabel={labels.yesNo(false)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <PolicySettingsFields values={values} set={set} fieldError={fieldError} />
      <DunningStagesField values={values} set={set} errorAt={errorAt} />
    </ActionForm>
  );
};
