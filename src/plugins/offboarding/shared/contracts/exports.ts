import type { ListResponse } from './api';
import type { ExportProfile } from './constants';
import type { DataExport } from './entities';
import type { PageQuery } from './organizations';

/** One request and one response type per admin route on data exports (server/src/routes/admin.ts). */

/** POST /organizations/:id/exports: 202 for a new export, 200 for the one already under way. */
export declare namespace CreateExport {
  export interface Request {
    params: { id: string };
    /** No profile: an admin export. */
    body: { profile?: ExportProfile };
  }
  export interface Response {
    data: DataExport;
  }
}

/** GET /organizations/:id/exports */
export declare namespace ListOrganizationExports {
  export interface Request {
    params: { id: string };
    query: PageQuery;
  }
  export type Response = ListResponse<DataExport>;
}

/** GET /exports/:id: a ready customer export carries its signed link (`downloadUrl`) for an admin who may download it. */
export declare namespace GetExport {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: DataExport;
  }
}

/** GET /exports/:id/download: the archive itself (a zip), or an error body. */
export declare namespace DownloadExport {
  export interface Request {
    params: { id: string };
  }
  export type Response = Blob;
}
