import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { emptyBody, noQuery } from './validation/common';
import { validateCancel, validateCreateEntitlement, validateResource, validateResume, validateSuspend } from './validation/entitlement';
import { toDate } from '../domain/dates';

const createEntitlementController = ({ strapi }: { strapi: Core.Strapi }) => {
  const entitlements = () => getService(strapi, 'entitlement');

  return {
    async findOne(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await entitlements().findOne(ctx.params.id) };
    },

    async create(ctx: Context) {
      const body = await validateCreateEntitlement(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await entitlements().create(ctx.params.id, body, adminActor(ctx)) };
    },

    async cancel(ctx: Context) {
      const body = await validateCancel(ctx.request.body);
      ctx.body = { data: await entitlements().cancel(ctx.params.id, body, adminActor(ctx)) };
    },

    async previewCancel(ctx: Context) {
      const body = await validateCancel(ctx.request.body);
      ctx.body = { data: await entitlements().preview(ctx.params.id, body, adminActor(ctx)) };
    },

    async undoCancel(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await entitlements().undoCancel(ctx.params.id, adminActor(ctx)) };
    },

    async suspend(ctx: Context) {
      const { effectiveAt, ...body } = await validateSuspend(ctx.request.body);
      const at = toDate(effectiveAt);
      // On a date: a scheduled change (docs/spec.md §13), answered with the entitlement as it stands.
      if (at) ctx.body = await entitlements().suspendOn(ctx.params.id, body, at, adminActor(ctx));
      else ctx.body = { data: await entitlements().suspend(ctx.params.id, body, adminActor(ctx)) };
    },

    async resume(ctx: Context) {
      const at = toDate((await validateResume(ctx.request.body)).effectiveAt);
      if (at) ctx.body = await getService(strapi, 'scheduled-change').requestForEntitlement('resume', ctx.params.id, at, {}, adminActor(ctx));
      else ctx.body = { data: await entitlements().resume(ctx.params.id, adminActor(ctx)) };
    },

    async listResources(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await getService(strapi, 'provisioning').listResources(ctx.params.id) };
    },

    async addResource(ctx: Context) {
      const body = await validateResource(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'provisioning').addResource(ctx.params.id, body, adminActor(ctx)) };
    },

    async retryProvisioning(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'provisioning').retry(ctx.params.id, adminActor(ctx)) };
    },

    async reactivate(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await entitlements().reactivate(ctx.params.id, adminActor(ctx)) };
    },
  };
};

export default createEntitlementController;
