import * as React from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ConfirmAction } from './ConfirmAction';
import type { OrganizationActionProps } from './types';

/** Portal access only: billing and data keep running either way. */
export const AccessAction = ({ organization: org, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
  const [reason, setReason] = React.useState('');
  const disabling = org.accessStatus === 'enabled';
  const trimmed = reason.trim();

  const label = disabling
    ? formatMessage({ id: getTranslation('organization.actions.disableAccess'), defaultMessage: 'Disable access' })
    : formatMessage({ id: getTranslation('organization.actions.enableAccess'), defaultMessage: 'Enable access' });

  return (
    <ConfirmAction
      label={label}
      variant={disabling ? 'danger-light' : 'secondary'}
      confirmVariant={disabling ? 'danger' : 'default'}
      disabledReason={
        org.purgeState === 'purged'
          ? formatMessage({
              id: getTranslation('organization.actions.purgedHint'),
              defaultMessage: 'The organization was purged: only its tombstone remains.',
            })
          : null
      }
      title={
        disabling
          ? formatMessage({ id: getTranslation('organization.access.disableTitle'), defaultMessage: 'Disable portal access?' })
          : formatMessage({ id: getTranslation('organization.access.enableTitle'), defaultMessage: 'Enable portal access?' })
      }
      description={
        disabling
          ? formatMessage({
              id: getTranslation('organization.access.disableDescription'),
              defaultMessage:
                'Collaborators can no longer open the portal (for example after missed payments). Billing and data keep running, and access can be enabled again at any time.',
            })
          : formatMessage({
              id: getTranslation('organization.access.enableDescription'),
              defaultMessage: 'Collaborators can open the portal again.',
            })
      }
      request={(disabling ? api.organizations.disable : api.organizations.enable)(org.documentId, trimmed ? { reason: trimmed } : {})}
      successMessage={
        disabling
          ? formatMessage({ id: getTranslation('organization.access.disabled'), defaultMessage: 'Portal access disabled' })
          : formatMessage({ id: getTranslation('organization.access.enabled'), defaultMessage: 'Portal access enabled' })
      }
      onSuccess={onChanged}
      onRefusalClosed={onChanged}
      onOpen={() => setReason('')}
    >
      <Field.Root
        name="accessReason"
        hint={formatMessage({
          id: getTranslation('organization.access.reasonHint'),
          defaultMessage: 'Optional; kept in the audit trail.',
        })}
      >
        <Field.Label>{formatMessage({ id: getTranslation('organization.access.reason'), defaultMessage: 'Reason' })}</Field.Label>
        <Textarea value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
        <Field.Hint />
      </Field.Root>
    </ConfirmAction>
  );
};
