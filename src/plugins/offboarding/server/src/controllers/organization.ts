import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import {
  validateAccessChange,
  validateCreateOrganization,
  validateDeleteQuery,
  validateListOrganizations,
  validatePagination,
  validateUpdateOrganization,
} from './validation/organization';
import { emptyBody, noQuery } from './validation/common';
import { validateCancelAll } from './validation/entitlement';
import { toDate } from '../domain/dates';

const createOrganizationController = ({ strapi }: { strapi: Core.Strapi }) => {
  const organizations = () => getService(strapi, 'organization');
  const lifecycle = () => getService(strapi, 'organization-lifecycle');

  /** Portal access now, or on a date as a scheduled change (docs/spec.md §13). */
  const changeAccess = async (ctx: Context, accessStatus: 'enabled' | 'disabled') => {
    const { reason, effectiveAt } = await validateAccessChange(ctx.request.body);
    const at = toDate(effectiveAt);
    if (!at) return { data: await lifecycle().setAccess(ctx.params.id, accessStatus, reason ?? null, adminActor(ctx)) };
    const kind = accessStatus === 'enabled' ? 'enable_access' : 'disable_access';
    return getService(strapi, 'scheduled-change').requestForOrganization(kind, ctx.params.id, at, reason ?? null, adminActor(ctx));
  };

  return {
    async find(ctx: Context) {
      const query = await validateListOrganizations(ctx.query);
      const { results, pagination } = await organizations().list(query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await organizations().detail(ctx.params.id) };
    },

    async access(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await getService(strapi, 'access').of(ctx.params.id) };
    },

    async create(ctx: Context) {
      const body = await validateCreateOrganization(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await organizations().create(body, adminActor(ctx)) };
    },

    async update(ctx: Context) {
      const body = await validateUpdateOrganization(ctx.request.body);
      ctx.body = { data: await organizations().update(ctx.params.id, body, adminActor(ctx)) };
    },

    async archive(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await lifecycle().archive(ctx.params.id, adminActor(ctx)) };
    },

    async unarchive(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await lifecycle().unarchive(ctx.params.id, adminActor(ctx)) };
    },

    async disable(ctx: Context) {
      ctx.body = await changeAccess(ctx, 'disabled');
    },

    async enable(ctx: Context) {
      ctx.body = await changeAccess(ctx, 'enabled');
    },

    async cancelAll(ctx: Context) {
      const body = await validateCancelAll(ctx.request.body);
      const { organization, results } = await getService(strapi, 'entitlement').cancelAll(ctx.params.id, body, adminActor(ctx));
      ctx.body = { data: organization, meta: { cancelled: results } };
    },

    async previewCancelAll(ctx: Context) {
      const body = await validateCancelAll(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'entitlement').previewCancelAll(ctx.params.id, body, adminActor(ctx)) };
    },

    async delete(ctx: Context) {
      const { confirm } = await validateDeleteQuery(ctx.query);
      ctx.body = { data: await lifecycle().remove(ctx.params.id, confirm, adminActor(ctx)) };
    },

    async audit(ctx: Context) {
      const { page, pageSize } = await validatePagination(ctx.query);
      // 404 for an unknown organization rather than an empty trail.
      await organizations().findRow(ctx.params.id);
      const { results, pagination } = await getService(strapi, 'audit').listForOrganization(ctx.params.id, { page, pageSize });
      ctx.body = { data: results, meta: { pagination } };
    },

    async refunds(ctx: Context) {
      const { page, pageSize } = await validatePagination(ctx.query);
      // 404 for an unknown organization rather than an empty ledger.
      await organizations().findRow(ctx.params.id);
      const { results, pagination } = await getService(strapi, 'refund').listForOrganization(ctx.params.id, { page, pageSize });
      ctx.body = { data: results, meta: { pagination } };
    },

    async removeCollaborator(ctx: Context) {
      ctx.body = {
        data: await getService(strapi, 'collaborator').remove(ctx.params.id, ctx.params.userId, adminActor(ctx)),
      };
    },

    async stats(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await organizations().stats() };
    },
  };
};

export default createOrganizationController;
