import * as React from 'react';
import type { BadgeProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationStatus } from '../../../../shared/contracts/constants';
import { getTranslation } from '../../utils/translations';

export const STATUS_VARIANT: Record<OrganizationStatus, NonNullable<BadgeProps['variant']>> = {
  active: 'success',
  suspended: 'warning',
  pending_cancellation: 'secondary',
  cancelled: 'neutral',
};

/** Readable names of the organization statuses, shared by the list, its filter and its counts. */
export const useStatusLabel = () => {
  const { formatMessage } = useIntl();
  return React.useMemo(() => {
    const labels: Record<OrganizationStatus, string> = {
      active: formatMessage({ id: getTranslation('organizations.status.active'), defaultMessage: 'Active' }),
      suspended: formatMessage({ id: getTranslation('organizations.status.suspended'), defaultMessage: 'Suspended' }),
      pending_cancellation: formatMessage({
        id: getTranslation('organizations.status.pending_cancellation'),
        defaultMessage: 'Pending cancellation',
      }),
      cancelled: formatMessage({ id: getTranslation('organizations.status.cancelled'), defaultMessage: 'Cancelled' }),
    };
    return (status: OrganizationStatus) => labels[status];
  }, [formatMessage]);
};
