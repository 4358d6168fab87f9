import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { SWEEP_NAMES, SWEEPS, type SweepName } from '../../../shared/contracts/constants';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { toApi } from '../utils/db';
import { notFound } from '../utils/errors';
import { emptyBody, noQuery } from './validation/common';
import { validatePagination } from './validation/organization';
import { validateExtendRetention, validateLegalHold, validateTaskQuery } from './validation/retention';

/** Data retention (purge queue, extensions, legal holds) and the sweeps behind it. */
const createRetentionController = ({ strapi }: { strapi: Core.Strapi }) => {
  const retention = () => getService(strapi, 'retention');

  return {
    async queue(ctx: Context) {
      const { page, pageSize } = await validatePagination(ctx.query);
      const { results, pagination } = await retention().queue({ page, pageSize });
      ctx.body = { data: results, meta: { pagination } };
    },

    async extend(ctx: Context) {
      const { until, reason } = await validateExtendRetention(ctx.request.body);
      ctx.body = { data: await retention().extend(ctx.params.id, new Date(until), reason, adminActor(ctx)) };
    },

    async hold(ctx: Context) {
      const { reason } = await validateLegalHold(ctx.request.body);
      ctx.body = { data: await retention().hold(ctx.params.id, reason, adminActor(ctx)) };
    },

    async lift(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await retention().lift(ctx.params.id, adminActor(ctx)) };
    },

    /** Each sweep: who works it (lease or claims), what is due, the next due time, failed tasks. */
    async jobs(ctx: Context) {
      await noQuery(ctx.query);
      const now = getService(strapi, 'clock').now();
      const data = [];
      for (const name of SWEEP_NAMES) {
        const kinds = [...SWEEPS[name]];
        const { next, due, pending, failed, claimed } = await getService(strapi, 'scheduler').standing(kinds, now);
        const lease = await getService(strapi, 'lease').current(`sweep:${name}`);
        data.push({
          name,
          kinds,
          due,
          pending,
          failed,
          nextDueAt: next ? toApi<{ dueAt: string }>(next).dueAt : null,
          lease: lease ? toApi(lease) : null,
          claimed,
        });
      }
      ctx.body = { data };
    },

    async runJob(ctx: Context) {
      await emptyBody(ctx.request.body);
      const name = ctx.params.name as SweepName;
      if (!SWEEP_NAMES.includes(name)) throw notFound('job', String(ctx.params.name), `Job (one of ${SWEEP_NAMES.join(', ')})`);
      ctx.body = { data: await getService(strapi, 'sweeps').run(name) };
    },

    async tasks(ctx: Context) {
      const { page, pageSize, ...filter } = await validateTaskQuery(ctx.query);
      const { results, pagination } = await getService(strapi, 'scheduler').list(filter, { page, pageSize });
      ctx.body = { data: results.map((row) => toApi(row)), meta: { pagination } };
    },
  };
};

export default createRetentionController;
