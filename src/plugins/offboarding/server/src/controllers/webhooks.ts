import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CreateWebhook, ListWebhookDeliveries, ListWebhooks, UpdateWebhook } from '../../../shared/contracts/webhooks';
import { getService } from '../utils';
import { emptyBody, noQuery } from './validation/common';
import { validateCreateWebhook, validateDeliveryQuery, validateUpdateWebhook, validateWebhookList } from './validation/webhooks';

/** The plugin's webhook endpoints (docs/spec.md §10); secrets only in the create and rotate-secret answers. */
const createWebhooksController = ({ strapi }: { strapi: Core.Strapi }) => {
  const webhooks = () => getService(strapi, 'webhooks');

  return {
    async find(ctx: Context) {
      const page = await validateWebhookList(ctx.query);
      const { results, pagination } = await webhooks().list(page);
      const body: ListWebhooks.Response = { data: results, meta: { pagination } };
      ctx.body = body;
    },
    async create(ctx: Context) {
      const input = await validateCreateWebhook(ctx.request.body);
      const body: CreateWebhook.Response = { data: await webhooks().create(input) };
      ctx.status = 201;
      ctx.body = body;
    },
    async update(ctx: Context) {
      const input = await validateUpdateWebhook(ctx.request.body);
      const body: UpdateWebhook.Response = { data: await webhooks().update(ctx.params.id, input) };
      ctx.body = body;
    },
    async delete(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await webhooks().remove(ctx.params.id) };
    },
    async rotateSecret(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await webhooks().rotateSecret(ctx.params.id) };
    },
    async deliveries(ctx: Context) {
      const { state, page, pageSize } = await validateDeliveryQuery(ctx.query);
      const { results, pagination } = await webhooks().deliveries(ctx.params.id, { state }, { page, pageSize });
      const body: ListWebhookDeliveries.Response = { data: results, meta: { pagination } };
      ctx.body = body;
    },
    async redeliver(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.status = 202;
      ctx.body = { data: await webhooks().redeliver(ctx.params.id) };
    },
    async test(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.status = 202;
      ctx.body = { data: await webhooks().test(ctx.params.id) };
    },
  };
};

export default createWebhooksController;
