import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { tableOf } from '../utils/links';

interface IndexSpec {
  name: string;
  table: string;
  /** What follows `ON table`: columns, method, `WHERE` (`??` bindings for identifiers). */
  definition: string;
  bindings?: string[];
}

/**
 * Indexes a content type cannot declare (Strapi's `indexes` take columns only: no `WHERE`, no
 * expression, no operator class). Made after every schema sync when missing (`IF NOT EXISTS`),
 * so a fresh database, an upgraded one and a table the sync rebuilt (SQLite rebuilds a table to
 * alter a column) all have them. Strapi's sync leaves alone the indexes it did not create.
 * PostgreSQL builds them concurrently (`buildConcurrently`); the start does not wait for that
 * (`migrations/runner.ts`), callers that need them made await this.
 */
export const ensureIndexes = async (strapi: Core.Strapi) => {
  const client = strapi.db.config.connection.client;
  // MySQL/MariaDB have no partial index: the declared composite indexes serve there (MySQL
  // reads `archived_at IS NULL` as an equality, so (archived_at, name, id) gives the list's order).
  if (client !== 'postgres' && client !== 'sqlite') return;
  const tasks = tableOf(strapi, UID.task);
  const organizations = tableOf(strapi, UID.organization);
  const specs: IndexSpec[] = [
    // The due query (store/task.ts `due`, `claim`) reads pending tasks only: done and cancelled
    // ones, which pile up, stay out of the index and out of the planner's estimate.
    { name: 'offboarding_tasks_pending_due', table: tasks, definition: `(due_at, kind) WHERE state = 'pending'` },
    // The admin list's order (name, id) within its archived filter, and within a status: PostgreSQL
    // does not take `archived_at IS NULL` as an equality, so (archived_at, name, id) would not give it.
    { name: 'offboarding_orgs_open_by_name', table: organizations, definition: '(name, id) WHERE archived_at IS NULL' },
    { name: 'offboarding_orgs_archived_by_name', table: organizations, definition: '(name, id) WHERE archived_at IS NOT NULL' },
    { name: 'offboarding_orgs_open_status_by_name', table: organizations, definition: '(lifecycle_status, name, id) WHERE archived_at IS NULL' },
    // The list sorted by another column (store/organization.ts `orderOf`), archived ones hidden.
    { name: 'offboarding_orgs_open_by_created', table: organizations, definition: '(created_at, id) WHERE archived_at IS NULL' },
    { name: 'offboarding_orgs_open_by_cancelled', table: organizations, definition: '(last_cancelled_at, id) WHERE archived_at IS NULL' },
    { name: 'offboarding_orgs_open_by_retention', table: organizations, definition: '(retention_until, id) WHERE archived_at IS NULL' },
  ];
  if (client === 'postgres') {
    await buildConcurrently(strapi, [...specs, ...(await trigramSpecs(strapi, organizations))]);
    return;
  }
  for (const { name, table, definition, bindings = [] } of specs) {
    await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? ${definition}`, [name, table, ...bindings]);
  }
  await sqliteSearchIndex(strapi, organizations);
};

/**
 * PostgreSQL builds the indexes `CONCURRENTLY`: the first start of an upgrade over a large table
 * keeps taking writes while they build (such a build also waits for every older transaction to
 * end, which is why the start does not wait for it). One instance builds, holding a session
 * advisory lock on a connection of its own; another one starting meanwhile skips. A concurrent
 * build that failed leaves an invalid index behind, which `IF NOT EXISTS` would keep forever:
 * under the lock nobody else is building it, so it is dropped and built again. A failure is
 * logged, not thrown: each index is a speed-up.
 */
const buildConcurrently = async (strapi: Core.Strapi, specs: IndexSpec[]) => {
  const knex = strapi.db.connection;
  const connection = await knex.client.acquireConnection();
  const run = (sql: string, bindings: readonly string[] = []) => knex.raw(sql, bindings).connection(connection);
  try {
    const { rows } = await run(`SELECT pg_try_advisory_lock(hashtext('offboarding_indexes:' || current_schema())) AS locked`);
    if (!rows[0].locked) return;
    try {
      for (const { name, table, definition, bindings = [] } of specs) {
        try {
          const found = await run('SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass(?)', [name]);
          if (found.rows.length && found.rows[0].valid === false) await run('DROP INDEX CONCURRENTLY IF EXISTS ??', [name]);
          await run(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ?? ON ?? ${definition}`, [name, table, ...bindings]);
        } catch (error) {
          strapi.log.warn(`offboarding: the index ${name} could not be made (${(error as Error).message}); the queries it serves scan instead`);
        }
      }
    } finally {
      await run(`SELECT pg_advisory_unlock(hashtext('offboarding_indexes:' || current_schema()))`);
    }
  } finally {
    await knex.client.releaseConnection(connection);
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
      await trx.raw(`CREATE TRIGGER ${triggers[2]} AFTER UPDATE OF id, ${columns.join(', ')} ON ${organizations} BEGIN ${remove} ${add} END`);
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
const trigramSpecs = async (strapi: Core.Strapi, organizations: string): Promise<IndexSpec[]> => {
  const knex = strapi.db.connection;
  // The extension may live in another schema than the app's (Strapi sets search_path to the
  // app's schema only): its operator class is named with the extension's own schema.
  const installed = (await knex('pg_extension')
    .join('pg_namespace', 'pg_namespace.oid', 'pg_extension.extnamespace')
    .where({ extname: 'pg_trgm' })
    .first({ schema: 'pg_namespace.nspname' })) as { schema: string } | undefined;
  if (!installed) {
    strapi.log.info('offboarding: the organization search scans the table; run CREATE EXTENSION pg_trgm in this database to let it use trigram indexes');
    return [];
  }
  return ['name', 'tax_id', 'email'].map((column) => ({
    name: `offboarding_orgs_search_${column}`,
    table: organizations,
    definition: 'USING gin (lower(CAST(?? AS VARCHAR)) ??.gin_trgm_ops)',
    bindings: [column, installed.schema],
  }));
};
