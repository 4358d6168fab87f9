import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { MIGRATIONS, SCHEMA_VERSION } from './list';
import type { PluginMigration, SchemaRecord } from './types';
import { ensureCounters } from './counters';
import { ensureIndexes } from './indexes';

/** Where the record lives: the plugin store, key `schema` (row `plugin_offboarding_schema`). */
export const SCHEMA_STORE = { type: 'plugin', name: PLUGIN_ID, key: 'schema' } as const;

const CORE_STORE_TABLE = 'strapi_core_store_settings';
/** Before the record, 0.2.0 ran its one migration as a Strapi internal migration. */
const LEGACY_TABLE = 'strapi_migrations_internal';

interface ReadRecord extends SchemaRecord {
  /** False when nothing is stored yet: a fresh database, or one from before the record. */
  stored: boolean;
}

const legacyApplied = async (strapi: Core.Strapi): Promise<string[]> => {
  if (!(await strapi.db.getSchemaConnection().hasTable(LEGACY_TABLE))) return [];
  const rows = (await strapi.db.getConnection(LEGACY_TABLE).select('name')) as { name: string }[];
  const known = new Set(MIGRATIONS.map((m) => m.name));
  return rows.map((row) => row.name).filter((name) => known.has(name));
};

/**
 * The database's offboarding schema: the stored record, or, when there is none, what can be
 * told without it (nothing applied on a fresh or 0.1.0 database; 0.2.0's internal migration).
 */
export const readSchemaRecord = async (strapi: Core.Strapi): Promise<ReadRecord> => {
  if (await strapi.db.getSchemaConnection().hasTable(CORE_STORE_TABLE)) {
    const record = (await strapi.store.get(SCHEMA_STORE)) as SchemaRecord | null;
    if (record) return { ...record, stored: true };
  }
  const applied = await legacyApplied(strapi);
  const last = MIGRATIONS.filter((m) => applied.includes(m.name)).pop();
  return { version: last?.version ?? '0.1.0', applied, stored: false };
};

const pendingOf = (record: SchemaRecord): PluginMigration[] => {
  const unknown = record.applied.filter((name) => !MIGRATIONS.some((m) => m.name === name));
  if (unknown.length) {
    // Strapi's sync would now drop what the newer plugin added: refuse to start instead.
    throw new Error(
      `offboarding: this database's schema (${record.version}) was migrated by a newer plugin ` +
        `(${unknown.join(', ')}); this one knows up to ${SCHEMA_VERSION}. Install that version or a newer one.`
    );
  }
  return MIGRATIONS.filter((m) => !record.applied.includes(m.name));
};

/**
 * Runs the plugin's migrations on Strapi's content-type sync hooks (the way Strapi's own
 * draft & publish and i18n migrations and content-releases do): before the schema sync, the
 * pending migrations' `beforeSync` steps, in order, while the database still has its old
 * shape; after it, their `afterSync` steps, each migration in one transaction with its entry in
 * the record. A migration is recorded once, so it runs once; on a fresh database every one runs
 * (finding nothing to do) and the record starts at the current version.
 */
export const registerMigrations = (strapi: Core.Strapi) => {
  const step = (migration: PluginMigration, phase: 'beforeSync' | 'afterSync', then?: () => Promise<void>) =>
    strapi.db.transaction(async ({ trx }) => {
      const run = migration[phase];
      if (run) {
        strapi.log.info(`offboarding: migration ${migration.name} (${phase})`);
        await run({ strapi, db: strapi.db, trx });
      }
      if (then) await then();
    });

  strapi.hook('strapi::content-types.beforeSync').register(async () => {
    for (const migration of pendingOf(await readSchemaRecord(strapi))) await step(migration, 'beforeSync');
  });

  strapi.hook('strapi::content-types.afterSync').register(async () => {
    const record = await readSchemaRecord(strapi);
    const applied = [...record.applied];
    let version = record.version;
    for (const migration of pendingOf(record)) {
      await step(migration, 'afterSync', async () => {
        applied.push(migration.name);
        version = migration.version;
        await strapi.store.set({ ...SCHEMA_STORE, value: { version, applied } satisfies SchemaRecord });
      });
    }
    if (!record.stored) await strapi.store.set({ ...SCHEMA_STORE, value: { version, applied } satisfies SchemaRecord });
    // The counters first, the indexes after. On PostgreSQL the indexes are built concurrently in
    // the background, and a build on the organizations table deadlocked with the counters'
    // transaction when both ran at once: CREATE INDEX CONCURRENTLY holds a lock that
    // CREATE TRIGGER waits for, then waits itself for every older transaction, the counters'
    // among them. PostgreSQL aborted one of the two: no counters on the table (the totals then
    // count it on every request) or a missing index. Seen at most starts under load.
    await ensureCounters(strapi);
    // PostgreSQL builds its indexes concurrently, which may wait on long transactions: the
    // start goes on meanwhile (a failure is logged there). SQLite's are made before requests.
    const indexes = ensureIndexes(strapi);
    if (strapi.db.config.connection.client === 'postgres') indexes.catch((error: unknown) => strapi.log.warn(`offboarding: indexes: ${(error as Error).message}`));
    else await indexes;
  });
};
