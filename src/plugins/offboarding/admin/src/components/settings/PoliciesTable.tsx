import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancellationPolicy } from '../../../../shared/contracts/entities';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { EditDialog } from './EditDialog';
import { PolicyForm } from './PolicyForm';
import { DAY_SETTINGS, type DaySetting } from './policyForm';

export interface PoliciesTableProps {
  policies: CancellationPolicy[];
  /** False when the admin may not change settings. */
  canEdit: boolean;
  onSaved: () => void;
}

/** Every cancellation policy with what it applies to and its settings. */
export const PoliciesTable = ({ policies, canEdit, onSaved }: PoliciesTableProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.policies.${id}`), defaultMessage });
  const days = (count: number) =>
    formatMessage(
      { id: getTranslation('settings.policies.days'), defaultMessage: '{count, plural, one {# day} other {# days}}' },
      { count },
    );
  const scope = (policy: CancellationPolicy) => {
    if (policy.entitlementClass) return labels.entitlementClassWithCode(policy.entitlementClass);
    return policy.isDefault ? t('scope.default', 'All others') : t('scope.organization', 'Per organization');
  };
  const dayHeaders: Record<DaySetting, string> = {
    portalVisibilityDays: t('table.portalVisibility', 'Portal'),
    dataRetentionDays: t('table.dataRetention', 'Retention'),
    reactivationWindowDays: t('table.reactivation', 'Reactivation'),
    gracePeriodDays: t('table.gracePeriod', 'Grace'),
    purgeReviewDays: t('table.purgeReview', 'Days to review before purge'),
  };

  return (
    <DataTable
      rows={policies}
      emptyMessage={t('empty', 'No policy yet.')}
      columns={[
        {
          key: 'name',
          header: t('table.name', 'Name'),
          cell: (policy) => (
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {policy.name}
              </Typography>
              {policy.isDefault ? (
                <Badge variant="primary" size="S">
                  {t('defaultBadge', 'Default')}
                </Badge>
              ) : null}
            </Flex>
          ),
        },
        { key: 'appliesTo', header: t('table.appliesTo', 'Applies to'), cell: scope },
        ...DAY_SETTINGS.map((key) => ({
          key,
          header: dayHeaders[key],
          cell: (policy: CancellationPolicy) =>
            key === 'reactivationWindowDays' && !policy.allowReactivation ? t('reactivationNever', 'Not allowed') : days(policy[key]),
        })),
        { key: 'refundEligible', header: t('table.refundEligible', 'Refunds'), cell: (policy) => labels.yesNo(policy.refundEligible) },
        {
          key: 'dunning',
          header: t('table.dunning', 'Dunning'),
          cell: (policy) =>
            policy.dunningStages ? (
              <Flex direction="column" alignItems="flex-start">
                {policy.dunningStages.map((stage) => (
                  <Typography key={stage.afterDays} variant="pi" textColor="neutral800">
                    {formatMessage(
                      { id: getTranslation('settings.policies.dunning.summary'), defaultMessage: '{action} at {days}' },
                      { action: labels.dunningAction(stage.action), days: days(stage.afterDays) },
                    )}
                  </Typography>
                ))}
              </Flex>
            ) : (
              t('table.dunningGrace', 'Grace period')
            ),
        },
        canEdit && {
          key: 'actions',
          header: formatMessage(commonMessages.actions),
          hiddenHeader: true,
          cell: (policy) => (
            <EditDialog
              label={formatMessage({ id: getTranslation('settings.policies.edit'), defaultMessage: 'Edit {name}' }, { name: policy.name })}
              onDone={onSaved}
            >
              {(dialog) => <PolicyForm policy={policy} {...dialog} />}
            </EditDialog>
          ),
        },
      ]}
    />
  );
};
