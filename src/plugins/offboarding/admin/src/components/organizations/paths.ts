import { PLUGIN_ID } from '../../pluginId';

/** Absolute paths inside the admin router, so that links work from any of the plugin's pages. */
export const PLUGIN_PATH = `/plugins/${PLUGIN_ID}`;
export const RETENTION_PATH = `${PLUGIN_PATH}/retention`;
export const SCHEDULED_CHANGES_PATH = `${PLUGIN_PATH}/scheduled-changes`;
export const INSIGHTS_PATH = `${PLUGIN_PATH}/insights`;
export const AUDIT_LOG_PATH = `${PLUGIN_PATH}/audit`;
export const organizationPath = (documentId: string) => `${PLUGIN_PATH}/organizations/${documentId}`;
