export { MIGRATIONS, SCHEMA_VERSION } from './list';
export { registerMigrations, readSchemaRecord, SCHEMA_STORE } from './runner';
export type { PluginMigration, SchemaRecord } from './types';
