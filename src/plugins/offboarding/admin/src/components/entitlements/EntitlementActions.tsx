import * as React from 'react';
import { Box, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import { usePermissions } from '../../hooks/usePermissions';
import { ActionDialog } from '../common/ActionDialog';
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
      <Flex gap={2} wrap="wrap" alignItems="center">
        {keys.map((key) => {
          const { label, variant, Form } = ENTITLEMENT_ACTIONS[key];
          return (
            <ActionDialog
              key={key}
              label={intl.formatMessage(label)}
              variant={variant}
              size="S"
              disabledReason={key === 'reactivate' ? reactivationRefusal(intl, entitlement) : null}
              onDone={onChanged}
            >
              {(dialog) => <Form entitlement={entitlement} organization={organization} {...dialog} />}
            </ActionDialog>
          );
        })}
      </Flex>
    </Box>
  );
};
