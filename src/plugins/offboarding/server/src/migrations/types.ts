import type { Core } from '@strapi/strapi';

export type Database = Core.Strapi['db'];
/** A step's transaction: Strapi's own knex, typed through its database API. */
export type Knex = NonNullable<Parameters<Database['getSchemaConnection']>[0]>;

export interface MigrationContext {
  strapi: Core.Strapi;
  db: Database;
  /** The step's transaction; `db.query(...)` and `strapi.store` calls inside the step join it. */
  trx: Knex;
}

/**
 * One change of the plugin's schema that Strapi's schema sync alone would get wrong (a rename,
 * a type change, a moved relation, a new table to fill from old rows). `beforeSync` runs while
 * the database still has the old shape (save what the sync would drop); `afterSync` runs once
 * the sync has made the new shape (fill new tables and columns). Both must be idempotent: a
 * step runs again if the boot stops before the migration is recorded, and on MySQL a DDL
 * statement commits the transaction it is in.
 */
export interface PluginMigration {
  /** Unique and never renamed: the record lists applied migrations by name. */
  name: string;
  /** The plugin version that ships it; the recorded schema version is the last applied one's. */
  version: string;
  beforeSync?: (context: MigrationContext) => Promise<void>;
  afterSync?: (context: MigrationContext) => Promise<void>;
}

/** The plugin store's record (`plugin_offboarding_schema` in strapi_core_store_settings). */
export interface SchemaRecord {
  version: string;
  /** Names of the applied migrations, in the order they ran. */
  applied: string[];
}
