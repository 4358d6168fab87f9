import * as React from 'react';
import { Field } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ConfirmAction } from './ConfirmAction';
import type { OrganizationActionProps } from './types';

/** Immediate, irreversible removal; the organization's exact name is typed to confirm. */
export const DeleteAction = ({ organization: org, onChanged }: OrganizationActionProps) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const [typed, setTyped] = React.useState('');
  const matches = typed === org.name;

  return (
    <ConfirmAction
      label={formatMessage({ id: getTranslation('organization.actions.delete'), defaultMessage: 'Delete' })}
      variant="danger-light"
      startIcon={<Trash />}
      confirmVariant="danger"
      disabledReason={
        org.legalHold
          ? formatMessage({
              id: getTranslation('organization.delete.legalHoldHint'),
              defaultMessage: 'The organization is under legal hold: lift the hold before deleting it.',
            })
          : null
      }
      title={formatMessage({ id: getTranslation('organization.delete.title'), defaultMessage: 'Delete this organization?' })}
      description={formatMessage({
        id: getTranslation('organization.delete.description'),
        defaultMessage:
          'Everything the organization holds is removed now: entitlements, resources, owned data and their files, exports and collaborator links. Only the audit trail stays. This cannot be undone.',
      })}
      canConfirm={matches}
      request={api.organizations.delete(org.documentId, { confirm: typed })}
      successMessage={formatMessage(
        { id: getTranslation('organization.delete.success'), defaultMessage: '{name} was deleted' },
        { name: org.name },
      )}
      onSuccess={() => navigate('/plugins/offboarding')}
      onRefusalClosed={onChanged}
      onOpen={() => setTyped('')}
    >
      <Field.Root
        name="confirmName"
        hint={formatMessage(
          {
            id: getTranslation('organization.delete.confirmHint'),
            defaultMessage: 'Type “{name}” exactly to enable the button.',
          },
          { name: org.name },
        )}
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('organization.delete.confirmLabel'), defaultMessage: 'Organization name' })}
        </Field.Label>
        <Field.Input
          autoComplete="off"
          value={typed}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
    </ConfirmAction>
  );
};
