import { Flex } from '@strapi/design-system';
import { usePermissions } from '../../hooks/usePermissions';
import { AccessAction } from './AccessAction';
import { ArchiveAction } from './ArchiveAction';
import { CancelAllAction } from './CancelAllAction';
import { DeleteAction } from './DeleteAction';
import { ExportAction } from './ExportAction';
import type { OrganizationActionProps } from './types';

/** The header's buttons: only those the signed-in admin may use are rendered. */
export const OrganizationActions = ({ organization, onChanged }: OrganizationActionProps) => {
  const { abilities, isLoading } = usePermissions();
  if (isLoading) return null;
  return (
    <Flex gap={2} wrap="wrap" justifyContent="flex-end">
      {abilities.canCancel ? <CancelAllAction organization={organization} onChanged={onChanged} /> : null}
      {abilities.canExport ? <ExportAction organization={organization} onChanged={onChanged} /> : null}
      {abilities.canAccess ? <AccessAction organization={organization} onChanged={onChanged} /> : null}
      {abilities.canArchive ? <ArchiveAction organization={organization} onChanged={onChanged} /> : null}
      {abilities.canDelete ? <DeleteAction organization={organization} onChanged={onChanged} /> : null}
    </Flex>
  );
};
