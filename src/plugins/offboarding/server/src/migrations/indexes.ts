import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { tableOf } from '../utils/links';

/**
 * Indexes a content type cannot declare (Strapi's `indexes` take columns only: no `WHERE`, no
 * expression, no operator class). Created after every schema sync when missing (`IF NOT
 * EXISTS`), so a fresh database, an upgraded one and a table the sync rebuilt (SQLite rebuilds a
 * table to alter a column) all have them. Strapi's sync leaves alone the indexes it did not create.
 */
export const ensureIndexes = async (strapi: Core.Strapi) => {
  const client = strapi.db.config.connection.client;
  // MySQL/MariaDB have no partial index: the declared composite indexes serve there (MySQL
  // reads `archived_at IS NULL` as an equality, so (archived_at, name, id) gives the list's order).
  if (client !== 'postgres' && client !== 'sqlite') return;
  const knex = strapi.db.connection;
  const tasks = tableOf(strapi, UID.task);
  const organizations = tableOf(strapi, UID.organization);
  // The due query (store/task.ts `due`, `claim`) reads pending tasks only: done and cancelled
  // ones, which pile up, stay out of the index and out of the planner's estimate.
  await knex.raw(`CREATE INDEX IF NOT EXISTS offboarding_tasks_pending_due ON ?? (due_at, kind) WHERE state = 'pending'`, [tasks]);
  // The admin list's order (name, id) within its archived filter, and within a status: PostgreSQL
  // does not take `archived_at IS NULL` as an equality, so (archived_at, name, id) would not give it.
  await knex.raw(`CREATE INDEX IF NOT EXISTS offboarding_orgs_open_by_name ON ?? (name, id) WHERE archived_at IS NULL`, [organizations]);
  await knex.raw(`CREATE INDEX IF NOT EXISTS offboarding_orgs_archived_by_name ON ?? (name, id) WHERE archived_at IS NOT NULL`, [organizations]);
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS offboarding_orgs_open_status_by_name ON ?? (lifecycle_status, name, id) WHERE archived_at IS NULL`,
    [organizations]
  );
  if (client === 'postgres') await searchIndexes(strapi, organizations);
};

/**
 * The admin search (`name`, `taxId`, `email` containing the text, any case: Strapi's `$containsi`,
 * `LOWER(CAST(column AS VARCHAR)) LIKE LOWER('%text%')`) through trigram indexes on those very
 * expressions, when the `pg_trgm` extension is installed in the database. The plugin does not
 * install extensions itself (that is the database owner's call: `CREATE EXTENSION pg_trgm`,
 * a trusted extension since PostgreSQL 13); without it the search scans the table, as before.
 */
const searchIndexes = async (strapi: Core.Strapi, organizations: string) => {
  const knex = strapi.db.connection;
  // The extension may live in another schema than the app's (Strapi sets search_path to the
  // app's schema only): its operator class is named with the extension's own schema.
  const installed = (await knex('pg_extension')
    .join('pg_namespace', 'pg_namespace.oid', 'pg_extension.extnamespace')
    .where({ extname: 'pg_trgm' })
    .first({ schema: 'pg_namespace.nspname' })) as { schema: string } | undefined;
  if (!installed) {
    strapi.log.info('offboarding: the organization search scans the table; run CREATE EXTENSION pg_trgm in this database to let it use trigram indexes');
    return;
  }
  try {
    for (const column of ['name', 'tax_id', 'email']) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (lower(CAST(?? AS VARCHAR)) ??.gin_trgm_ops)`, [
        `offboarding_orgs_search_${column}`,
        organizations,
        column,
        installed.schema,
      ]);
    }
  } catch (error) {
    // An optional speed-up: the search works without it, so it never stops the app's start.
    strapi.log.warn(`offboarding: the organization search's trigram indexes could not be made (${(error as Error).message}); the search scans the table`);
  }
};
