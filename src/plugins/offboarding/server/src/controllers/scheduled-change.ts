import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACTIONS, type ActionKey } from '../constants';
import { toDate } from '../domain/dates';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { noQuery } from './validation/common';
import { validateScheduledChangesQuery } from './validation/scheduled-change';

type Ability = { can: (action: string) => boolean };

/** The list of scheduled changes (docs/spec.md §13) and taking one back. */
const createScheduledChangeController = ({ strapi }: { strapi: Core.Strapi }) => {
  const changes = () => getService(strapi, 'scheduled-change');

  return {
    async find(ctx: Context) {
      const { organization, kind, from, to, page, pageSize } = await validateScheduledChangesQuery(ctx.query);
      const { results, pagination } = await changes().list(
        { organization: organization ?? null, kind: kind ?? null, from: toDate(from) ?? getService(strapi, 'clock').now(), to: toDate(to) },
        { page, pageSize }
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    /** The route asks for `read`; each change then needs its own action (403 without it). */
    async cancel(ctx: Context) {
      await noQuery(ctx.query);
      const ability = ctx.state.userAbility as Ability | undefined;
      const can = (action: ActionKey) => ability?.can(ACTIONS[action]) === true;
      ctx.body = { data: await changes().cancel(ctx.params.id, can, adminActor(ctx)) };
    },
  };
};

export default createScheduledChangeController;
