import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import {
  validateCreatePolicy,
  validateCreateReason,
  validateProvisioningPolicy,
  validateReasonQuery,
  validateUpdatePolicy,
  validateUpdateReason,
} from './validation/settings';
import { noQuery } from './validation/common';

/** Cancellation policies, provisioning policies and reasons. */
const createSettingsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const policies = () => getService(strapi, 'policy');
  const reasons = () => getService(strapi, 'reason');

  return {
    async listPolicies(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await policies().list() };
    },
    async createPolicy(ctx: Context) {
      const body = await validateCreatePolicy(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await policies().create(body, adminActor(ctx)) };
    },
    async updatePolicy(ctx: Context) {
      const body = await validateUpdatePolicy(ctx.request.body);
      ctx.body = { data: await policies().update(ctx.params.id, body, adminActor(ctx)) };
    },
    async listProvisioningPolicies(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await policies().listProvisioning() };
    },
    async updateProvisioningPolicy(ctx: Context) {
      const body = await validateProvisioningPolicy(ctx.request.body);
      ctx.body = { data: await policies().updateProvisioning(ctx.params.id, body, adminActor(ctx)) };
    },
    async listReasons(ctx: Context) {
      const filter = await validateReasonQuery(ctx.query);
      ctx.body = { data: await reasons().list(filter) };
    },
    async createReason(ctx: Context) {
      const body = await validateCreateReason(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await reasons().create(body, adminActor(ctx)) };
    },
    async updateReason(ctx: Context) {
      const body = await validateUpdateReason(ctx.request.body);
      ctx.body = { data: await reasons().update(ctx.params.id, body, adminActor(ctx)) };
    },
  };
};

export default createSettingsController;
