import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';

// One stable list: useRBAC compares it between renders and names each result `can<Action>`.
const ALL_PERMISSIONS = Object.values(PERMISSIONS).flat();

export interface PluginAbilities {
  canRead: boolean;
  canManage: boolean;
  canCancel: boolean;
  canSuspend: boolean;
  canReactivate: boolean;
  canArchive: boolean;
  canAccess: boolean;
  canExport: boolean;
  canDelete: boolean;
  canSettings: boolean;
  canRetention: boolean;
}

/** What the signed-in admin may do; buttons for anything else are not rendered. */
export const usePermissions = (): { abilities: PluginAbilities; isLoading: boolean } => {
  const { allowedActions, isLoading } = useRBAC(ALL_PERMISSIONS);
  const can = (name: string) => Boolean(allowedActions[name]);
  return {
    isLoading,
    abilities: {
      canRead: can('canRead'),
      canManage: can('canManage'),
      canCancel: can('canCancel'),
      canSuspend: can('canSuspend'),
      canReactivate: can('canReactivate'),
      canArchive: can('canArchive'),
      canAccess: can('canAccess'),
      canExport: can('canExport'),
      canDelete: can('canDelete'),
      canSettings: can('canSettings'),
      canRetention: can('canRetention'),
    },
  };
};
