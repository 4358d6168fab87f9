import { Archive } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { getTranslation, prefixPluginTranslations } from './utils/translations';
import { registerDocumentActions } from './content-manager/register';

/**
 * One literal import per language, so the bundler makes each a chunk of the package: a template
 * path (`./translations/${locale}.json`) is left for the host's build to resolve, and fails when
 * the admin is imported from node_modules.
 */
const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('./translations/en.json'),
  fr: () => import('./translations/fr.json'),
  de: () => import('./translations/de.json'),
};

const settingsLink = (
  id: string,
  defaultMessage: string,
  load: () => Promise<{ default: React.ComponentType }>,
  permissions = PERMISSIONS.read,
) => ({
  id: `${PLUGIN_ID}-${id}`,
  to: `${PLUGIN_ID}-${id}`,
  intlLabel: { id: getTranslation(`settings.${id}.title`), defaultMessage },
  permissions,
  Component: load,
});

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Archive,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Offboarding' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App').then((mod) => ({ default: mod.App })),
    });

    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Offboarding' } },
      [
        settingsLink('policies', 'Cancellation policies', () =>
          import('./pages/settings/PoliciesSettingsPage').then((mod) => ({ default: mod.PoliciesSettingsPage })),
        ),
        settingsLink('provisioning', 'Provisioning policies', () =>
          import('./pages/settings/ProvisioningSettingsPage').then((mod) => ({ default: mod.ProvisioningSettingsPage })),
        ),
        settingsLink('reasons', 'Cancellation reasons', () =>
          import('./pages/settings/ReasonsSettingsPage').then((mod) => ({ default: mod.ReasonsSettingsPage })),
        ),
        // Their routes need the settings permission even to read (secrets, templates): so does the link.
        settingsLink(
          'webhooks',
          'Webhooks',
          () => import('./pages/settings/WebhooksSettingsPage').then((mod) => ({ default: mod.WebhooksSettingsPage })),
          PERMISSIONS.settings,
        ),
        settingsLink(
          'notices',
          'Customer notices',
          () => import('./pages/settings/NoticesSettingsPage').then((mod) => ({ default: mod.NoticesSettingsPage })),
          PERMISSIONS.settings,
        ),
      ],
    );

    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    registerDocumentActions(app);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = TRANSLATIONS[locale];
        // A locale we do not translate falls back to the English default messages.
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        return { data: prefixPluginTranslations(data), locale };
      }),
    );
  },
};
