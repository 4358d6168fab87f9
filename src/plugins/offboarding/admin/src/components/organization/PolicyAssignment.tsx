import { Box, Checkbox, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
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

const DAY_MS = 86_400_000;

/**
 * The retention date the organization would get under a policy of `days` days, as the server
 * computes it (domain/retention.ts): its last cancellation + the days, never before an extension.
 * Null while an entitlement is still open.
 */
const retentionUnder = (org: OrganizationDetail, days: number): Date | null => {
  const { lastCancelledAt, retentionExtendedUntil } = org.retention;
  if (!lastCancelledAt) return null;
  const until = new Date(Date.parse(lastCancelledAt) + days * DAY_MS);
  const extended = retentionExtendedUntil ? new Date(retentionExtendedUntil) : null;
  return extended && extended > until ? extended : until;
};

const PolicyForm = ({ organization: org, ...dialog }: OrganizationFormProps) => {
  const t = usePolicyText();
  const { formatDate } = useIntl();
  const current = org.cancellationPolicy?.documentId ?? NONE;
  const policies = useApiQuery(api.policies.list());
  const list = policies.data?.data ?? [];
  // The policy that would apply: the one chosen, or (None) the default one.
  const purgeableFrom = (choice: string): Date | null => {
    const policy = list.find((entry) => (choice === NONE ? entry.isDefault : entry.documentId === choice));
    if (!policy || org.retention.legalHold || org.retention.purgeState !== 'none') return null;
    const until = retentionUnder(org, policy.dataRetentionDays);
    const now = Date.now();
    // Only a change that makes it purgeable now asks for more: one that already was is no surprise.
    const already = org.retention.retentionUntil !== null && Date.parse(org.retention.retentionUntil) <= now;
    return until && until.getTime() <= now && !already ? until : null;
  };
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { cancellationPolicy: current, acknowledged: false },
    validate: ({ cancellationPolicy, acknowledged }) => ({
      cancellationPolicy: cancellationPolicy === current ? t('unchanged', 'Choose another policy than the current one.') : undefined,
      acknowledged:
        purgeableFrom(cancellationPolicy) && !acknowledged ? t('acknowledge.required', 'Confirm that the organization may be purged.') : undefined,
    }),
    request: ({ cancellationPolicy }) =>
      api.organizations.update(org.documentId, { cancellationPolicy: cancellationPolicy === NONE ? null : cancellationPolicy }),
    successMessage: t('saved', 'Cancellation policy saved'),
  });
  const purgeable = purgeableFrom(values.cancellationPolicy);
  return (
    <ActionForm
      {...form}
      description={t(
        'description',
        "The organization's own policy wins over the policy of an entitlement's class and over the default. Retention dates are recomputed at once.",
      )}
      submitLabel={purgeable ? t('saveAndQueue', 'Save and queue for purge') : t('save', 'Save policy')}
      submitVariant={purgeable ? 'danger' : 'default'}
    >
      <Field.Root name="cancellationPolicy" error={fieldError('cancellationPolicy') ?? policies.error ?? undefined}>
        <Field.Label>{t('label', 'Policy')}</Field.Label>
        <SingleSelect
          value={values.cancellationPolicy}
          onChange={(value: string | number) => set('cancellationPolicy', String(value))}
          disabled={policies.isLoading}
        >
          <SingleSelectOption value={NONE}>{t('none', 'None: the class or default policy applies')}</SingleSelectOption>
          {list.map((policy) => (
            <SingleSelectOption key={policy.documentId} value={policy.documentId}>
              {policy.isDefault ? t('defaultName', '{name} (default)', { name: policy.name }) : policy.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      {purgeable ? (
        <>
          <Box role="alert" data-testid="purgeable-warning" background="danger100" borderColor="danger200" hasRadius padding={4}>
            <Typography fontWeight="bold" textColor="danger700" tag="p">
              {t('purgeable.title', 'Its data becomes purgeable now')}
            </Typography>
            <Typography textColor="danger700" tag="p">
              {t(
              'purgeable.body',
              'Under this policy its data retention ended on {date}: the organization enters the purge queue at once, and its data is deleted for good after the review period.',
                { date: formatDate(purgeable, { dateStyle: 'medium' }) },
              )}
            </Typography>
          </Box>
          <Field.Root name="acknowledged" error={fieldError('acknowledged')}>
            <Checkbox checked={values.acknowledged} onCheckedChange={(checked) => set('acknowledged', checked === true)}>
              {t('acknowledge', 'I understand that its data may be purged')}
            </Checkbox>
            <Field.Error />
          </Field.Root>
        </>
      ) : null}
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
