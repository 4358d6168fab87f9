import { Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { ActionFooter, InlineError } from '../../components/entitlements/ActionModal';
import { entitlementLabel } from '../../components/entitlements/format';
import { statusMessages } from '../../components/entitlements/messages';
import { useSubmitAction } from '../../components/entitlements/useSubmitAction';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import type { OrganizationFormProps } from './types';

export const archiveMessages = {
  archive: { id: getTranslation('entitlement.cm.organization.archive'), defaultMessage: 'Archive' },
  unarchive: { id: getTranslation('entitlement.cm.organization.unarchive'), defaultMessage: 'Unarchive' },
  archiveExplanation: {
    id: getTranslation('entitlement.cm.organization.archive.explanation'),
    defaultMessage:
      'The portal closes to its collaborators and no new order or quote can be created for it. Its data is kept until the end of the retention period, then purged.',
  },
  openEntitlements: {
    id: getTranslation('entitlement.cm.organization.archive.open'),
    defaultMessage: 'Every entitlement must be cancelled first; still open:',
  },
  unarchiveExplanation: {
    id: getTranslation('entitlement.cm.organization.unarchive.explanation'),
    defaultMessage: 'The organization is open to its collaborators again and leaves the purge queue.',
  },
  archived: { id: getTranslation('entitlement.cm.organization.archive.success'), defaultMessage: 'Organization archived.' },
  unarchived: { id: getTranslation('entitlement.cm.organization.unarchive.success'), defaultMessage: 'Organization unarchived.' },
};

/** Archive (refused while an entitlement is not cancelled) or, once archived, unarchive. */
export const ArchiveOrganizationForm = ({ organization, onClose, onDone }: OrganizationFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { submit, error, isSubmitting } = useSubmitAction<OrganizationDetail>(onDone);
  const archived = Boolean(organization.archivedAt);
  const open = archived ? [] : organization.entitlements.filter((entitlement) => entitlement.status !== 'cancelled');
  const request = (archived ? api.organizations.unarchive : api.organizations.archive)(organization.documentId);
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{formatMessage(archived ? archiveMessages.unarchiveExplanation : archiveMessages.archiveExplanation)}</Typography>
          {open.length ? (
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Typography textColor="danger700">{formatMessage(archiveMessages.openEntitlements)}</Typography>
              {open.map((entitlement) => (
                <Typography key={entitlement.documentId} textColor="neutral700">
                  {`${entitlementLabel(intl, entitlement)} — ${formatMessage(statusMessages[entitlement.status])}`}
                </Typography>
              ))}
            </Flex>
          ) : null}
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={() => void submit(request, formatMessage(archived ? archiveMessages.unarchived : archiveMessages.archived))}
        confirmLabel={formatMessage(archived ? archiveMessages.unarchive : archiveMessages.archive)}
        disabled={open.length > 0}
        loading={isSubmitting}
        variant={archived ? 'default' : 'danger'}
      />
    </>
  );
};
