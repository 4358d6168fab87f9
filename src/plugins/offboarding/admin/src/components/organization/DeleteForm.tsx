import * as React from 'react';
import { Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { useActionForm } from '../common/useActionForm';
import { organizationActionMessages } from './actionMessages';
import type { OrganizationFormProps } from './types';

/** Immediate, irreversible removal; the organization's exact name is typed to confirm. */
export const DeleteForm = ({ organization, ...dialog }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const { values, set, fieldError, form } = useActionForm({
    ...dialog,
    initialValues: { confirm: '' },
    validate: ({ confirm }) => ({
      confirm:
        confirm === organization.name
          ? undefined
          : formatMessage(
              { id: getTranslation('organization.delete.mismatch'), defaultMessage: 'Type “{name}” exactly to delete it.' },
              { name: organization.name },
            ),
    }),
    request: ({ confirm }) => api.organizations.delete(organization.documentId, { confirm }),
    successMessage: formatMessage(
      { id: getTranslation('organization.delete.success'), defaultMessage: '{name} was deleted' },
      { name: organization.name },
    ),
  });
  return (
    <ActionForm
      {...form}
      description={formatMessage({
        id: getTranslation('organization.delete.description'),
        defaultMessage:
          'Everything the organization holds is removed now: entitlements, resources, owned data and their files, exports and collaborator links. Only the audit trail stays. This cannot be undone.',
      })}
      submitLabel={formatMessage(organizationActionMessages.delete)}
      submitVariant="danger"
    >
      <Field.Root
        name="confirm"
        required
        error={fieldError('confirm')}
        hint={formatMessage(
          { id: getTranslation('organization.delete.confirmHint'), defaultMessage: 'Type “{name}” exactly to confirm.' },
          { name: organization.name },
        )}
      >
        <Field.Label>
          {formatMessage({ id: getTranslation('organization.delete.confirmLabel'), defaultMessage: 'Organization name' })}
        </Field.Label>
        <Field.Input
          autoComplete="off"
          value={values.confirm}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('confirm', event.target.value)}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </ActionForm>
  );
};
