import type { Core } from '@strapi/strapi';
import { SWEEP_NAMES } from '../../shared/contracts/constants';
import { DOMAIN_EVENT_TYPES } from '../../shared/contracts/events';
import type { OffboardingConfig } from './config';
import { ACTION_DEFINITIONS, PLUGIN_ID } from './constants';
import errorCodes from './middlewares/error-codes';
import redactTokens from './middlewares/redact-tokens';
import contentApi from './routes/content-api';
import { collaboratorActions } from './services/portal';
import { getService } from './utils';

/** The key of an event in Strapi's webhook store: `OFFBOARDING_ENTITLEMENT_CANCELLED`. */
export const webhookEventKey = (type: string) => `OFFBOARDING_${type.replace(/[^a-z0-9]+/gi, '_').toUpperCase()}`;

export const cronJobName = (sweep: string) => `offboarding:${sweep}`;

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Fails the start-up with a clear message when ownedData names an unknown type or relation.
  getService(strapi, 'owned-data').list();

  // Added after the app's config middlewares (they are in place by bootstrap), so it runs inside
  // strapi::logger and hides signed-link tokens from the request log.
  strapi.server.use(redactTokens({}, { strapi }));
  // Inside Strapi's error middleware too: every 4xx on the plugin's paths leaves with `details.code`.
  strapi.server.use(errorCodes({}, { strapi }));

  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(
      ACTION_DEFINITIONS.map(({ uid, displayName }) => ({ section: 'plugins', displayName, uid, pluginName: PLUGIN_ID }))
    );

  // Strapi's own webhooks (Settings → Webhooks, POST /admin/webhooks) may subscribe to the
  // plugin's events: the `event-hub` consumer emits them as `offboarding.<type>` after commit.
  const webhookStore = strapi.get('webhookStore');
  for (const type of DOMAIN_EVENT_TYPES) webhookStore.addAllowedEvent(webhookEventKey(type), `offboarding.${type}`);

  // Idempotent: only what is missing is created, admins' edits are kept.
  await getService(strapi, 'policy').seed();
  await getService(strapi, 'reason').seed();
  // Collaborators sign in through users-permissions: its authenticated role may use the portal.
  await getService(strapi, 'portal').grantToAuthenticatedRole(collaboratorActions(contentApi.routes));

  // Strapi's server.cron.enabled does not gate jobs added here: the plugin has its own switch.
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig;
  if (config.cron.enabled) {
    for (const sweep of SWEEP_NAMES) {
      strapi.cron.add({
        [cronJobName(sweep)]: {
          task: async () => {
            try {
              const result = await getService(strapi, 'sweeps').run(sweep);
              if (result.processed) strapi.log.info(`[offboarding] ${sweep} sweep: ${JSON.stringify(result)}`);
            } catch (error) {
              strapi.log.error(`[offboarding] ${sweep} sweep failed: ${error instanceof Error ? error.stack : String(error)}`);
            }
          },
          options: { rule: config.cron[sweep] },
        },
      });
    }
  }
};

export default bootstrap;
