import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/document';
import { noQuery } from './validation/common';

/** The plugin's version, from its package.json (found upwards from here: source or dist). */
const pluginVersion = (): string => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'strapi-plugin-offboarding') return pkg.version ?? '0.0.0';
  }
  return '0.0.0';
};

/** GET /openapi.json: the document generated from the route table and the validation schemas. */
const createOpenApiController = ({ strapi }: { strapi: Core.Strapi }) => {
  let document: OpenApiDocument | undefined;

  return {
    async document(ctx: Context) {
      await noQuery(ctx.query);
      document ??= buildOpenApiDocument({ version: pluginVersion(), contentApiPrefix: strapi.config.get<string>('api.rest.prefix', '/api') });
      ctx.body = document;
    },
  };
};

export default createOpenApiController;
