import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACTIONS } from '../constants';
import type { ExportDownload } from '../services/export';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { answerExportRequest } from './export-answer';
import { noQuery } from './validation/common';
import { validateCreateExport, validateToken } from './validation/export';
import { validatePagination } from './validation/organization';

interface Ability {
  can: (action: string) => boolean;
}

/** Data exports: request, follow, download (admin), and the signed public link. */
const createExportController = ({ strapi }: { strapi: Core.Strapi }) => {
  const exports = () => getService(strapi, 'export');

  const sendFile = (ctx: Context, file: ExportDownload) => {
    ctx.set('Cache-Control', 'private, no-store');
    // Authorised here; the bucket serves the bytes through a URL that lives minutes.
    if ('redirect' in file) {
      ctx.redirect(file.redirect);
      return;
    }
    ctx.type = 'application/zip';
    ctx.attachment(file.fileName);
    ctx.length = file.size;
    ctx.body = file.stream;
  };

  return {
    /** 202 with a new export; 200 with the one already open for this organization and profile. */
    async create(ctx: Context) {
      const { profile = 'admin' } = await validateCreateExport(ctx.request.body);
      answerExportRequest(ctx, await exports().request(ctx.params.id, adminActor(ctx), profile), (data) => data);
    },

    async listForOrganization(ctx: Context) {
      const query = await validatePagination(ctx.query);
      await getService(strapi, 'organization').findRow(ctx.params.id);
      const { results, pagination } = await exports().listForOrganization(ctx.params.id, query);
      ctx.body = { data: results, meta: { pagination } };
    },

    /**
     * A ready customer export carries its signed link, for the admin to hand to the customer —
     * only to an admin allowed to download it (the link is as good as the download).
     */
    async findOne(ctx: Context) {
      await noQuery(ctx.query);
      const row = await exports().findOne(ctx.params.id);
      const mayDownload = (ctx.state.userAbility as Ability | undefined)?.can(ACTIONS.export) === true;
      const withLink = row.state === 'ready' && row.profile === 'customer' && mayDownload;
      ctx.body = { data: { ...exports().view(row), ...(withLink ? { downloadUrl: exports().downloadUrl(row) } : {}) } };
    },

    /**
     * Always streamed: the admin panel fetches it with the admin's token, and a redirect to the
     * bucket's origin would need CORS rules on the bucket.
     */
    async download(ctx: Context) {
      await noQuery(ctx.query);
      sendFile(ctx, await exports().openFile(await exports().findOne(ctx.params.id)));
    },

    /**
     * No login: the signed token is the credential, re-checked against the organization now. A
     * browser opens the link itself, so it may be redirected to a presigned URL (when configured).
     */
    async downloadSigned(ctx: Context) {
      const { token } = await validateToken(ctx.query);
      sendFile(ctx, await exports().openFile(await exports().verifyToken(token), { redirect: true }));
    },
  };
};

export default createExportController;
