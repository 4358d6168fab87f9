import { IconButton } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { ActionDialog, type ActionDialogProps } from '../common/ActionDialog';

/** A table row's Edit: the pencil button opens the row's form in the action dialog. */
export const EditDialog = ({ label, onDone, children }: Pick<ActionDialogProps, 'label' | 'onDone' | 'children'>) => (
  <ActionDialog
    label={label}
    onDone={onDone}
    renderTrigger={(open) => (
      <IconButton variant="ghost" onClick={open} label={label}>
        <Pencil />
      </IconButton>
    )}
  >
    {children}
  </ActionDialog>
);
