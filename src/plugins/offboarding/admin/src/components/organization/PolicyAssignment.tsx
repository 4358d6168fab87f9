import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';
import type { OrganizationFormProps } from './types';

/** The value that clears the organization's own policy: its class or the default policy applies. */
const NONE = '';

const usePolicyText = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`organization.policy.${id}`), defaultMessage }, values);
};

const PolicyForm = ({ organization: org, ...dialog }: OrganizationFormProps) => {
  const t = usePolicyText();
  const current = org.cancellationPolicy?.documentId ?? NONE;
  const policies = useApiQuery(api.policies.list());
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { cancellationPolicy: current },
    validate: ({ cancellationPolicy }) => ({
      cancellationPolicy: cancellationPolicy === current ? t('unchanged', 'Choose another policy than the current one.') : undefined,
    }),
    request: ({ cancellationPolicy }) =>
      api.organizations.update(org.documentId, { cancellationPolicy: cancellationPolicy === NONE ? null : cancellationPolicy }),
    successMessage: t('saved', 'Cancellation policy saved'),
  });
  return (
    <ActionForm
      {...form}
      description={t(
        'description',
        "The organization's own policy wins over the policy of an entitlement's class and over the default. Retention dates are recomputed at once.",
      )}
      submitLabel={t('save', 'Save policy')}
    >
      <Field.Root name="cancellationPolicy" error={fieldError('cancellationPolicy') ?? policies.error ?? undefined}>
        <Field.Label>{t('label', 'Policy')}</Field.Label>
        <SingleSelect
          value={values.cancellationPolicy}
          onChange={(value: string | number) => set('cancellationPolicy', String(value))}
          disabled={policies.isLoading}
        >
          <SingleSelectOption value={NONE}>{t('none', 'None: the class or default policy applies')}</SingleSelectOption>
          {(policies.data?.data ?? []).map((policy) => (
            <SingleSelectOption key={policy.documentId} value={policy.documentId}>
              {policy.isDefault ? t('defaultName', '{name} (default)', { name: policy.name }) : policy.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </ActionForm>
  );
};

/** Gives the organization a cancellation policy of its own (docs/spec.md §1: the override), or removes it. */
export const PolicyAssignment = ({
  organization,
  onChanged,
}: {
  organization: OrganizationDetail;
  onChanged: () => void | Promise<void>;
}) => {
  const t = usePolicyText();
  const reload = () => void onChanged();
  return (
    <ActionDialog
      label={t('change', 'Change policy')}
      title={t('title', 'Cancellation policy of {name}', { name: organization.name })}
      variant="tertiary"
      disabledReason={organization.purgeState === 'purged' ? t('purged', 'A purged organization keeps no policy.') : null}
      onDone={reload}
      onDismiss={reload}
    >
      {(dialog) => <PolicyForm organization={organization} {...dialog} />}
    </ActionDialog>
  );
};
