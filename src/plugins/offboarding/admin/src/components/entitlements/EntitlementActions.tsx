import * as React from 'react';
import { Box, Button, Flex, Tooltip, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import { usePermissions } from '../../hooks/usePermissions';
import { ENTITLEMENT_ACTION_KEYS, ENTITLEMENT_ACTIONS, isActionAvailable, type EntitlementActionKey } from './actions';
import { reactivationRefusal } from './ReactivateDialog';

/** A button that cannot be used, with the reason both as a tooltip and as visible text. */
const RefusedButton = ({ label, reason }: { label: string; reason: string }) => {
  const id = React.useId();
  return (
    <Flex gap={2} alignItems="center">
      <Tooltip label={reason}>
        {/* A disabled button receives no pointer events: the wrapper carries the tooltip. */}
        <span>
          <Button size="S" variant="secondary" disabled aria-describedby={id}>
            {label}
          </Button>
        </span>
      </Tooltip>
      <Typography id={id} variant="pi" textColor="neutral600">
        {reason}
      </Typography>
    </Flex>
  );
};

/**
 * The actions an entitlement's status allows and the admin's role permits, each behind a
 * confirmation dialog. `onChanged` runs after the server accepted one.
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
  const [open, setOpen] = React.useState<EntitlementActionKey | null>(null);
  if (isLoading) return null;

  const keys = ENTITLEMENT_ACTION_KEYS.filter((key) => isActionAvailable(key, entitlement.status, abilities));
  if (!keys.length) return null;
  const refusal = reactivationRefusal(intl, entitlement);
  const OpenDialog = open ? ENTITLEMENT_ACTIONS[open].Dialog : null;

  return (
    // Clicks in the row's actions (and in their dialogs, portalled but still React children)
    // must not reach a clickable table row around them.
    <Box onClick={(event: React.MouseEvent) => event.stopPropagation()}>
      <Flex gap={2} wrap="wrap" alignItems="center">
        {keys.map((key) => {
          const { label, variant } = ENTITLEMENT_ACTIONS[key];
          if (key === 'reactivate' && refusal !== null) {
            return <RefusedButton key={key} label={intl.formatMessage(label)} reason={refusal} />;
          }
          return (
            <Button key={key} size="S" variant={variant} onClick={() => setOpen(key)}>
              {intl.formatMessage(label)}
            </Button>
          );
        })}
      </Flex>
      {OpenDialog ? (
        <OpenDialog
          open
          onOpenChange={(next) => {
            if (!next) setOpen(null);
          }}
          entitlement={entitlement}
          organization={organization}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      ) : null}
    </Box>
  );
};
