import { Flex } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../../hooks/usePermissions';
import { ActionDialog } from '../common/ActionDialog';
import { PLUGIN_PATH } from '../organizations/paths';
import { ORGANIZATION_ACTION_KEYS, ORGANIZATION_ACTIONS } from './actions';
import type { OrganizationActionProps } from './types';

/** The header's buttons: only those the signed-in admin may use are rendered. */
export const OrganizationActions = ({ organization, onChanged }: OrganizationActionProps) => {
  const intl = useIntl();
  const navigate = useNavigate();
  const { abilities, isLoading } = usePermissions();
  if (isLoading) return null;
  const reload = () => void onChanged();
  return (
    <Flex gap={2} wrap="wrap" justifyContent="flex-end">
      {ORGANIZATION_ACTION_KEYS.filter((key) => abilities[ORGANIZATION_ACTIONS[key].ability]).map((key) => {
        const { label, title, variant, refusal, Form } = ORGANIZATION_ACTIONS[key];
        return (
          <ActionDialog
            key={key}
            label={intl.formatMessage(label(organization))}
            title={intl.formatMessage(title(organization))}
            variant={variant(organization)}
            startIcon={key === 'delete' ? <Trash /> : undefined}
            disabledReason={refusal(organization, intl)}
            // A deleted organization has no page left to reload.
            onDone={key === 'delete' ? () => navigate(PLUGIN_PATH) : reload}
            onDismiss={reload}
          >
            {(dialog) => <Form organization={organization} {...dialog} />}
          </ActionDialog>
        );
      })}
    </Flex>
  );
};
