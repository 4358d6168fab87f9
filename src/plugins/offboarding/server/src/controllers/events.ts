import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ListEvents } from '../../../shared/contracts/events';
import { getService } from '../utils';
import { validateEventQuery } from './validation/events';

/** The event log (docs/spec.md §10): every domain event, newest first. */
const createEventsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { organization, type, page, pageSize } = await validateEventQuery(ctx.query);
    const { results, pagination } = await getService(strapi, 'events').list({ organization, type }, { page, pageSize });
    const body: ListEvents.Response = { data: results, meta: { pagination } };
    ctx.body = body;
  },
});

export default createEventsController;
