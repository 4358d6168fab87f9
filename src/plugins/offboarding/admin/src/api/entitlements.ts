import type { CancelEntitlement, ChangeEntitlement, GetEntitlement, PreviewCancelEntitlement, SuspendEntitlement } from '../../../shared/contracts/entitlements';
import type { ActivateEntitlement, PauseEntitlement, ResumeEntitlement, ScheduledAnswer } from '../../../shared/contracts/lifecycle';
import type { Entitlement } from '../../../shared/contracts/entities';
import { action, path, query } from './request';

/** The entitlement routes the panel uses: one entitlement and the changes an admin makes to it. */
export const entitlements = {
  get: (id: string) => query<GetEntitlement.Response>(path`/entitlements/${id}`),
  cancel: (id: string, body: CancelEntitlement.Request['body']) =>
    action<CancelEntitlement.Response>('POST', path`/entitlements/${id}/cancel`, body),
  previewCancel: (id: string, body: PreviewCancelEntitlement.Request['body']) =>
    action<PreviewCancelEntitlement.Response>('POST', path`/entitlements/${id}/cancel/preview`, body),
  undoCancel: (id: string) => action<ChangeEntitlement.Response>('POST', path`/entitlements/${id}/undo-cancel`, {}),
  /** With a future `effectiveAt` the answer carries the scheduled change (docs/spec.md §13). */
  suspend: (id: string, body: SuspendEntitlement.Request['body']) =>
    action<ScheduledAnswer<Entitlement>>('POST', path`/entitlements/${id}/suspend`, body),
  /** A suspended or a paused entitlement, now or at `effectiveAt`. */
  resume: (id: string, body: ResumeEntitlement.Request['body'] = {}) =>
    action<ResumeEntitlement.Response>('POST', path`/entitlements/${id}/resume`, body),
  pause: (id: string, body: PauseEntitlement.Request['body']) =>
    action<PauseEntitlement.Response>('POST', path`/entitlements/${id}/pause`, body),
  /** A prospect becomes active and is provisioned. */
  activate: (id: string) => action<ActivateEntitlement.Response>('POST', path`/entitlements/${id}/activate`, {}),
  reactivate: (id: string) => action<ChangeEntitlement.Response>('POST', path`/entitlements/${id}/reactivate`, {}),
};
