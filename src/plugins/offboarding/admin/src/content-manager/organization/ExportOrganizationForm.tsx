import { Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DataExport } from '../../../../shared/contracts/entities';
import { ActionFooter, InlineError } from '../../components/entitlements/ActionModal';
import { useSubmitAction } from '../../components/entitlements/useSubmitAction';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import type { OrganizationFormProps } from './types';

export const exportMessages = {
  label: { id: getTranslation('entitlement.cm.organization.export'), defaultMessage: 'Generate data export' },
  explanation: {
    id: getTranslation('entitlement.cm.organization.export.explanation'),
    defaultMessage:
      'A ZIP with the organization, its entitlements, resources, audit trail, owned data and documents is generated in the background. Download it from the organization’s page in Offboarding once it is ready.',
  },
  queued: { id: getTranslation('entitlement.cm.organization.export.success'), defaultMessage: 'Data export queued.' },
};

export const ExportOrganizationForm = ({ organization, onClose, onDone }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const { submit, error, isSubmitting } = useSubmitAction<DataExport>(onDone);
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{formatMessage(exportMessages.explanation)}</Typography>
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={() => void submit(api.exports.create(organization.documentId, {}), formatMessage(exportMessages.queued))}
        confirmLabel={formatMessage(exportMessages.label)}
        loading={isSubmitting}
      />
    </>
  );
};
