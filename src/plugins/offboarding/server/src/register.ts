import type { Core } from '@strapi/strapi';
import { registerMigrations } from './migrations';
import { getService } from './utils';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // The plugin's migrations run around Strapi's schema sync (before it, which would otherwise drop
  // a renamed column's values, and after it), once each, recorded in the plugin store.
  registerMigrations(strapi);
  // The archive guard (docs/spec.md §3) as a Document Service middleware: the content manager, the REST
  // API and plugin code all write through the Document Service, so one check covers every path.
  // The same middleware keeps the plugin's own types out of Document Service writes.
  strapi.documents.use(async (context, next) => {
    getService(strapi, 'archive-guard').assertPluginTypeAccess(context);
    await getService(strapi, 'archive-guard').check(context);
    return next();
  });
};

export default register;
