import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { tableOf } from '../utils/links';

/**
 * Exact counts without counting (docs/architecture.md "Counts"): the admin list's totals and
 * `/stats` read `offboarding_counts`, a table of signed deltas per bucket that triggers on the
 * organizations and entitlements tables write, in the writing statement's own transaction.
 * Every write path is covered (the plugin's stores, the Content Manager, the document service,
 * a host app's raw knex).
 * - PostgreSQL and MySQL, where writers run side by side: a counter row is never updated in
 *   place. Writers only insert deltas, so they never wait on one another here, nor on a sweep;
 *   `compact` folds the deltas into one row per bucket from time to time (store/counts.ts).
 * - SQLite, which has one writer at a time anyway: one row per bucket, added to in place
 *   (an upsert), so the table never grows beyond its buckets.
 */
export const COUNTS_TABLE = 'offboarding_counts';

/** The bucket columns of `offboarding_counts` (named after the organization columns they count). */
export const BUCKET_COLUMNS = ['archived', 'lifecycle_status', 'access_status', 'purge_state', 'legal_hold'] as const;
type BucketColumn = (typeof BUCKET_COLUMNS)[number];

interface Counted {
  subject: 'organization' | 'entitlement';
  uid: string;
  /** Each bucket column as an SQL expression over the row alias `r` (a constant when the subject has no such fact). */
  buckets: Record<BucketColumn, string>;
}

// Every text bucket is COALESCEd to '': SQLite's unique index on the buckets takes NULLs as all
// distinct (a NULL bucket would add a row per write), and compaction would merge NULL with ''.
const COUNTED: Counted[] = [
  {
    subject: 'organization',
    uid: UID.organization,
    buckets: {
      archived: 'CASE WHEN r.archived_at IS NULL THEN 0 ELSE 1 END',
      lifecycle_status: "COALESCE(r.lifecycle_status, '')",
      access_status: "COALESCE(r.access_status, '')",
      purge_state: "COALESCE(r.purge_state, '')",
      // PostgreSQL keeps a boolean, SQLite and MySQL 0/1: both read as a condition.
      legal_hold: 'CASE WHEN r.legal_hold THEN 1 ELSE 0 END',
    },
  },
  {
    subject: 'entitlement',
    uid: UID.entitlement,
    buckets: { archived: '0', lifecycle_status: "COALESCE(r.lifecycle_status, '')", access_status: "''", purge_state: "''", legal_hold: '0' },
  },
];

/** Whether this instance's database keeps the counters (set at boot by `ensureCounters`). */
const ready = new WeakMap<Core.Strapi, boolean>();
export const countersReady = (strapi: Core.Strapi) => ready.get(strapi) === true;

const TRIGGER_VERSION = 'v1';
const EVENTS = ['ins', 'upd', 'del'] as const;
/** PostgreSQL also has TRUNCATE, which fires no row or DELETE trigger: a trigger of its own. */
const PG_EVENTS = [...EVENTS, 'trn'] as const;
const triggerName = (counted: Counted, event: (typeof PG_EVENTS)[number]) => `offboarding_counts_${counted.subject}_${event}_${TRIGGER_VERSION}`;
const triggerNames = (counted: Counted, events: readonly (typeof PG_EVENTS)[number][] = EVENTS) => events.map((event) => triggerName(counted, event));

/** The bucket expressions over a row alias (`r`, or a trigger's NEW/OLD). */
const bucketsOf = (counted: Counted, alias: string) =>
  BUCKET_COLUMNS.map((column) => counted.buckets[column].replace(/\br\./g, `${alias}.`));
const columnList = `subject, ${BUCKET_COLUMNS.join(', ')}, delta`;
const GROUP_BY = 'GROUP BY 2, 3, 4, 5, 6';
/** Null-safe "some bucket column differs" between OLD and NEW, for row triggers. */
const changed = (counted: Counted, differs: (a: string, b: string) => string) => {
  const olds = bucketsOf(counted, 'OLD');
  const news = bucketsOf(counted, 'NEW');
  return olds
    .map((old, i) => ({ old, now: news[i] }))
    .filter(({ old, now }) => old !== now)
    .map(({ old, now }) => differs(old, now))
    .join(' OR ');
};

type Knex = Core.Strapi['db']['connection'];

/** Creates the counters table when missing (the schema's own connection: PostgreSQL's app schema). */
const ensureTable = async (strapi: Core.Strapi) => {
  const schema = () => strapi.db.getSchemaConnection();
  if (await schema().hasTable(COUNTS_TABLE)) return;
  const create = schema().createTable(COUNTS_TABLE, (table) => {
    table.increments('id');
    table.string('subject', 32).notNullable();
    table.smallint('archived').notNullable().defaultTo(0);
    table.string('lifecycle_status', 64).nullable();
    table.string('access_status', 64).nullable();
    table.string('purge_state', 64).nullable();
    table.smallint('legal_hold').notNullable().defaultTo(0);
    table.bigInteger('delta').notNullable();
    // SQLite's triggers add to their bucket's row in place (ON CONFLICT of this index).
    if (strapi.db.config.connection.client === 'sqlite') table.unique(['subject', ...BUCKET_COLUMNS], { indexName: `${COUNTS_TABLE}_bucket` });
  });
  // Two instances starting together: the one that lost the race finds the table made.
  await create.catch(async (error: unknown) => {
    if (!(await schema().hasTable(COUNTS_TABLE))) throw error;
  });
};

/**
 * Puts a subject's counters right by adding, per bucket, the difference between a count of its
 * table and the sum of its counters, both read in one statement (one snapshot). Nothing is
 * deleted or locked: a write after the snapshot is in neither half and keeps its own delta, and
 * a compaction meanwhile keeps each bucket's sum. So the counters stay right whatever runs
 * beside it (another instance starting, a compaction, writers). Answers how many buckets moved.
 */
const reconcile = async (trx: Knex, strapi: Core.Strapi, counted: Counted, table: string, counts: string): Promise<number> => {
  const named = bucketsOf(counted, 'r').map((expression, i) => `${expression} AS ${BUCKET_COLUMNS[i]}`);
  const result = await trx.raw(
    `SELECT ${BUCKET_COLUMNS.join(', ')}, SUM(d) AS delta FROM (
       SELECT ${named.join(', ')}, 1 AS d FROM ${table} r
       UNION ALL SELECT ${BUCKET_COLUMNS.join(', ')}, -delta AS d FROM ${counts} WHERE subject = ?
     ) x GROUP BY 1, 2, 3, 4, 5 HAVING SUM(d) <> 0`,
    [counted.subject]
  );
  const client = strapi.db.config.connection.client;
  const rows = (client === 'postgres' ? result.rows : client === 'sqlite' ? result : result[0]) as Record<string, unknown>[];
  if (!rows.length) return 0;
  const corrections = rows.map((row) => ({
    subject: counted.subject,
    ...Object.fromEntries(BUCKET_COLUMNS.map((column) => [column, row[column]])),
    delta: Number(row.delta),
  }));
  const insert = trx(COUNTS_TABLE).insert(corrections);
  await (client === 'sqlite' ? insert.onConflict(['subject', ...BUCKET_COLUMNS]).merge({ delta: trx.raw('?? + excluded.delta', [`${COUNTS_TABLE}.delta`]) }) : insert);
  return corrections.length;
};

/** Triggers of an earlier version of the counters, still on the table: they would count twice. */
const staleTriggers = (counted: Counted, names: string[]) =>
  names.filter((name) => name.startsWith(`offboarding_counts_${counted.subject}_`) && !name.endsWith(`_${TRIGGER_VERSION}`));

const quoted = (knex: Knex, strapi: Core.Strapi, name: string) => {
  const schema = strapi.db.getSchemaName();
  return knex.raw('??', [schema ? `${schema}.${name}` : name]).toQuery();
};

/**
 * PostgreSQL: statement-level triggers with transition tables, so a set-wise UPDATE of a batch
 * appends one delta per bucket it moved, not one per row. Made (when missing) and reconciled in
 * one transaction: `CREATE TRIGGER` keeps writers out until it commits.
 */
const installPostgres = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string) => {
  const knex = strapi.db.connection;
  const fn = quoted(knex, strapi, `offboarding_counts_${counted.subject}_${TRIGGER_VERSION}`);
  const subject = `'${counted.subject}'`;
  const from = (rows: string, sign: 1 | -1) => `SELECT ${bucketsOf(counted, 'r').map((e, i) => `${e} AS ${BUCKET_COLUMNS[i]}`).join(', ')}, ${sign} AS delta FROM ${rows} r`;
  const on = quoted(knex, strapi, table);
  return knex.transaction(async (trx) => {
    // Instances starting together: one makes the triggers, the others find them made.
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('offboarding_counts:' || current_schema()))`);
    const names = ((await trx('pg_trigger').whereRaw('tgrelid = to_regclass(?)', [on]).select('tgname')) as { tgname: string }[]).map((row) => row.tgname);
    for (const name of staleTriggers(counted, names)) await trx.raw(`DROP TRIGGER ${name} ON ${on}`);
    const missing = triggerNames(counted, PG_EVENTS).some((name) => !names.includes(name));
    if (missing) {
      await trx.raw(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ${counts} (${columnList}) SELECT ${subject}, ${BUCKET_COLUMNS.join(', ')}, SUM(delta) FROM (${from('new_rows', 1)}) c ${GROUP_BY};
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ${counts} (${columnList}) SELECT ${subject}, ${BUCKET_COLUMNS.join(', ')}, SUM(delta) FROM (${from('old_rows', -1)}) c ${GROUP_BY};
  ELSIF TG_OP = 'TRUNCATE' THEN
    -- Each bucket's sum taken back (never a DELETE: a compaction may be folding the rows).
    INSERT INTO ${counts} (${columnList}) SELECT subject, ${BUCKET_COLUMNS.join(', ')}, -SUM(delta) FROM ${counts} WHERE subject = ${subject}
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING SUM(delta) <> 0;
  ELSE
    INSERT INTO ${counts} (${columnList}) SELECT ${subject}, ${BUCKET_COLUMNS.join(', ')}, SUM(delta)
      FROM (${from('new_rows', 1)} UNION ALL ${from('old_rows', -1)}) c ${GROUP_BY} HAVING SUM(delta) <> 0;
  END IF;
  RETURN NULL;
END
$body$`);
      for (const name of triggerNames(counted, PG_EVENTS)) await trx.raw(`DROP TRIGGER IF EXISTS ${name} ON ${on}`);
      await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'ins')} AFTER INSERT ON ${on} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await trx.raw(
        `CREATE TRIGGER ${triggerName(counted, 'upd')} AFTER UPDATE ON ${on} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`
      );
      await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'del')} AFTER DELETE ON ${on} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'trn')} AFTER TRUNCATE ON ${on} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    return { made: missing, corrected: await reconcile(trx, strapi, counted, on, counts) };
  });
};

/**
 * SQLite: row triggers that add to their bucket's row, made (when missing) and reconciled in
 * one transaction (one writer at a time). Not seen by any trigger: `INSERT OR REPLACE`, whose
 * implicit delete fires no DELETE trigger (`recursive_triggers` off); the plugin and Strapi
 * never use it, and the next start puts the counts right.
 */
const installSqlite = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string) => {
  const knex = strapi.db.connection;
  const values = (alias: string, sign: 1 | -1) => `('${counted.subject}', ${bucketsOf(counted, alias).join(', ')}, ${sign})`;
  const upsert = `ON CONFLICT (subject, ${BUCKET_COLUMNS.join(', ')}) DO UPDATE SET delta = delta + excluded.delta`;
  return knex.transaction(async (trx) => {
    const names = ((await trx('sqlite_master').where({ type: 'trigger', tbl_name: table }).select('name')) as { name: string }[]).map((row) => row.name);
    for (const name of staleTriggers(counted, names)) await trx.raw(`DROP TRIGGER ${name}`);
    const missing = triggerNames(counted).some((name) => !names.includes(name));
    if (missing) {
      for (const name of triggerNames(counted)) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
      await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'ins')} AFTER INSERT ON ${table} BEGIN INSERT INTO ${counts} (${columnList}) VALUES ${values('NEW', 1)} ${upsert}; END`);
      await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'del')} AFTER DELETE ON ${table} BEGIN INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)} ${upsert}; END`);
      await trx.raw(
        `CREATE TRIGGER ${triggerName(counted, 'upd')} AFTER UPDATE ON ${table} WHEN ${changed(counted, (a, b) => `(${a}) IS NOT (${b})`)}
         BEGIN INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)}, ${values('NEW', 1)} ${upsert}; END`
      );
    }
    return { made: missing, corrected: await reconcile(trx, strapi, counted, table, counts) };
  });
};

/**
 * MySQL/MariaDB: row triggers. DDL commits on its own there; the reconciling read follows the
 * triggers, so a write in between is in the count and in the deltas, and is taken once. With
 * binary logging on, making a trigger needs SUPER (or `log_bin_trust_function_creators`);
 * without it the counts stay exact by counting (`ensureCounters` logs it). MySQL's TRUNCATE
 * fires no trigger: the next start puts the counts right.
 */
const installMysql = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string) => {
  const knex = strapi.db.connection;
  const values = (alias: string, sign: 1 | -1) => `('${counted.subject}', ${bucketsOf(counted, alias).join(', ')}, ${sign})`;
  const names = (
    (await knex('information_schema.triggers').whereRaw('event_object_schema = DATABASE()').where({ event_object_table: table }).select({ name: 'trigger_name' })) as {
      name: string;
    }[]
  ).map((row) => row.name);
  for (const name of staleTriggers(counted, names)) await knex.raw(`DROP TRIGGER ${name}`);
  const missing = triggerNames(counted).some((name) => !names.includes(name));
  if (missing) {
    for (const name of triggerNames(counted)) await knex.raw(`DROP TRIGGER IF EXISTS ${name}`);
    await knex.raw(`CREATE TRIGGER ${triggerName(counted, 'ins')} AFTER INSERT ON ${table} FOR EACH ROW INSERT INTO ${counts} (${columnList}) VALUES ${values('NEW', 1)}`);
    await knex.raw(`CREATE TRIGGER ${triggerName(counted, 'del')} AFTER DELETE ON ${table} FOR EACH ROW INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)}`);
    await knex.raw(
      `CREATE TRIGGER ${triggerName(counted, 'upd')} AFTER UPDATE ON ${table} FOR EACH ROW
       BEGIN IF ${changed(counted, (a, b) => `NOT ((${a}) <=> (${b}))`)} THEN INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)}, ${values('NEW', 1)}; END IF; END`
    );
  }
  return { made: missing, corrected: await reconcile(knex, strapi, counted, table, counts) };
};

/**
 * Makes the counters' table and any missing trigger (after every schema sync, as the indexes:
 * SQLite drops a table's triggers when the sync rebuilds the table), drops an earlier version's
 * triggers, and reconciles each subject's counters with a count of its table: what no trigger
 * saw (MySQL's TRUNCATE, a trigger dropped for a while) is put right at every start.
 */
export const ensureCounters = async (strapi: Core.Strapi) => {
  const client = strapi.db.config.connection.client;
  const install = client === 'postgres' ? installPostgres : client === 'sqlite' ? installSqlite : installMysql;
  try {
    await ensureTable(strapi);
    const counts = quoted(strapi.db.connection, strapi, COUNTS_TABLE);
    for (const counted of COUNTED) {
      const { made, corrected } = await install(strapi, counted, tableOf(strapi, counted.uid), counts);
      if (corrected && !made) strapi.log.warn(`offboarding: ${corrected} ${counted.subject} counter bucket(s) were out of step with the table and are put right`);
    }
    ready.set(strapi, true);
  } catch (error) {
    ready.set(strapi, false);
    strapi.log.warn(`offboarding: the list totals and /stats count their tables on each request (their counters could not be installed: ${(error as Error).message})`);
  }
};
