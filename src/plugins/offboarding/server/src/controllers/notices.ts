import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ListNotices, ListNotifications, PreviewNotice, UpdateNotice } from '../../../shared/contracts/notices';
import { isNoticeKey, type NoticeKey } from '../domain/notices';
import { getService } from '../utils';
import { notFound } from '../utils/errors';
import { noQuery } from './validation/common';
import { validatePreviewNotice, validateUpdateNotice } from './validation/notices';
import { validatePagination } from './validation/organization';

/** A notice key from the path: an unknown one names nothing (404). */
const keyOf = (ctx: Context): NoticeKey => {
  const key = String(ctx.params.key);
  if (!isNoticeKey(key)) throw notFound('notice', key);
  return key;
};

/** Customer notices by mail (docs/spec.md §11): their templates and what was sent. */
const createNoticesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => getService(strapi, 'notices');
  return {
    async find(ctx: Context) {
      await noQuery(ctx.query);
      const body: ListNotices.Response = { data: await notices().list() };
      ctx.body = body;
    },

    async update(ctx: Context) {
      const key = keyOf(ctx);
      const input = await validateUpdateNotice(ctx.request.body);
      const body: UpdateNotice.Response = { data: await notices().update(key, input) };
      ctx.body = body;
    },

    async preview(ctx: Context) {
      const key = keyOf(ctx);
      const input = await validatePreviewNotice(ctx.request.body);
      const body: PreviewNotice.Response = { data: await notices().preview(key, input) };
      ctx.body = body;
    },

    async listForOrganization(ctx: Context) {
      const page = await validatePagination(ctx.query);
      const { results, pagination } = await notices().listForOrganization(String(ctx.params.id), page);
      const body: ListNotifications.Response = { data: results, meta: { pagination } };
      ctx.body = body;
    },
  };
};

export default createNoticesController;
