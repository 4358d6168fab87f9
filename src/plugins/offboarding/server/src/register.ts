import type { Core } from '@strapi/strapi';
import { statusToLifecycleStatus } from './migrations/status-to-lifecycle-status';
import { getService } from './utils';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Runs before Strapi's schema sync, which would otherwise drop the renamed column's values.
  strapi.db.migrations.providers.internal.register(statusToLifecycleStatus);
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
