import * as React from 'react';
import { Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import { ActionFooter, InlineError } from '../../components/entitlements/ActionModal';
import { useSubmitAction } from '../../components/entitlements/useSubmitAction';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import type { OrganizationFormProps } from './types';

export const accessMessages = {
  disable: { id: getTranslation('entitlement.cm.organization.access.disable'), defaultMessage: 'Disable access' },
  enable: { id: getTranslation('entitlement.cm.organization.access.enable'), defaultMessage: 'Enable access' },
  disableExplanation: {
    id: getTranslation('entitlement.cm.organization.access.disable.explanation'),
    defaultMessage: 'Collaborators can no longer use the portal. Billing and data keep running; access can be enabled again at any time.',
  },
  enableExplanation: {
    id: getTranslation('entitlement.cm.organization.access.enable.explanation'),
    defaultMessage: 'Collaborators can use the portal again.',
  },
  reason: { id: getTranslation('entitlement.cm.organization.access.reason'), defaultMessage: 'Reason (optional)' },
  disabled: { id: getTranslation('entitlement.cm.organization.access.disable.success'), defaultMessage: 'Portal access disabled.' },
  enabled: { id: getTranslation('entitlement.cm.organization.access.enable.success'), defaultMessage: 'Portal access enabled.' },
};

/** Portal access only: disabling blocks the collaborators, nothing else. */
export const AccessOrganizationForm = ({ organization, onClose, onDone }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const { submit, error, isSubmitting } = useSubmitAction<OrganizationDetail>(onDone);
  const [reason, setReason] = React.useState('');
  const disabling = organization.accessStatus === 'enabled';
  const confirm = () => {
    const trimmed = reason.trim();
    void submit(
      (disabling ? api.organizations.disable : api.organizations.enable)(organization.documentId, trimmed ? { reason: trimmed } : {}),
      formatMessage(disabling ? accessMessages.disabled : accessMessages.enabled),
    );
  };
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{formatMessage(disabling ? accessMessages.disableExplanation : accessMessages.enableExplanation)}</Typography>
          <Field.Root name="reason">
            <Field.Label>{formatMessage(accessMessages.reason)}</Field.Label>
            <Textarea value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
          </Field.Root>
          <InlineError message={error} />
        </Flex>
      </Modal.Body>
      <ActionFooter
        onClose={onClose}
        onConfirm={confirm}
        confirmLabel={formatMessage(disabling ? accessMessages.disable : accessMessages.enable)}
        loading={isSubmitting}
        variant={disabling ? 'danger' : 'default'}
      />
    </>
  );
};
