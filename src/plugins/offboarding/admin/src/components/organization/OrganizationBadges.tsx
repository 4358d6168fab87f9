import { Badge, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';
import { STATUS_VARIANT, useLabels } from '../../hooks/useLabels';

/** The organization's state at a glance: status, archived, access, purge, legal hold. */
export const OrganizationBadges = ({ organization: org }: { organization: OrganizationDetail }) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();

  return (
    <Flex gap={2} wrap="wrap" paddingTop={1}>
      <Badge variant={STATUS_VARIANT[org.status]}>{labels.status(org.status)}</Badge>
      {org.archivedAt ? (
        <Badge variant="neutral">{formatMessage({ id: getTranslation('organization.badge.archived'), defaultMessage: 'Archived' })}</Badge>
      ) : null}
      {org.accessStatus === 'disabled' ? (
        <Badge variant="danger">
          {formatMessage({ id: getTranslation('organization.badge.accessDisabled'), defaultMessage: 'Access disabled' })}
        </Badge>
      ) : null}
      {org.purgeState === 'scheduled' ? (
        <Badge variant="warning">
          {formatMessage({ id: getTranslation('organization.badge.purgeScheduled'), defaultMessage: 'Purge scheduled' })}
        </Badge>
      ) : null}
      {org.purgeState === 'purged' ? (
        <Badge variant="danger">
          {formatMessage({ id: getTranslation('organization.badge.purged'), defaultMessage: 'Purged (tombstone)' })}
        </Badge>
      ) : null}
      {org.legalHold ? (
        <Badge variant="alternative">
          {formatMessage({ id: getTranslation('organization.badge.legalHold'), defaultMessage: 'Legal hold' })}
        </Badge>
      ) : null}
    </Flex>
  );
};
