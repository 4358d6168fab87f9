import type { AccessView } from '../../../shared/contracts/access';
import type {
  ChecklistStepKey,
  CompleteChecklistStep,
  GetChecklist,
  ReopenChecklistStep,
  SkipChecklistStep,
  StartChecklist,
} from '../../../shared/contracts/checklist';
import type { ListNotifications } from '../../../shared/contracts/notices';
import type {
  ArchiveOrganization,
  CancelAllEntitlements,
  PreviewCancelAllEntitlements,
  PreviewOrganizationPolicy,
  DeleteOrganization,
  GetOrganization,
  GetOrganizationAudit,
  GetOrganizationRefunds,
  GetStats,
  ListOrganizations,
  RemoveCollaborator,
  SetOrganizationAccess,
  UpdateOrganization,
} from '../../../shared/contracts/organizations';
import type { AccessChangeRequest, ScheduledAnswer } from '../../../shared/contracts/lifecycle';
import type {
  BulkOrganizationsRequest,
  BulkOrganizationsResponse,
  ExportOrganizationsQuery,
  OrganizationInput,
  OrganizationListResponse,
} from '../../../shared/contracts/api';
import { action, path, query } from './request';

type AccessAnswer = ScheduledAnswer<SetOrganizationAccess.Response['data']>;

/** The organizations routes, their history, their access stage, their collaborators and their checklist. */
export const organizations = {
  list: (params: ListOrganizations.Request['query']) => query<OrganizationListResponse>(path`/organizations`, params),
  create: (body: OrganizationInput) => action<GetOrganization.Response>('POST', path`/organizations`, body),
  /** Archive, export or cancel at period end several organizations; each id answers on its own. */
  bulk: (body: BulkOrganizationsRequest) => action<BulkOrganizationsResponse>('POST', path`/organizations/bulk`, body),
  /** The filtered list as CSV (fetched as a file: see useCsvExport). */
  exportCsv: (params: ExportOrganizationsQuery) => query<Blob>(path`/organizations/export.csv`, params),
  get: (id: string) => query<GetOrganization.Response>(path`/organizations/${id}`),
  update: (id: string, body: UpdateOrganization.Request['body']) =>
    action<UpdateOrganization.Response>('PUT', path`/organizations/${id}`, body),
  /** `confirm`: the organization's name, typed by the admin. */
  delete: (id: string, { confirm }: DeleteOrganization.Request['query']) =>
    action<DeleteOrganization.Response>('DELETE', `${path`/organizations/${id}`}?confirm=${encodeURIComponent(confirm)}`),
  archive: (id: string) => action<ArchiveOrganization.Response>('POST', path`/organizations/${id}/archive`, {}),
  unarchive: (id: string) => action<ArchiveOrganization.Response>('POST', path`/organizations/${id}/unarchive`, {}),
  /** With a future `effectiveAt` the answer carries the scheduled change (docs/spec.md §13). */
  disable: (id: string, body: AccessChangeRequest) => action<AccessAnswer>('POST', path`/organizations/${id}/disable`, body),
  enable: (id: string, body: AccessChangeRequest) => action<AccessAnswer>('POST', path`/organizations/${id}/enable`, body),
  cancelAll: (id: string, body: CancelAllEntitlements.Request['body']) =>
    action<CancelAllEntitlements.Response>('POST', path`/organizations/${id}/cancel-all`, body),
  previewCancelAll: (id: string, body: PreviewCancelAllEntitlements.Request['body']) =>
    action<PreviewCancelAllEntitlements.Response>('POST', path`/organizations/${id}/cancel-all/preview`, body),
  previewPolicy: (id: string, body: PreviewOrganizationPolicy.Request['body']) =>
    action<PreviewOrganizationPolicy.Response>('POST', path`/organizations/${id}/policy/preview`, body),
  audit: (id: string, params: GetOrganizationAudit.Request['query']) =>
    query<GetOrganizationAudit.Response>(path`/organizations/${id}/audit`, params),
  refunds: (id: string, params: GetOrganizationRefunds.Request['query']) =>
    query<GetOrganizationRefunds.Response>(path`/organizations/${id}/refunds`, params),
  /** The customer notices queued and sent for the organization (docs/spec.md §11). */
  notifications: (id: string, params: ListNotifications.Request['query']) =>
    query<ListNotifications.Response>(path`/organizations/${id}/notifications`, params),
  stats: () => query<GetStats.Response>(path`/stats`),
  /** What the organization's stage allows, and why each withheld capability is withheld (docs/spec.md §12). */
  access: (id: string) => query<{ data: AccessView }>(path`/organizations/${id}/access`),

  collaborators: {
    remove: ({ id, userId }: RemoveCollaborator.Request['params']) =>
      action<RemoveCollaborator.Response>('DELETE', path`/organizations/${id}/collaborators/${userId}`),
  },

  checklist: {
    get: (id: string) => query<GetChecklist.Response>(path`/organizations/${id}/checklist`),
    start: (id: string) => action<StartChecklist.Response>('POST', path`/organizations/${id}/checklist/start`, {}),
    complete: (id: string, step: ChecklistStepKey, body: CompleteChecklistStep.Request['body']) =>
      action<CompleteChecklistStep.Response>('POST', path`/organizations/${id}/checklist/steps/${step}/complete`, body),
    skip: (id: string, step: ChecklistStepKey, body: SkipChecklistStep.Request['body']) =>
      action<SkipChecklistStep.Response>('POST', path`/organizations/${id}/checklist/steps/${step}/skip`, body),
    reopen: (id: string, step: ChecklistStepKey, body: ReopenChecklistStep.Request['body']) =>
      action<ReopenChecklistStep.Response>('POST', path`/organizations/${id}/checklist/steps/${step}/reopen`, body),
  },
};
