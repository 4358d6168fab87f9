import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { forbiddenError, getService } from '../utils';
import { noQuery } from './validation/common';
import { validatePortalList } from './validation/portal';

/**
 * The signed-in users-permissions user. An API token reaches content-API routes too, but it
 * belongs to no collaborator, so it has no organizations to look at.
 */
const collaboratorUserId = (ctx: Context): number => {
  const user = ctx.state.user as { id?: unknown } | undefined;
  if (!user || typeof user.id !== 'number') {
    throw forbiddenError('portal.sign_in_required', 'The portal is for collaborators signed in through users-permissions (POST /api/auth/local)');
  }
  return user.id;
};

/** Collaborator portal (content API): thin, the rules live in services/portal. */
const createPortalController = ({ strapi }: { strapi: Core.Strapi }) => {
  const portal = () => getService(strapi, 'portal');

  return {
    async find(ctx: Context) {
      const userId = collaboratorUserId(ctx);
      const query = await validatePortalList(ctx.query);
      const { results, pagination } = await portal().list(userId, query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      const userId = collaboratorUserId(ctx);
      await noQuery(ctx.query);
      ctx.body = { data: await portal().detail(userId, ctx.params.id) };
    },

    async access(ctx: Context) {
      const userId = collaboratorUserId(ctx);
      await noQuery(ctx.query);
      ctx.body = { data: await portal().access(userId, ctx.params.id) };
    },
  };
};

export default createPortalController;
