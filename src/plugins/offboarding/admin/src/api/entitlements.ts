import type { CancelEntitlement, ChangeEntitlement, GetEntitlement, PreviewCancelEntitlement, SuspendEntitlement } from '../../../shared/contracts/entitlements';
import { action, path, query } from './request';

/** The entitlement routes the panel uses: one entitlement and the changes an admin makes to it. */
export const entitlements = {
  get: (id: string) => query<GetEntitlement.Response>(path`/entitlements/${id}`),
  cancel: (id: string, body: CancelEntitlement.Request['body']) =>
    action<CancelEntitlement.Response>('POST', path`/entitlements/${id}/cancel`, body),
  previewCancel: (id: string, body: PreviewCancelEntitlement.Request['body']) =>
    action<PreviewCancelEntitlement.Response>('POST', path`/entitlements/${id}/cancel/preview`, body),
  undoCancel: (id: string) => action<ChangeEntitlement.Response>('POST', path`/entitlements/${id}/undo-cancel`, {}),
  suspend: (id: string, body: SuspendEntitlement.Request['body']) =>
    action<SuspendEntitlement.Response>('POST', path`/entitlements/${id}/suspend`, body),
  resume: (id: string) => action<ChangeEntitlement.Response>('POST', path`/entitlements/${id}/resume`, {}),
  reactivate: (id: string) => action<ChangeEntitlement.Response>('POST', path`/entitlements/${id}/reactivate`, {}),
};
