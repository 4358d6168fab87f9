import {
  Badge,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { CancellationPolicy } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';
import { useClassLabel, useYesNo } from './labels';

export interface PoliciesTableProps {
  policies: CancellationPolicy[];
  /** Absent when the admin may not change settings. */
  onEdit?: (policy: CancellationPolicy) => void;
}

/** Every cancellation policy with what it applies to and its settings. */
export const PoliciesTable = ({ policies, onEdit }: PoliciesTableProps) => {
  const { formatMessage } = useIntl();
  const classLabel = useClassLabel();
  const yesNo = useYesNo();
  const days = (count: number) =>
    formatMessage(
      { id: getTranslation('settings.policies.days'), defaultMessage: '{count, plural, one {# day} other {# days}}' },
      { count },
    );
  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );
  const scope = (policy: CancellationPolicy) => {
    if (policy.entitlementClass) return classLabel(policy.entitlementClass);
    if (policy.isDefault) {
      return formatMessage({ id: getTranslation('settings.policies.scope.default'), defaultMessage: 'All others' });
    }
    return formatMessage({
      id: getTranslation('settings.policies.scope.organization'),
      defaultMessage: 'Per organization',
    });
  };

  return (
    <Table colCount={onEdit ? 9 : 8} rowCount={policies.length + 1}>
      <Thead>
        <Tr>
          {heading('settings.policies.table.name', 'Name')}
          {heading('settings.policies.table.appliesTo', 'Applies to')}
          {heading('settings.policies.table.portalVisibility', 'Portal')}
          {heading('settings.policies.table.dataRetention', 'Retention')}
          {heading('settings.policies.table.reactivation', 'Reactivation')}
          {heading('settings.policies.table.refundEligible', 'Refunds')}
          {heading('settings.policies.table.gracePeriod', 'Grace')}
          {heading('settings.policies.table.purgeReview', 'Review')}
          {onEdit ? (
            <Th>
              <VisuallyHidden>
                {formatMessage({ id: getTranslation('settings.policies.table.actions'), defaultMessage: 'Actions' })}
              </VisuallyHidden>
            </Th>
          ) : null}
        </Tr>
      </Thead>
      <Tbody>
        {policies.map((policy) => (
          <Tr key={policy.documentId}>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography textColor="neutral800" fontWeight="semiBold">
                  {policy.name}
                </Typography>
                {policy.isDefault ? (
                  <Badge variant="primary" size="S">
                    {formatMessage({ id: getTranslation('settings.policies.defaultBadge'), defaultMessage: 'Default' })}
                  </Badge>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Typography textColor="neutral800">{scope(policy)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{days(policy.portalVisibilityDays)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{days(policy.dataRetentionDays)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {policy.allowReactivation
                  ? formatMessage(
                      { id: getTranslation('settings.policies.reactivationWithin'), defaultMessage: '{days}' },
                      { days: days(policy.reactivationWindowDays) },
                    )
                  : formatMessage({
                      id: getTranslation('settings.policies.reactivationNever'),
                      defaultMessage: 'Not allowed',
                    })}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{yesNo(policy.refundEligible)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{days(policy.gracePeriodDays)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{days(policy.purgeReviewDays)}</Typography>
            </Td>
            {onEdit ? (
              <Td>
                <IconButton
                  variant="ghost"
                  onClick={() => onEdit(policy)}
                  label={formatMessage(
                    { id: getTranslation('settings.policies.edit'), defaultMessage: 'Edit {name}' },
                    { name: policy.name },
                  )}
                >
                  <Pencil />
                </IconButton>
              </Td>
            ) : null}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
