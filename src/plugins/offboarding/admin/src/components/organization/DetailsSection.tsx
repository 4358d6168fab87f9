import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AccessView } from '../../../../shared/contracts/access';
import { useAccessReason } from '../../hooks/useAccessReason';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';
import { Facts } from './Facts';
import { useFormat } from '../../hooks/useFormat';
import { useLabels } from '../../hooks/useLabels';
import { PolicyAssignment } from './PolicyAssignment';
import { Section } from '../common/Section';

/** Contact details, access and archive state, and the cancellation policy in effect. */
export const DetailsSection = ({
  organization: org,
  canManage,
  onChanged,
  accessView,
}: {
  organization: OrganizationDetail;
  /** What the access rule allows now (docs/spec.md §12): the portal as customers find it. */
  accessView: AccessView | undefined;
  canManage: boolean;
  onChanged: () => void | Promise<void>;
}) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.details.${id}`), defaultMessage });
  const { policy } = org;

  const reasonOf = useAccessReason();
  // The portal as the access rule opens it (an archived organization's is closed whatever the switch).
  const portal = !accessView
    ? format.none
    : formatMessage(
        {
          id: getTranslation('organization.details.portalState'),
          defaultMessage: '{state, select, open {Open} readOnly {Read-only} other {Closed}}{reason, select, none {} other { ({reason})}}',
        },
        {
          state: accessView.portalWrite ? 'open' : accessView.portalLogin ? 'readOnly' : 'closed',
          reason: reasonOf(accessView, 'portalLogin') ?? 'none',
        },
      );

  const access =
    org.accessStatus === 'enabled'
      ? t('accessEnabled', 'On')
      : formatMessage(
          {
            id: getTranslation('organization.details.accessDisabledSince'),
            defaultMessage: 'Off since {date}{reason, select, none {} other {: {reason}}}',
          },
          { date: format.dateTime(org.accessChangedAt), reason: org.accessReason ?? 'none' },
        );

  const archived = org.archivedAt
    ? formatMessage(
        { id: getTranslation('organization.details.archivedOn'), defaultMessage: '{date} by {by}' },
        { date: format.dateTime(org.archivedAt), by: org.archivedBy ?? format.none },
      )
    : t('notArchived', 'Not archived');

  const policyValue = (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography textColor="neutral800">
        {formatMessage(
          { id: getTranslation('organization.details.policyName'), defaultMessage: '{name} ({source})' },
          { name: policy.name ?? t('policyUnnamed', 'Built-in'), source: labels.policySource(policy.source) },
        )}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          {
            id: getTranslation('organization.details.policySettings'),
            defaultMessage:
              'Data kept {retention} days · portal {visibility} days · reactivation {reactivation, select, true {within {window} days} other {not allowed}} · grace {grace} days · refunds {refund, select, true {allowed} other {not allowed}}',
          },
          {
            retention: policy.settings.dataRetentionDays,
            visibility: policy.settings.portalVisibilityDays,
            reactivation: String(policy.settings.allowReactivation),
            window: policy.settings.reactivationWindowDays,
            grace: policy.settings.gracePeriodDays,
            refund: String(policy.settings.refundEligible),
          },
        )}
      </Typography>
      {canManage ? <PolicyAssignment organization={org} onChanged={onChanged} /> : null}
    </Flex>
  );

  return (
    <Section title={t('title', 'Details')}>
      <Facts
        facts={[
          { label: t('taxId', 'Tax ID'), value: format.text(org.taxId) },
          { label: t('email', 'Email'), value: format.text(org.email) },
          { label: t('phone', 'Phone'), value: format.text(org.phone) },
          { label: t('created', 'Created'), value: format.dateTime(org.createdAt) },
          { label: t('portal', 'Portal'), value: portal },
          { label: t('access', 'Access switch'), value: access },
          { label: t('archived', 'Archived'), value: archived },
          { label: t('address', 'Address'), value: format.text(org.address), wide: true },
          { label: t('notes', 'Notes'), value: format.text(org.notes), wide: true },
          { label: t('policy', 'Cancellation policy'), value: policyValue, wide: true },
        ]}
      />
    </Section>
  );
};
