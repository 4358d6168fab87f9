import type { CancelScheduledChange, ListScheduledChanges } from '../../../shared/contracts/lifecycle';
import { action, path, query } from './request';

/** Every future change, whatever made it (docs/spec.md §13), and the undo of those that can be taken back. */
export const scheduledChanges = {
  list: (params: ListScheduledChanges.Request['query']) => query<ListScheduledChanges.Response>(path`/scheduled-changes`, params),
  cancel: (id: string) => action<CancelScheduledChange.Response>('DELETE', path`/scheduled-changes/${id}`),
};
