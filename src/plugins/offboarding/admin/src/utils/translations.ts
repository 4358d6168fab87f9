import { PLUGIN_ID } from '../pluginId';

/** Every message id of the plugin lives under `offboarding.` in the admin's translations. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

export const prefixPluginTranslations = (trad: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(trad).map(([key, value]) => [getTranslation(key), value]));
