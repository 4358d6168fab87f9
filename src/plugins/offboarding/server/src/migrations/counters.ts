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

const COUNTED: Counted[] = [
  {
    subject: 'organization',
    uid: UID.organization,
    buckets: {
      archived: 'CASE WHEN r.archived_at IS NULL THEN 0 ELSE 1 END',
      lifecycle_status: 'r.lifecycle_status',
      access_status: 'r.access_status',
      purge_state: 'r.purge_state',
      // PostgreSQL keeps a boolean, SQLite and MySQL 0/1: both read as a condition.
      legal_hold: 'CASE WHEN r.legal_hold THEN 1 ELSE 0 END',
    },
  },
  {
    subject: 'entitlement',
    uid: UID.entitlement,
    // '' rather than NULL: SQLite's unique index on the buckets takes NULLs as all distinct.
    buckets: { archived: '0', lifecycle_status: 'r.lifecycle_status', access_status: "''", purge_state: "''", legal_hold: '0' },
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
  const schema = strapi.db.getSchemaConnection();
  if (await schema.hasTable(COUNTS_TABLE)) return;
  await schema.createTable(COUNTS_TABLE, (table) => {
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
};

/** Replaces a subject's counter rows with a count of its table (the caller keeps writers out). */
const rebuild = async (trx: Knex, counted: Counted, table: string, counts: string) => {
  await trx.raw(`DELETE FROM ${counts} WHERE subject = ?`, [counted.subject]);
  await trx.raw(`INSERT INTO ${counts} (${columnList}) SELECT ?, ${bucketsOf(counted, 'r').join(', ')}, COUNT(*) FROM ${table} r ${GROUP_BY}`, [
    counted.subject,
  ]);
};

const quoted = (knex: Knex, strapi: Core.Strapi, name: string) => {
  const schema = strapi.db.getSchemaName();
  return knex.raw('??', [schema ? `${schema}.${name}` : name]).toQuery();
};

/**
 * PostgreSQL: statement-level triggers with transition tables, so a set-wise UPDATE of a batch
 * appends one delta per bucket it moved, not one per row.
 */
const installPostgres = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string, force: boolean) => {
  const knex = strapi.db.connection;
  const fn = quoted(knex, strapi, `offboarding_counts_${counted.subject}_${TRIGGER_VERSION}`);
  const subject = `'${counted.subject}'`;
  const from = (rows: string, sign: 1 | -1) => `SELECT ${bucketsOf(counted, 'r').map((e, i) => `${e} AS ${BUCKET_COLUMNS[i]}`).join(', ')}, ${sign} AS delta FROM ${rows} r`;
  await knex.transaction(async (trx) => {
    // Instances booting together: one installs and counts, the others find it done.
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('offboarding_counts'))`);
    const on = quoted(knex, strapi, table);
    const present = await trx('pg_trigger').whereRaw('tgrelid = to_regclass(?)', [on]).whereIn('tgname', triggerNames(counted, PG_EVENTS)).count({ n: '*' });
    if (Number(present[0].n) === PG_EVENTS.length && !force) return;
    await trx.raw(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ${counts} (${columnList}) SELECT ${subject}, ${BUCKET_COLUMNS.join(', ')}, SUM(delta) FROM (${from('new_rows', 1)}) c ${GROUP_BY};
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ${counts} (${columnList}) SELECT ${subject}, ${BUCKET_COLUMNS.join(', ')}, SUM(delta) FROM (${from('old_rows', -1)}) c ${GROUP_BY};
  ELSIF TG_OP = 'TRUNCATE' THEN
    DELETE FROM ${counts} WHERE subject = ${subject};
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
    // CREATE TRIGGER locked the table against writes until this transaction ends: the count is exact.
    await rebuild(trx, counted, on, counts);
  });
};

/**
 * SQLite: row triggers that add to their bucket's row, created and counted in one transaction
 * (one writer at a time).
 */
const installSqlite = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string, force: boolean) => {
  const knex = strapi.db.connection;
  const values = (alias: string, sign: 1 | -1) => `('${counted.subject}', ${bucketsOf(counted, alias).join(', ')}, ${sign})`;
  const upsert = `ON CONFLICT (subject, ${BUCKET_COLUMNS.join(', ')}) DO UPDATE SET delta = delta + excluded.delta`;
  await knex.transaction(async (trx) => {
    const present = (await trx('sqlite_master').where({ type: 'trigger', tbl_name: table }).whereIn('name', triggerNames(counted))) as unknown[];
    if (present.length === EVENTS.length && !force) return;
    for (const name of triggerNames(counted)) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
    await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'ins')} AFTER INSERT ON ${table} BEGIN INSERT INTO ${counts} (${columnList}) VALUES ${values('NEW', 1)} ${upsert}; END`);
    await trx.raw(`CREATE TRIGGER ${triggerName(counted, 'del')} AFTER DELETE ON ${table} BEGIN INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)} ${upsert}; END`);
    await trx.raw(
      `CREATE TRIGGER ${triggerName(counted, 'upd')} AFTER UPDATE ON ${table} WHEN ${changed(counted, (a, b) => `(${a}) IS NOT (${b})`)}
       BEGIN INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)}, ${values('NEW', 1)} ${upsert}; END`
    );
    await rebuild(trx, counted, table, counts);
  });
};

/**
 * MySQL/MariaDB: row triggers. DDL commits on its own there, so the count follows in a
 * transaction of its own; a write between the two is in both the table and the deltas the
 * rebuild deletes, so it is counted once. With binary logging on, creating a trigger needs the
 * TRIGGER privilege and SUPER (or `log_bin_trust_function_creators`); without them the counts
 * stay exact by counting (`ensureCounters` logs it).
 */
const installMysql = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string, force: boolean) => {
  const knex = strapi.db.connection;
  const values = (alias: string, sign: 1 | -1) => `('${counted.subject}', ${bucketsOf(counted, alias).join(', ')}, ${sign})`;
  const present = (await knex('information_schema.triggers')
    .whereRaw('event_object_schema = DATABASE()')
    .where({ event_object_table: table })
    .whereIn('trigger_name', triggerNames(counted))) as unknown[];
  if (present.length === EVENTS.length && !force) return;
  for (const name of triggerNames(counted)) await knex.raw(`DROP TRIGGER IF EXISTS ${name}`);
  await knex.raw(`CREATE TRIGGER ${triggerName(counted, 'ins')} AFTER INSERT ON ${table} FOR EACH ROW INSERT INTO ${counts} (${columnList}) VALUES ${values('NEW', 1)}`);
  await knex.raw(`CREATE TRIGGER ${triggerName(counted, 'del')} AFTER DELETE ON ${table} FOR EACH ROW INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)}`);
  await knex.raw(
    `CREATE TRIGGER ${triggerName(counted, 'upd')} AFTER UPDATE ON ${table} FOR EACH ROW
     BEGIN IF ${changed(counted, (a, b) => `NOT ((${a}) <=> (${b}))`)} THEN INSERT INTO ${counts} (${columnList}) VALUES ${values('OLD', -1)}, ${values('NEW', 1)}; END IF; END`
  );
  await knex.transaction(async (trx) => {
    // Locks the counted rows (and their gaps) until the new counts are in.
    await trx.raw(`SELECT COUNT(*) FROM ${table} LOCK IN SHARE MODE`);
    await rebuild(trx, counted, table, counts);
  });
};

/**
 * Whether a subject's counters disagree with a count of its table, both read in one statement
 * (one snapshot, whatever is being written meanwhile). What no trigger sees leaves them wrong:
 * MySQL's TRUNCATE, a trigger dropped by hand for a while.
 */
const drifted = async (strapi: Core.Strapi, counted: Counted, table: string, counts: string) => {
  const knex = strapi.db.connection;
  const [row] = (await knex.select(
    knex.raw(`(SELECT COUNT(*) FROM ${table}) AS counted`),
    knex.raw(`(SELECT COALESCE(SUM(delta), 0) FROM ${counts} WHERE subject = ?) AS kept`, [counted.subject])
  )) as { counted: number | string; kept: number | string }[];
  return Number(row.counted) !== Number(row.kept);
};

/**
 * Installs the counters' table and triggers when missing (after every schema sync, as the
 * indexes: SQLite drops a table's triggers when the sync rebuilds the table) and counts the
 * table afresh whenever its triggers were (re)created or its counters disagree with its size.
 */
export const ensureCounters = async (strapi: Core.Strapi) => {
  const client = strapi.db.config.connection.client;
  const install = client === 'postgres' ? installPostgres : client === 'sqlite' ? installSqlite : installMysql;
  try {
    await ensureTable(strapi);
    const counts = quoted(strapi.db.connection, strapi, COUNTS_TABLE);
    for (const counted of COUNTED) {
      const table = quoted(strapi.db.connection, strapi, tableOf(strapi, counted.uid));
      const force = await drifted(strapi, counted, table, counts);
      if (force) strapi.log.info(`offboarding: counting the ${counted.subject}s afresh (their counters were missing or out of step)`);
      await install(strapi, counted, tableOf(strapi, counted.uid), counts, force);
    }
    ready.set(strapi, true);
  } catch (error) {
    ready.set(strapi, false);
    strapi.log.warn(`offboarding: the list totals and /stats count their tables on each request (their counters could not be installed: ${(error as Error).message})`);
  }
};
