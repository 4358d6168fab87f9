import type { CreateExport, DownloadExport, GetExport, ListOrganizationExports } from '../../../shared/contracts/exports';
import { action, path, query } from './request';

/** An organization's data exports. */
export const dataExports = {
  create: (organizationId: string, body: CreateExport.Request['body']) =>
    action<CreateExport.Response>('POST', path`/organizations/${organizationId}/exports`, body),
  list: (organizationId: string, params?: ListOrganizationExports.Request['query']) =>
    query<ListOrganizationExports.Response>(path`/organizations/${organizationId}/exports`, params),
  get: (id: string) => query<GetExport.Response>(path`/exports/${id}`),
  /** The archive itself: send it with `responseType: 'blob'`. */
  download: (id: string) => query<DownloadExport.Response>(path`/exports/${id}/download`),
};
