import { PLUGIN_ID } from './pluginId';

export interface Permission {
  action: string;
  subject: null;
}

/** One admin permission per plugin action (registered by the server's bootstrap). */
const action = (name: string): Permission[] => [{ action: `plugin::${PLUGIN_ID}.${name}`, subject: null }];

export const PERMISSIONS = {
  read: action('read'),
  manage: action('manage'),
  cancel: action('cancel'),
  suspend: action('suspend'),
  reactivate: action('reactivate'),
  archive: action('archive'),
  access: action('access'),
  export: action('export'),
  delete: action('delete'),
  settings: action('settings'),
  retention: action('retention'),
};

export type PermissionName = keyof typeof PERMISSIONS;
