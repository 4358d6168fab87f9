import type { ScheduledChangeKind } from '../../../../shared/contracts/lifecycle';
import type { PluginAbilities } from '../../hooks/usePermissions';

/** The permission DELETE /scheduled-changes/:id checks for each kind that can be undone (docs/spec.md §13). */
const UNDO_ABILITY: Partial<Record<ScheduledChangeKind, keyof PluginAbilities>> = {
  cancellation: 'canCancel',
  suspend: 'canSuspend',
  resume: 'canSuspend',
  pause: 'canSuspend',
  disable_access: 'canAccess',
  enable_access: 'canAccess',
};

export const canUndo = (kind: ScheduledChangeKind, abilities: PluginAbilities) => {
  const ability = UNDO_ABILITY[kind];
  return ability ? abilities[ability] : false;
};
