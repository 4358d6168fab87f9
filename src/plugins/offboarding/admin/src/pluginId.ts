export const PLUGIN_ID = 'offboarding';
