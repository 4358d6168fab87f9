#!/usr/bin/env node
/**
 * The month-end peak (issue 12, docs/spec.md §14), on the database chosen by DATABASE_CLIENT (SQLite, or
 * PostgreSQL on 127.0.0.1:5432): 10,000 cancellations at period end fall due at once, spread over
 * 1,000 organizations and then held by a single one. Each shape is seeded once; then one
 * instance, and then two (separate processes, tests/helpers/sweep-worker.js), sweep a fresh
 * copy of it. Printed: items per second, each instance's share, SQL statements per item, and the
 * ratio of the sweep's time to a raw floor measured on the same data — one UPDATE of the same
 * rows plus one INSERT of their audit rows (chunked to the driver's limits: 400 rows per statement on SQLite, 2,000 on PostgreSQL).
 * Targets: ≤ 20× the floor on one instance; with two, each performs ≥ 30 % and the total is
 * ≥ 1.3× one instance (PostgreSQL: SQLite has one writer, its sweep holds a lease).
 * BENCH_MONTH_END_ITEMS changes the 10,000; BENCH_DEBUG=1 prints each instance's totals and its
 * twenty costliest statement shapes.
 */
require('../helpers/env');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { randomBytes } = require('crypto');
const createKnex = require('knex');
const { bootBenchStrapi, runBench } = require('./boot');

const ITEMS = Number(process.env.BENCH_MONTH_END_ITEMS || 10_000);
const SHAPES = [1000, 1].map((orgs) => Math.min(orgs, ITEMS));
const client = process.env.DATABASE_CLIENT || 'sqlite';
const appDir = path.resolve(__dirname, '../..');
const SEED_FILE = path.join(appDir, '.tmp', 'bench-month-end-seed.db');
const RUN_FILE = path.join(appDir, '.tmp', 'bench-month-end-run.db');
const SEED_DB = 'offboarding_bench_month_end_seed';
const RUN_DB = 'offboarding_bench_month_end_run';
const NOW = '2027-03-10T00:00:00.000Z';
const PERIOD_END = '2027-04-01T00:00:00.000Z';
const SWEEP_AT = '2027-04-01T00:05:00.000Z';

const docId = () => randomBytes(16).toString('hex').replace(/[^a-z0-9]/g, '').slice(0, 24);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const pgAdmin = () =>
  createKnex({ client: 'pg', connection: { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', database: 'postgres' } });

const knexOn = (database) =>
  client === 'sqlite'
    ? createKnex({ client: 'better-sqlite3', connection: { filename: RUN_FILE }, useNullAsDefault: true })
    : createKnex({ client: 'pg', connection: { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', database } });

const insertChunks = async (knex, table, rows, size = 200) => {
  for (let i = 0; i < rows.length; i += size) await knex(table).insert(rows.slice(i, i + size));
};

/**
 * A template cancellation made through the plugin's services, then copied row by row with bulk
 * inserts (organizations, entitlements, their links and their pending tasks): ITEMS entitlements
 * pending cancellation at PERIOD_END, round-robin over `orgs` organizations.
 */
const seed = async (orgs) => {
  if (client === 'postgres') {
    const admin = pgAdmin();
    await admin.raw(`DROP DATABASE IF EXISTS "${SEED_DB}" WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE "${SEED_DB}"`);
    await admin.destroy();
    process.env.DATABASE_NAME = SEED_DB;
  }
  const { strapi } = await bootBenchStrapi(path.basename(SEED_FILE));
  const service = (name) => strapi.plugin('offboarding').service(name);
  const actor = { type: 'admin', id: 'bench', name: 'bench@local' };
  service('clock').freeze(NOW);
  const org = await service('organization').create({ name: 'Month-end 0' }, actor);
  const ent = await service('entitlement').create(
    org.documentId,
    { class: 'SVC', price: 10000, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: '2027-03-01T00:00:00Z', currentPeriodEnd: PERIOD_END },
    actor
  );
  await service('entitlement').cancel(ent.documentId, { reason: 'customer_request', timing: 'period_end' }, actor);

  const knex = strapi.db.connection;
  const [orgRow] = await knex('offboarding_organizations').where({ document_id: org.documentId });
  const [entRow] = await knex('offboarding_entitlements').where({ document_id: ent.documentId });
  const [linkRow] = await knex('offboarding_entitlements_organization_lnk').where({ entitlement_id: entRow.id });
  // The cancellation's own task (its reminder, `remind_cancellation`, is pending beside it since issue 13).
  const [taskRow] = await knex('offboarding_scheduled_tasks').where({ target_id: ent.documentId, state: 'pending', kind: 'complete_cancellation' });
  const [auditRow] = await knex('offboarding_audit_events').orderBy('id', 'desc').limit(1);
  const without = (row, ...keys) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

  await insertChunks(knex, 'offboarding_organizations', Array.from({ length: orgs - 1 }, (_, i) => ({ ...without(orgRow, 'id'), document_id: docId(), name: `Month-end ${i + 1}` })));
  const orgIds = (await knex('offboarding_organizations').select('id').orderBy('id')).map((r) => r.id);
  await insertChunks(knex, 'offboarding_entitlements', Array.from({ length: ITEMS - 1 }, () => ({ ...without(entRow, 'id'), document_id: docId() })));
  const ents = await knex('offboarding_entitlements').select('id', 'document_id').where('id', '>', entRow.id).orderBy('id');
  await insertChunks(
    knex,
    'offboarding_entitlements_organization_lnk',
    ents.map((e, i) => ({ ...without(linkRow, 'id'), entitlement_id: e.id, organization_id: orgIds[(i + 1) % orgIds.length] }))
  );
  await insertChunks(knex, 'offboarding_scheduled_tasks', ents.map((e) => ({ ...without(taskRow, 'id'), document_id: docId(), target_id: e.document_id })));

  // Fresh statistics, as autovacuum would have them by the time such a batch falls due.
  await knex.raw('ANALYZE');
  // The floor: the batch's state change and its audit rows as raw SQL, rolled back (best of 3).
  const floors = [];
  for (let round = 0; round < 3; round += 1) {
    const trx = await knex.transaction();
    const start = process.hrtime.bigint();
    await trx('offboarding_entitlements').where({ lifecycle_status: 'pending_cancellation' }).update({ lifecycle_status: 'cancelled', cancelled_at: new Date(SWEEP_AT), updated_at: new Date(SWEEP_AT) });
    await insertChunks(trx, 'offboarding_audit_events', Array.from({ length: ITEMS }, () => ({ ...without(auditRow, 'id'), document_id: docId() })), client === 'sqlite' ? 400 : 2000);
    floors.push(ms(start));
    await trx.rollback();
  }
  if (client === 'sqlite') await knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await strapi.destroy();
  return Math.min(...floors);
};

/** A fresh copy of the seeded database for one run. */
const copySeed = async () => {
  if (client === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${RUN_FILE}${suffix}`, { force: true });
    fs.copyFileSync(SEED_FILE, RUN_FILE);
    return { DATABASE_FILENAME: RUN_FILE };
  }
  const admin = pgAdmin();
  await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}" WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE "${RUN_DB}" TEMPLATE "${SEED_DB}"`);
  await admin.destroy();
  return { DATABASE_NAME: RUN_DB };
};

const startWorker = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '../helpers/sweep-worker.js')], { env: { ...process.env, ...env, SWEEP_AT }, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const lines = [];
    let onLine = null;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      let i;
      while ((i = out.indexOf('\n')) >= 0) {
        lines.push(out.slice(0, i));
        out = out.slice(i + 1);
        if (lines[lines.length - 1] === 'ready') resolve(worker);
        onLine?.();
      }
    });
    const exited = new Promise((done) => child.on('exit', done));
    child.on('error', reject);
    const worker = {
      go: () => child.stdin.write('go\n'),
      result: async () => {
        const code = await exited;
        const last = lines.filter((l) => l.startsWith('{')).pop();
        if (code !== 0 || !last) throw new Error(`month-end worker exited with ${code}`);
        return JSON.parse(last);
      },
    };
    child.on('exit', (code) => {
      if (!lines.includes('ready')) reject(new Error(`month-end worker exited with ${code} before it was ready`));
    });
  });

/** One run: `instances` workers on a fresh copy; answers throughput, shares and statements. */
const sweep = async (instances) => {
  const env = await copySeed();
  const workers = await Promise.all(Array.from({ length: instances }, () => startWorker(env)));
  const start = Date.now();
  for (const worker of workers) worker.go();
  const results = await Promise.all(workers.map((w) => w.result()));
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(results, null, 1));
  const seconds = (Math.max(...results.map((r) => r.lastWorkAt)) - start) / 1000;
  const knex = knexOn(RUN_DB);
  const [{ n: cancelled }] = await knex('offboarding_entitlements').where({ lifecycle_status: 'cancelled' }).count({ n: '*' });
  const [{ n: done }] = await knex('offboarding_scheduled_tasks').where({ kind: 'complete_cancellation', state: 'done' }).count({ n: '*' });
  const errors = await knex('offboarding_scheduled_tasks').whereNot({ state: 'done' }).distinct('last_error').limit(3);
  await knex.destroy();
  const performed = results.reduce((sum, r) => sum + r.performed, 0);
  const statements = results.reduce((sum, r) => sum + r.statements, 0);
  return {
    seconds,
    perSecond: ITEMS / seconds,
    shares: results.map((r) => r.performed / ITEMS),
    statementsPerItem: statements / ITEMS,
    failed: results.reduce((sum, r) => sum + r.failed, 0),
    errors: errors.map((r) => r.last_error).filter(Boolean),
    exactlyOnce: performed === ITEMS && Number(cancelled) === ITEMS && Number(done) === ITEMS,
  };
};

const main = async () => {
  const pct = (x) => `${Math.round(x * 100)}%`;
  for (const orgs of SHAPES) {
    const floorMs = await seed(orgs);
    const one = await sweep(1);
    const two = await sweep(2);
    const label = `[${client}] month-end: ${ITEMS} cancellations due at once across ${orgs} organization${orgs === 1 ? '' : 's'}`;
    console.log(
      `${label}: one instance ${one.perSecond.toFixed(0)}/s (${one.seconds.toFixed(1)} s, ${one.statementsPerItem.toFixed(2)} statements per item, ` +
        `${(one.seconds * 1000 / floorMs).toFixed(1)}× the raw floor of ${floorMs.toFixed(0)} ms; target ≤ 20×); ` +
        `two instances ${two.perSecond.toFixed(0)}/s = ${(two.perSecond / one.perSecond).toFixed(2)}× one (target ≥ 1.3×), shares ${two.shares.map(pct).join(' / ')} (target ≥ 30% each); ` +
        `each item performed once: ${one.exactlyOnce && two.exactlyOnce ? 'yes' : 'NO'}${one.failed + two.failed ? `, ${one.failed + two.failed} failed` : ''}`
    );
    for (const error of new Set([...one.errors, ...two.errors])) console.log(`[${client}]   left undone: ${error}`);
  }
  if (client === 'postgres') {
    const admin = pgAdmin();
    for (const db of [RUN_DB, SEED_DB]) await admin.raw(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.destroy();
  }
};

runBench(main);
