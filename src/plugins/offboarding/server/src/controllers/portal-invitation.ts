import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { forbiddenError, getService } from '../utils';
import { noQuery } from './validation/common';
import { validateAcceptInvitation, validateTokenParam } from './validation/invitation';

/**
 * The invitation link (docs/spec.md §12): anyone holding it may see what it invites to (no login);
 * accepting it needs the signed-in users-permissions user the invitation was sent to.
 */
const createPortalInvitationController = ({ strapi }: { strapi: Core.Strapi }) => {
  const invitations = () => getService(strapi, 'invitation');

  return {
    async findOne(ctx: Context) {
      await noQuery(ctx.query);
      const { token } = await validateTokenParam({ token: ctx.params.token });
      ctx.body = { data: await invitations().show(token) };
    },

    async accept(ctx: Context) {
      const user = ctx.state.user as { id?: unknown } | undefined;
      if (!user || typeof user.id !== 'number') {
        throw forbiddenError('portal.sign_in_required', 'Sign in through users-permissions (POST /api/auth/local) with the invited address to accept an invitation');
      }
      const { token } = await validateAcceptInvitation(ctx.request.body);
      ctx.body = { data: await invitations().accept(token, user.id) };
    },
  };
};

export default createPortalInvitationController;
