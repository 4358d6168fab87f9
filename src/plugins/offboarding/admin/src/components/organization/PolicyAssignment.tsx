import { Box, Checkbox, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useLivePreview } from '../../hooks/useLivePreview';
import { formatIntlMoment } from '../../utils/dates';
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
  const intl = useIntl();
  const current = org.cancellationPolicy?.documentId ?? NONE;
  const policies = useApiQuery(api.policies.list());
  const list = policies.data?.data ?? [];
  const [choice, setChoice] = React.useState(current);
  // What the choice would do to its retention, computed by the server (the classes' and default
  // policies, the archive, a legal hold and an extension all count): asked when it changes.
  const { preview, error: previewError, isLoading: previewLoading } = useLivePreview(
    choice === current ? null : { cancellationPolicy: choice === NONE ? null : choice },
    (body) => api.organizations.previewPolicy(org.documentId, body),
  );
  const purgeable = preview?.purgeableNow ? preview : null;
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { cancellationPolicy: current, acknowledged: false },
    validate: ({ cancellationPolicy, acknowledged }) => ({
      cancellationPolicy:
        cancellationPolicy === current
          ? t('unchanged', 'Choose another policy than the current one.')
          : previewLoading || !preview
            ? (previewError ?? t('checking', 'Checking what this policy changes…'))
            : undefined,
      acknowledged:
        cancellationPolicy !== current && purgeable && !acknowledged ? t('acknowledge.required', 'Confirm that the organization may be purged.') : undefined,
    }),
    request: ({ cancellationPolicy }) =>
      api.organizations.update(org.documentId, { cancellationPolicy: cancellationPolicy === NONE ? null : cancellationPolicy }),
    successMessage: t('saved', 'Cancellation policy saved'),
  });
  React.useEffect(() => setChoice(values.cancellationPolicy), [values.cancellationPolicy]);
  const retention = preview && !previewLoading ? preview.retentionUntil : null;
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
      {retention && !purgeable ? (
        <Typography tag="p" variant="omega" textColor="neutral700" data-testid="policy-retention">
          {retention.next
            ? t('retention.next', 'Its data would be kept until {date}.', { date: formatIntlMoment(intl, retention.next) })
            : t('retention.open', 'Its retention date is set when its last entitlement is cancelled.')}
          {preview?.leavesPurgeQueue ? ` ${t('retention.leavesQueue', 'It leaves the purge queue.')}` : ''}
        </Typography>
      ) : null}
      {purgeable ? (
        <>
          <Box role="alert" data-testid="purgeable-warning" background="danger100" borderColor="danger200" hasRadius padding={4}>
            <Typography fontWeight="bold" textColor="danger700" tag="p">
              {t('purgeable.title', 'Its data becomes purgeable now')}
            </Typography>
            <Typography textColor="danger700" tag="p">
              {t(
              'purgeable.body',
              'Under this policy its data retention ended on {date}: the organization enters the purge queue at the next retention review (a scheduled job), and its data is deleted for good on {purgeAfter}, after the review period.',
                { date: formatIntlMoment(intl, purgeable.retentionUntil.next), purgeAfter: formatIntlMoment(intl, purgeable.purgeAfter) },
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
