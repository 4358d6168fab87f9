import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/document';
import { noQuery } from './validation/common';
import { version } from '../../../package.json';

/** GET /openapi.json: the document generated from the route table and the validation schemas. */
const createOpenApiController = ({ strapi }: { strapi: Core.Strapi }) => {
  let document: OpenApiDocument | undefined;

  return {
    async document(ctx: Context) {
      await noQuery(ctx.query);
      document ??= buildOpenApiDocument({ version, contentApiPrefix: strapi.config.get<string>('api.rest.prefix', '/api') });
      ctx.body = document;
    },
  };
};

export default createOpenApiController;
