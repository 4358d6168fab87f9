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
  const tasks = tableOf(strapi, UID.task);
  const organizations = tableOf(strapi, UID.organization);
  // The due query (store/task.ts `due`, `claim`) reads pending tasks only: done and cancelled
  // ones, which pile up, stay out of the index and out of the planner's estimate.
  await createIndex(strapi, 'offboarding_tasks_pending_due', tasks, `(due_at, kind) WHERE state = 'pending'`);
  // The admin list's order (name, id) within its archived filter, and within a status: PostgreSQL
  // does not take `archived_at IS NULL` as an equality, so (archived_at, name, id) would not give it.
  await createIndex(strapi, 'offboarding_orgs_open_by_name', organizations, '(name, id) WHERE archived_at IS NULL');
  await createIndex(strapi, 'offboarding_orgs_archived_by_name', organizations, '(name, id) WHERE archived_at IS NOT NULL');
  await createIndex(strapi, 'offboarding_orgs_open_status_by_name', organizations, '(lifecycle_status, name, id) WHERE archived_at IS NULL');
  if (client === 'postgres') await searchIndexes(strapi, organizations);
  if (client === 'sqlite') await sqliteSearchIndex(strapi, organizations);
};

/**
 * Creates an index when missing. PostgreSQL builds it `CONCURRENTLY`, so the first start of an
 * upgrade over a large table does not stop its writes while the index builds. A concurrent
 * build that failed leaves an invalid index behind, which `IF NOT EXISTS` would keep forever: it
 * is dropped and built again. There a failure is logged, not thrown (each index is a speed-up,
 * and another instance may be building the same one).
 */
const createIndex = async (strapi: Core.Strapi, name: string, table: string, definition: string, bindings: string[] = []) => {
  const knex = strapi.db.connection;
  if (strapi.db.config.connection.client !== 'postgres') {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? ${definition}`, [name, table, ...bindings]);
    return;
  }
  try {
    const { rows } = await knex.raw('SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass(?)', [name]);
    if (rows.length && rows[0].valid === false) await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS ??', [name]);
    await knex.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ?? ON ?? ${definition}`, [name, table, ...bindings]);
  } catch (error) {
    strapi.log.warn(`offboarding: the index ${name} could not be made (${(error as Error).message}); the queries it serves scan instead`);
  }
};

/** SQLite's search index (FTS5, trigram), when this database has one (set at boot). */
const SQLITE_SEARCH = 'offboarding_orgs_search';
const sqliteSearch = new WeakMap<Core.Strapi, boolean>();

/**
 * The organizations a SQLite search can only match, off the trigram index: a subquery of ids,
 * or null where the index cannot answer (no index, or a text shorter than a trigram). The
 * index keeps no positions (detail=none, a quarter of the size), so it is asked for the rows
 * holding every trigram of the text, in any column: a superset of the matches. The caller
 * keeps its own condition, which checks each of those rows exactly (LIKE's `%` and `_`
 * included: to the index they are characters like any other).
 */
export const sqliteSearchCandidates = (strapi: Core.Strapi, text: string) => {
  const chars = [...text];
  if (!sqliteSearch.get(strapi) || chars.length < 3) return null;
  const trigrams = new Set(chars.slice(2).map((_, i) => chars.slice(i, i + 3).join('')));
  const query = [...trigrams].map((trigram) => `"${trigram.replace(/"/g, '""')}"`).join(' AND ');
  return strapi.db.connection(SQLITE_SEARCH).select('rowid').whereRaw('?? MATCH ?', [SQLITE_SEARCH, query]);
};

/**
 * SQLite has no index for "contains": an FTS5 table with the trigram tokenizer over the searched
 * columns is one (a LIKE '%text%' of three characters or more is answered from it). It holds no
 * copy of the rows (external content), and triggers keep it in step with every write; it is
 * rebuilt whenever they are (re)created, as after a sync that rebuilt the table.
 */
const sqliteSearchIndex = async (strapi: Core.Strapi, organizations: string) => {
  const columns = ['name', 'tax_id', 'email'];
  const list = (alias: string) => columns.map((column) => `${alias}.${column}`).join(', ');
  const triggers = ['ins', 'del', 'upd'].map((event) => `${SQLITE_SEARCH}_${event}`);
  try {
    await strapi.db.connection.transaction(async (trx) => {
      const present = (await trx('sqlite_master').where({ type: 'trigger', tbl_name: organizations }).whereIn('name', triggers)) as unknown[];
      const indexed = (await trx('sqlite_master').where({ name: SQLITE_SEARCH })) as unknown[];
      if (present.length === triggers.length && indexed.length) return;
      await trx.raw(
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${SQLITE_SEARCH} USING fts5(${columns.join(', ')}, content='${organizations}', content_rowid='id', tokenize='trigram', detail='none')`
      );
      for (const name of triggers) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
      const remove = `INSERT INTO ${SQLITE_SEARCH} (${SQLITE_SEARCH}, rowid, ${columns.join(', ')}) VALUES ('delete', OLD.id, ${list('OLD')});`;
      const add = `INSERT INTO ${SQLITE_SEARCH} (rowid, ${columns.join(', ')}) VALUES (NEW.id, ${list('NEW')});`;
      await trx.raw(`CREATE TRIGGER ${triggers[0]} AFTER INSERT ON ${organizations} BEGIN ${add} END`);
      await trx.raw(`CREATE TRIGGER ${triggers[1]} AFTER DELETE ON ${organizations} BEGIN ${remove} END`);
      await trx.raw(`CREATE TRIGGER ${triggers[2]} AFTER UPDATE OF ${columns.join(', ')} ON ${organizations} BEGIN ${remove} ${add} END`);
      await trx.raw(`INSERT INTO ${SQLITE_SEARCH} (${SQLITE_SEARCH}) VALUES ('rebuild')`);
    });
    sqliteSearch.set(strapi, true);
  } catch (error) {
    // An optional speed-up, as PostgreSQL's: the search works without it.
    sqliteSearch.set(strapi, false);
    strapi.log.warn(`offboarding: the organization search's index could not be made (${(error as Error).message}); the search scans the table`);
  }
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
  for (const column of ['name', 'tax_id', 'email']) {
    await createIndex(strapi, `offboarding_orgs_search_${column}`, organizations, 'USING gin (lower(CAST(?? AS VARCHAR)) ??.gin_trgm_ops)', [column, installed.schema]);
  }
};
