import { Badge, Flex, type BadgeProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Organization } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';

interface Flag {
  key: string;
  variant: BadgeProps['variant'];
  label: string;
}

/** What sets an organization apart beyond its status: archived, access disabled, purge, legal hold. */
export const OrganizationFlags = ({ organization: org }: { organization: Organization }) => {
  const { formatMessage } = useIntl();
  const flags: Flag[] = [];
  if (org.archivedAt) {
    flags.push({
      key: 'archived',
      variant: 'neutral',
      label: formatMessage({ id: getTranslation('organizations.flag.archived'), defaultMessage: 'Archived' }),
    });
  }
  if (org.accessStatus === 'disabled') {
    flags.push({
      key: 'disabled',
      variant: 'danger',
      label: formatMessage({ id: getTranslation('organizations.flag.disabled'), defaultMessage: 'Access disabled' }),
    });
  }
  if (org.purgeState === 'scheduled') {
    flags.push({
      key: 'scheduled',
      variant: 'warning',
      label: formatMessage({
        id: getTranslation('organizations.flag.purgeScheduled'),
        defaultMessage: 'Deletion scheduled',
      }),
    });
  }
  if (org.purgeState === 'purged') {
    flags.push({
      key: 'purged',
      variant: 'danger',
      label: formatMessage({ id: getTranslation('organizations.flag.purged'), defaultMessage: 'Data deleted' }),
    });
  }
  if (org.legalHold) {
    flags.push({
      key: 'hold',
      variant: 'alternative',
      label: formatMessage({ id: getTranslation('organizations.flag.legalHold'), defaultMessage: 'Legal hold' }),
    });
  }

  if (!flags.length) return null;
  return (
    <Flex gap={1} wrap="wrap">
      {flags.map((flag) => (
        <Badge key={flag.key} variant={flag.variant} size="S">
          {flag.label}
        </Badge>
      ))}
    </Flex>
  );
};
