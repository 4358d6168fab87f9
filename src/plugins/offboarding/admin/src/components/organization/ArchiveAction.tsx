import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ConfirmAction } from './ConfirmAction';
import type { OrganizationActionProps } from './types';

/** Archive (every entitlement cancelled) or unarchive (not once purged). */
export const ArchiveAction = ({ organization: org, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
  const purged = org.purgeState === 'purged';
  const purgedReason = formatMessage({
    id: getTranslation('organization.actions.purgedHint'),
    defaultMessage: 'The organization was purged: only its tombstone remains.',
  });

  if (org.archivedAt) {
    return (
      <ConfirmAction
        label={formatMessage({ id: getTranslation('organization.actions.unarchive'), defaultMessage: 'Unarchive' })}
        disabledReason={purged ? purgedReason : null}
        title={formatMessage({
          id: getTranslation('organization.unarchive.title'),
          defaultMessage: 'Unarchive this organization?',
        })}
        description={formatMessage({
          id: getTranslation('organization.unarchive.description'),
          defaultMessage: 'The portal opens again to its collaborators and the organization leaves the purge queue.',
        })}
        request={api.organizations.unarchive(org.documentId)}
        successMessage={formatMessage({
          id: getTranslation('organization.unarchive.success'),
          defaultMessage: 'Organization unarchived',
        })}
        onSuccess={onChanged}
        onRefusalClosed={onChanged}
      />
    );
  }

  const open = org.entitlements.filter((e) => e.status !== 'cancelled').length;
  const disabledReason = purged
    ? purgedReason
    : open > 0
      ? formatMessage(
          {
            id: getTranslation('organization.archive.openHint'),
            defaultMessage:
              'Every entitlement must be cancelled before archiving: {count, plural, one {# is} other {# are}} still open.',
          },
          { count: open },
        )
      : null;

  return (
    <ConfirmAction
      label={formatMessage({ id: getTranslation('organization.actions.archive'), defaultMessage: 'Archive' })}
      disabledReason={disabledReason}
      title={formatMessage({ id: getTranslation('organization.archive.title'), defaultMessage: 'Archive this organization?' })}
      description={formatMessage({
        id: getTranslation('organization.archive.description'),
        defaultMessage:
          'The portal closes to its collaborators and no new order or quote can be created for it. Its data is kept until the end of the retention period, then purged.',
      })}
      request={api.organizations.archive(org.documentId)}
      successMessage={formatMessage({
        id: getTranslation('organization.archive.success'),
        defaultMessage: 'Organization archived',
      })}
      onSuccess={onChanged}
      onRefusalClosed={onChanged}
    />
  );
};
