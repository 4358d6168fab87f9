import * as React from 'react';
import { Flex, IconButton, Menu, Typography } from '@strapi/design-system';
import { More } from '@strapi/icons';
import { ActionModal, type DialogFormProps } from './ActionDialog';

export interface MenuAction {
  key: string;
  /** The item's text, and the dialog's title when there is no `title`. */
  label: string;
  title?: string;
  /** Destructive: shown in the danger color. */
  danger?: boolean;
  /** Why the current state forbids it: the item is disabled and says why beneath its label. */
  disabledReason?: string | null;
  onDone?: () => void;
  onDismiss?: () => void;
  /** The form inside the dialog, mounted while it is open. */
  render: (props: DialogFormProps) => React.ReactNode;
}

/**
 * A "…" button with a menu of actions, each opening its dialog: a table row's actions (a row
 * never grows wider than the window, however many actions its state allows) and the rare or
 * destructive actions of a page header.
 */
export const ActionsMenu = ({ label, actions, variant = 'tertiary' }: { label: string; actions: MenuAction[]; variant?: 'tertiary' | 'ghost' }) => {
  const [openKey, setOpenKey] = React.useState<string | null>(null);
  // The dialog stays mounted with the action it was opened for, even if the list changes meanwhile.
  const [current, setCurrent] = React.useState<MenuAction | null>(null);
  if (!actions.length) return null;
  const close = (after?: () => void) => {
    setOpenKey(null);
    after?.();
  };

  return (
    <>
      <Menu.Root>
        <Menu.Trigger tag={IconButton} icon={<More />} label={label} variant={variant} />
        <Menu.Content popoverPlacement="bottom-end">
          {actions.map((action) => (
            <Menu.Item
              key={action.key}
              variant={action.danger ? 'danger' : 'default'}
              disabled={Boolean(action.disabledReason)}
              onSelect={() => {
                setCurrent(action);
                setOpenKey(action.key);
              }}
            >
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {action.label}
                {action.disabledReason ? (
                  <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
                    {action.disabledReason}
                  </Typography>
                ) : null}
              </Flex>
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Root>
      {current ? (
        <ActionModal
          title={current.title ?? current.label}
          isOpen={openKey === current.key}
          onDismiss={() => close(current.onDismiss)}
          onDone={() => close(current.onDone)}
        >
          {current.render}
        </ActionModal>
      ) : null}
    </>
  );
};
