import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/translations';

const AUDIT_KEY = 'auditEventsRedacted';

/** "2 entitlements, 3 orders, 1 document", then the audit events that stay but lose their personal fields. */
export const WillDeleteList = ({ counts }: { counts: Record<string, number> }) => {
  const { formatMessage, formatList } = useIntl();

  const describe = (kind: string, count: number) => {
    switch (kind) {
      case 'entitlements':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.entitlements'),
            defaultMessage: '{count, plural, one {# entitlement} other {# entitlements}}',
          },
          { count },
        );
      case 'collaborators':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.collaborators'),
            defaultMessage: '{count, plural, one {# collaborator link} other {# collaborator links}}',
          },
          { count },
        );
      case 'orders':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.orders'),
            defaultMessage: '{count, plural, one {# order} other {# orders}}',
          },
          { count },
        );
      case 'quotes':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.quotes'),
            defaultMessage: '{count, plural, one {# quote} other {# quotes}}',
          },
          { count },
        );
      case 'invoices':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.invoices'),
            defaultMessage: '{count, plural, one {# invoice} other {# invoices}}',
          },
          { count },
        );
      case 'contracts':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.contracts'),
            defaultMessage: '{count, plural, one {# contract} other {# contracts}}',
          },
          { count },
        );
      case 'documents':
        return formatMessage(
          {
            id: getTranslation('retention.willDelete.documents'),
            defaultMessage: '{count, plural, one {# document (with its file)} other {# documents (with their files)}}',
          },
          { count },
        );
      default:
        // A content type the app declared that we have no wording for: its plural name.
        return formatMessage(
          { id: getTranslation('retention.willDelete.other'), defaultMessage: '{count} {kind}' },
          { count, kind },
        );
    }
  };

  const deleted = Object.entries(counts)
    .filter(([kind, count]) => kind !== AUDIT_KEY && count > 0)
    .map(([kind, count]) => describe(kind, count));
  const redacted = counts[AUDIT_KEY] ?? 0;

  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography textColor="neutral800">
        {deleted.length
          ? formatList(deleted, { type: 'conjunction' })
          : formatMessage({ id: getTranslation('retention.willDelete.nothing'), defaultMessage: 'No owned data left' })}
      </Typography>
      {redacted > 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTranslation('retention.willDelete.auditRedacted'),
              defaultMessage: '{count, plural, one {# audit event redacted} other {# audit events redacted}} (kept)',
            },
            { count: redacted },
          )}
        </Typography>
      ) : null}
    </Flex>
  );
};
