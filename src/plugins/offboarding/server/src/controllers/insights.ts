import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ListAuditLog } from '../../../shared/contracts/insights';
import { endOf, resolveRange, startOf } from '../domain/insights';
import { getService } from '../utils';
import { withDomainErrors } from '../utils/errors';
import { noQuery } from './validation/common';
import { validateAuditLogQuery, validateInsightsRange, validateUpcomingQuery } from './validation/insights';

/** The Insights page's endpoints (one SQL aggregate each) and the global audit log (docs/spec.md §7). */
const createInsightsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const insights = () => getService(strapi, 'insights');
  const now = () => getService(strapi, 'clock').now();
  const window = async (ctx: Context) => {
    const query = await validateInsightsRange(ctx.query);
    return withDomainErrors(() => resolveRange(query, now()));
  };

  return {
    async cancellations(ctx: Context) {
      const { from, to } = await window(ctx);
      ctx.body = { data: await insights().cancellations(from, to) };
    },

    async refunds(ctx: Context) {
      const { from, to } = await window(ctx);
      ctx.body = { data: await insights().refunds(from, to) };
    },

    async churn(ctx: Context) {
      const { from, to } = await window(ctx);
      ctx.body = { data: await insights().churn(from, to) };
    },

    async statuses(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await insights().statuses() };
    },

    async upcoming(ctx: Context) {
      const { days, interval } = await validateUpcomingQuery(ctx.query);
      ctx.body = { data: await insights().upcoming(now(), days, interval) };
    },

    async auditLog(ctx: Context) {
      const { organization, action, actorType, from, to, page, pageSize } = await validateAuditLogQuery(ctx.query);
      const { results, pagination } = await getService(strapi, 'audit-log').list(
        { organization, action, actorType, from: from ? startOf(from) : null, to: to ? endOf(to) : null },
        { page, pageSize }
      );
      const body: ListAuditLog.Response = { data: results, meta: { pagination } };
      ctx.body = body;
    },
  };
};

export default createInsightsController;
