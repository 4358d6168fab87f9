import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useLabels } from '../../hooks/useLabels';
import { formatIntlMoment } from '../../utils/dates';
import { getTranslation } from '../../utils/translations';
import { ConfirmForm } from '../common/ConfirmForm';
import { entitlementLabel } from '../entitlements/format';
import { organizationActionMessages } from './actionMessages';
import type { OrganizationFormProps } from './types';

/** Archive (refused while an entitlement is not cancelled) or, once archived, unarchive. */
export const ArchiveForm = ({ organization, onClose, onDone }: OrganizationFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const labels = useLabels();
  const archived = Boolean(organization.archivedAt);
  const open = archived ? [] : organization.entitlements.filter((entitlement) => entitlement.status !== 'cancelled');
  // A customer export still downloadable: its signed link stops working with the portal (docs/spec.md §12).
  const exportsList = useApiQuery(archived ? null : api.exports.list(organization.documentId));
  const links = (exportsList.data?.data ?? []).filter(
    (entry) => entry.profile === 'customer' && entry.state === 'ready' && (!entry.expiresAt || Date.parse(entry.expiresAt) > Date.now()),
  );
  const lastUntil = links.map((entry) => entry.expiresAt).sort().at(-1) ?? null;
  return (
    <ConfirmForm
      description={
        archived
          ? formatMessage(
              {
                id: getTranslation('organization.unarchive.description'),
                defaultMessage:
                  'The organization leaves the purge queue. {access, select, disabled {Its portal stays closed: portal access is switched off.} other {Its portal opens again as far as its entitlements allow: the Access panel shows what it allows once unarchived.}}',
              },
              { access: organization.accessStatus },
            )
          : formatMessage({
              id: getTranslation('organization.archive.description'),
              defaultMessage:
                'The portal closes to its collaborators and no new order or quote can be created for it. Its data is kept until the end of the retention period, then purged.',
            })
      }
      request={(archived ? api.organizations.unarchive : api.organizations.archive)(organization.documentId)}
      successMessage={
        archived
          ? formatMessage({ id: getTranslation('organization.unarchive.success'), defaultMessage: 'Organization unarchived' })
          : formatMessage({ id: getTranslation('organization.archive.success'), defaultMessage: 'Organization archived' })
      }
      submitLabel={formatMessage(archived ? organizationActionMessages.unarchive : organizationActionMessages.archive)}
      submitVariant={archived ? 'default' : 'danger'}
      onClose={onClose}
      onDone={onDone}
    >
      {links.length ? (
        <Box role="alert" data-testid="archive-customer-link-warning" background="warning100" borderColor="warning200" hasRadius padding={3}>
          <Typography textColor="warning700">
            {formatMessage(
              {
                id: getTranslation('organization.archive.customerLinks'),
                defaultMessage:
                  '{count, plural, one {The customer’s download link} other {The customer’s # download links}} (ready until {date}) will stop working: an archived organization’s portal is closed, and its links with it. Archive once the customer has the data, or unarchive to open them again.',
              },
              { count: links.length, date: formatIntlMoment(intl, lastUntil) },
            )}
          </Typography>
        </Box>
      ) : null}
      {open.length ? (
        // The Content Manager offers the action whatever the entitlements: say which ones the server will object to.
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography textColor="danger700">
            {formatMessage({
              id: getTranslation('organization.archive.open'),
              defaultMessage: 'Every entitlement must be cancelled first; still open:',
            })}
          </Typography>
          {open.map((entitlement) => (
            <Typography key={entitlement.documentId} textColor="neutral700">
              {`${entitlementLabel(intl, entitlement)} — ${labels.status(entitlement.status)}`}
            </Typography>
          ))}
        </Flex>
      ) : null}
    </ConfirmForm>
  );
};
