import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { forbiddenError, getService } from '../utils';
import { emptyBody, noQuery } from './validation/common';

interface PortalUser {
  id?: unknown;
  documentId?: string;
  email?: string;
}

const collaborator = (ctx: Context) => {
  const user = ctx.state.user as PortalUser | undefined;
  if (!user || typeof user.id !== 'number') {
    throw forbiddenError('The portal is for collaborators signed in through users-permissions (POST /api/auth/local)');
  }
  return { id: user.id, actor: { type: 'collaborator' as const, id: user.documentId ?? String(user.id), name: user.email ?? null } };
};

/** A collaborator's data exports: ask for one, follow it, get its signed link when ready. */
const createPortalExportController = ({ strapi }: { strapi: Core.Strapi }) => {
  const exports = () => getService(strapi, 'export');

  return {
    async create(ctx: Context) {
      const user = collaborator(ctx);
      await emptyBody(ctx.request.body);
      await exports().collaboratorOrganization(user.id, ctx.params.id);
      ctx.status = 202;
      ctx.body = { data: await exports().request(ctx.params.id, user.actor) };
    },

    async findOne(ctx: Context) {
      const user = collaborator(ctx);
      await noQuery(ctx.query);
      const row = await exports().findForCollaborator(user.id, ctx.params.id);
      const { requestedById: _id, requestedByName: _name, ...view } = exports().view(row);
      ctx.body = { data: { ...view, ...(row.state === 'ready' ? { downloadUrl: exports().downloadUrl(row) } : {}) } };
    },
  };
};

export default createPortalExportController;
