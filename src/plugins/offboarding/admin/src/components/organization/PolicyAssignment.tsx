import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ConfirmAction } from './ConfirmAction';

/** The value that clears the organization's own policy: its class or the default policy applies. */
const NONE = '';

/** Gives the organization a cancellation policy of its own (docs/spec.md §1: the override), or removes it. */
export const PolicyAssignment = ({ organization: org, onChanged }: { organization: OrganizationDetail; onChanged: () => void | Promise<void> }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`organization.policy.${id}`), defaultMessage }, values);
  const current = org.cancellationPolicy?.documentId ?? NONE;
  const [choice, setChoice] = React.useState<string>(current);
  const policies = useApiQuery(api.policies.list());
  const purged = org.purgeState === 'purged';

  return (
    <ConfirmAction
      label={t('change', 'Change policy')}
      variant="tertiary"
      disabledReason={purged ? t('purged', 'A purged organization keeps no policy.') : null}
      title={t('title', 'Cancellation policy of {name}', { name: org.name })}
      description={t(
        'description',
        "The organization's own policy wins over the policy of an entitlement's class and over the default. Retention dates are recomputed at once.",
      )}
      confirmLabel={t('save', 'Save policy')}
      canConfirm={choice !== current}
      onOpen={() => setChoice(current)}
      request={api.organizations.update(org.documentId, { cancellationPolicy: choice === NONE ? null : choice })}
      successMessage={t('saved', 'Cancellation policy saved')}
      onSuccess={onChanged}
      onRefusalClosed={onChanged}
    >
      <Field.Root name="cancellationPolicy" error={policies.error ?? undefined}>
        <Field.Label>{t('label', 'Policy')}</Field.Label>
        <SingleSelect value={choice} onChange={(value: string | number) => setChoice(String(value))} disabled={policies.isLoading}>
          <SingleSelectOption value={NONE}>{t('none', 'None: the class or default policy applies')}</SingleSelectOption>
          {(policies.data?.data ?? []).map((policy) => (
            <SingleSelectOption key={policy.documentId} value={policy.documentId}>
              {policy.isDefault ? t('defaultName', '{name} (default)', { name: policy.name }) : policy.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </ConfirmAction>
  );
};
