import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { forbiddenError, getService } from '../utils';
import { answerExportRequest } from './export-answer';
import { emptyBody, noQuery } from './validation/common';

interface PortalUser {
  id?: unknown;
  documentId?: string;
  email?: string;
}

const collaborator = (ctx: Context) => {
  const user = ctx.state.user as PortalUser | undefined;
  if (!user || typeof user.id !== 'number') {
    throw forbiddenError('portal.sign_in_required', 'The portal is for collaborators signed in through users-permissions (POST /api/auth/local)');
  }
  return { id: user.id, actor: { type: 'collaborator' as const, id: user.documentId ?? String(user.id), name: user.email ?? null } };
};

/**
 * A collaborator's data exports: ask for one, follow it, get its signed link when ready. They
 * are always customer exports (allow-listed), and each read re-checks the organization.
 */
const createPortalExportController = ({ strapi }: { strapi: Core.Strapi }) => {
  const exports = () => getService(strapi, 'export');

  return {
    /** 202 with a new export; 200 with the one already open; 429 past the daily limit. */
    async create(ctx: Context) {
      const user = collaborator(ctx);
      await emptyBody(ctx.request.body);
      await exports().collaboratorOrganization(user.id, ctx.params.id);
      const outcome = await exports().request(ctx.params.id, user.actor, 'customer');
      // A collaborator sees the export through the customers' allow-list.
      answerExportRequest(ctx, outcome, (data) => exports().customerView({ ...data }));
    },

    async findOne(ctx: Context) {
      const user = collaborator(ctx);
      await noQuery(ctx.query);
      const row = await exports().findForCollaborator(user.id, ctx.params.id);
      // The link names the collaborator: it stops working if they leave the organization.
      ctx.body = { data: { ...exports().customerView(row), ...(row.state === 'ready' ? { downloadUrl: exports().downloadUrl(row, user.id) } : {}) } };
    },
  };
};

export default createPortalExportController;
