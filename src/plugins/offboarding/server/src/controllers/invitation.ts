import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { emptyBody, noQuery } from './validation/common';
import { validateInvitation, validateInvitationList } from './validation/invitation';

/** Admin side of invitations (docs/spec.md §12): invite, list, revoke, resend. */
const createInvitationController = ({ strapi }: { strapi: Core.Strapi }) => {
  const invitations = () => getService(strapi, 'invitation');

  return {
    async create(ctx: Context) {
      const body = await validateInvitation(ctx.request.body);
      const invitation = await invitations().create(ctx.params.id, body, adminActor(ctx));
      ctx.status = 201;
      ctx.body = { data: invitation };
    },

    async listForOrganization(ctx: Context) {
      const query = await validateInvitationList(ctx.query);
      const { results, pagination } = await invitations().list(ctx.params.id, query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async revoke(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await invitations().revoke(ctx.params.id, adminActor(ctx)) };
    },

    async resend(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await invitations().resend(ctx.params.id, adminActor(ctx)) };
    },
  };
};

export default createInvitationController;
