import * as React from 'react';
import { Box } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { ActionsMenu } from '../common/ActionsMenu';
import { ENTITLEMENT_ACTION_KEYS, ENTITLEMENT_ACTIONS, isActionAvailable } from './actions';
import { reactivationRefusal } from './ReactivateForm';

/**
 * The actions an entitlement's status allows and the admin's role permits, each behind its
 * dialog. `onChanged` runs after the server accepted one.
 */
export const EntitlementActions = ({
  entitlement,
  organization,
  onChanged,
}: {
  entitlement: EntitlementView;
  organization: OrganizationDetail;
  onChanged: () => void;
}) => {
  const intl = useIntl();
  const { abilities, isLoading } = usePermissions();
  if (isLoading) return null;

  const keys = ENTITLEMENT_ACTION_KEYS.filter((key) => isActionAvailable(key, entitlement.status, abilities));
  if (!keys.length) return null;

  return (
    // Clicks in the row's actions (and in their dialogs, portalled but still React children)
    // must not reach a clickable table row around them.
    <Box onClick={(event: React.MouseEvent) => event.stopPropagation()}>
      <ActionsMenu
        label={intl.formatMessage(
          { id: getTranslation('entitlement.actions.menu'), defaultMessage: 'Actions for {name}' },
          { name: entitlement.name ?? entitlement.class },
        )}
        actions={keys.map((key) => {
          const { label, variant, Form } = ENTITLEMENT_ACTIONS[key];
          return {
            key,
            label: intl.formatMessage(label),
            danger: variant === 'danger' || variant === 'danger-light',
            disabledReason: key === 'reactivate' ? reactivationRefusal(intl, entitlement) : null,
            onDone: onChanged,
            render: (dialog) => <Form entitlement={entitlement} organization={organization} {...dialog} />,
          };
        })}
      />
    </Box>
  );
};
