import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { yup } from '@strapi/utils';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { emptyBody, noQuery, strictObject, validateQuery } from './validation/common';

const validateToken = validateQuery<{ token: string }>(strictObject({ token: yup.string().max(2000).required('token is required') }));

/** Data exports: request, follow, download (admin), and the signed public link. */
const createExportController = ({ strapi }: { strapi: Core.Strapi }) => {
  const exports = () => getService(strapi, 'export');

  const sendFile = (ctx: Context, file: { stream: NodeJS.ReadableStream; fileName: string; size: number }) => {
    ctx.type = 'application/zip';
    ctx.attachment(file.fileName);
    ctx.length = file.size;
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = file.stream;
  };

  return {
    async create(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.status = 202;
      ctx.body = { data: await exports().request(ctx.params.id, adminActor(ctx)) };
    },

    async listForOrganization(ctx: Context) {
      await noQuery(ctx.query);
      await getService(strapi, 'organization').findRow(ctx.params.id);
      ctx.body = { data: await exports().listForOrganization(ctx.params.id) };
    },

    /** A ready export carries its signed link, for the admin to hand to the customer. */
    async findOne(ctx: Context) {
      await noQuery(ctx.query);
      const row = await exports().findOne(ctx.params.id);
      ctx.body = { data: { ...exports().view(row), ...(row.state === 'ready' ? { downloadUrl: exports().downloadUrl(row) } : {}) } };
    },

    async download(ctx: Context) {
      await noQuery(ctx.query);
      sendFile(ctx, exports().openFile(await exports().findOne(ctx.params.id)));
    },

    /** No login: the signed token is the credential. */
    async downloadSigned(ctx: Context) {
      const { token } = await validateToken(ctx.query);
      sendFile(ctx, exports().openFile(await exports().verifyToken(token)));
    },
  };
};

export default createExportController;
