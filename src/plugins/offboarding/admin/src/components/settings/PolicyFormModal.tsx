import * as React from 'react';
import { Field, Grid, SingleSelect, SingleSelectOption, TextInput, Toggle } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ENTITLEMENT_CLASSES } from '../../../../shared/contracts/constants';
import type { CancellationPolicy } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { FormModal } from './FormModal';
import { useClassLabel } from './labels';
import { initialPolicyValues, isPolicyComplete, policyRequestBody, type PolicyFormValues } from './policyForm';
import { PolicySettingsFields } from './PolicySettingsFields';

const NO_CLASS = 'none';

export interface PolicyFormModalProps {
  /** null: a new policy. */
  policy: CancellationPolicy | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit a cancellation policy, every setting in one form. */
export const PolicyFormModal = ({ policy, onClose, onSaved }: PolicyFormModalProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const classLabel = useClassLabel();
  const { run, isSubmitting } = useApiAction();
  const [values, setValues] = React.useState<PolicyFormValues>(() => initialPolicyValues(policy));
  const [error, setError] = React.useState<string | null>(null);
  const onChange = (patch: Partial<PolicyFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const body = policyRequestBody(values, policy);
  const changed = Object.keys(body).length > 0;

  const submit = async () => {
    setError(null);
    // A new policy's body already holds the trimmed name; naming it again types it as required.
    const result = await run(
      policy ? api.policies.update(policy.documentId, body) : api.policies.create({ name: values.name.trim(), ...body }),
    );
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(
        { id: getTranslation('settings.policies.saved'), defaultMessage: 'Policy "{name}" saved.' },
        { name: result.data.data.name },
      ),
    });
    onSaved();
    onClose();
  };

  return (
    <FormModal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={
        policy
          ? formatMessage(
              { id: getTranslation('settings.policies.editTitle'), defaultMessage: 'Edit "{name}"' },
              { name: policy.name },
            )
          : formatMessage({
              id: getTranslation('settings.policies.createTitle'),
              defaultMessage: 'Create a cancellation policy',
            })
      }
      error={error}
      isSubmitting={isSubmitting}
      canSubmit={isPolicyComplete(values) && changed}
      onSubmit={submit}
    >
      <Grid.Root gap={5}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="name" required>
            <Field.Label>
              {formatMessage({ id: getTranslation('settings.policies.field.name'), defaultMessage: 'Name' })}
            </Field.Label>
            <TextInput
              value={values.name}
              onChange={(event) => onChange({ name: event.target.value })}
              maxLength={120}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root
            name="entitlementClass"
            hint={formatMessage({
              id: getTranslation('settings.policies.hint.entitlementClass'),
              defaultMessage:
                'The policy for every entitlement of this class, unless its organization has a policy of its own.',
            })}
          >
            <Field.Label>
              {formatMessage({
                id: getTranslation('settings.policies.field.entitlementClass'),
                defaultMessage: 'Entitlement class',
              })}
            </Field.Label>
            <SingleSelect
              value={values.entitlementClass ?? NO_CLASS}
              onChange={(value) => onChange({ entitlementClass: ENTITLEMENT_CLASSES.find((c) => c === value) ?? null })}
            >
              <SingleSelectOption value={NO_CLASS}>
                {formatMessage({ id: getTranslation('settings.policies.noClass'), defaultMessage: 'No class' })}
              </SingleSelectOption>
              {ENTITLEMENT_CLASSES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {classLabel(value)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root
            name="isDefault"
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
              {formatMessage({
                id: getTranslation('settings.policies.field.isDefault'),
                defaultMessage: 'Default policy',
              })}
            </Field.Label>
            <Toggle
              checked={values.isDefault}
              disabled={policy?.isDefault === true}
              onChange={(event) => onChange({ isDefault: event.target.checked })}
              onLabel={formatMessage({ id: getTranslation('settings.value.yes'), defaultMessage: 'Yes' })}
              offLabel={formatMessage({ id: getTranslation('settings.value.no'), defaultMessage: 'No' })}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <PolicySettingsFields values={values} onChange={onChange} />
    </FormModal>
  );
};
