#!/usr/bin/env node
/**
 * Benchmarks the scheduler on the database chosen by DATABASE_CLIENT (run by `npm run bench`
 * on SQLite and, when reachable, PostgreSQL). Prints:
 *  - purge of many organizations (thousands of entitlements and audit rows) against a raw knex
 *    bulk delete of the same rows, as a ratio (target: within 3×);
 *  - a transitions sweep over 100k idle rows against one over an empty table (target: 2×).
 */
require('../helpers/env');
const { bootBenchStrapi, runBench } = require('./boot');
const { randomBytes } = require('crypto');

/** Two shapes of purge: many small organizations, and a few large ones. */
const PURGE_SHAPES = process.env.BENCH_ORGS
  ? [{ orgs: Number(process.env.BENCH_ORGS), perOrg: Number(process.env.BENCH_ENTITLEMENTS || 100) }]
  : [{ orgs: 40, perOrg: 100 }, { orgs: 4, perOrg: 2000 }];
const AUDIT_PER_ENTITLEMENT = 2;
const IDLE_ROWS = Number(process.env.BENCH_IDLE || 100_000);
const SWEEP_REPEAT = 15;

const docId = () => randomBytes(12).toString('hex').slice(0, 24);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const insertChunks = async (knex, table, rows, size = 400) => {
  for (let i = 0; i < rows.length; i += size) await knex(table).insert(rows.slice(i, i + size));
};

/** Archived, fully cancelled organizations queued for purge, written with bulk inserts. */
const seedPurgeable = async (strapi, ORGS, ENTITLEMENTS_PER_ORG) => {
  const knex = strapi.db.connection;
  const now = new Date('2027-01-01T00:00:00Z');
  const orgIds = [];
  for (let o = 0; o < ORGS; o += 1) {
    const [row] = await knex('offboarding_organizations')
      .insert({
        document_id: docId(), name: `Bench ${o}`, lifecycle_status: 'cancelled', access_status: 'enabled', purge_state: 'scheduled',
        legal_hold: false, archived_at: now, purge_after: now, retention_until: now, created_at: now, updated_at: now,
      })
      .returning('id');
    orgIds.push(typeof row === 'object' ? row.id : row);
  }
  const orgDocs = await knex('offboarding_organizations').whereIn('id', orgIds).select('id', 'document_id');
  const ents = [];
  for (const org of orgDocs) {
    for (let e = 0; e < ENTITLEMENTS_PER_ORG; e += 1) {
      ents.push({ document_id: docId(), class: 'PLG', lifecycle_status: 'cancelled', price: 100, currency: 'EUR', billing_period: 'month', cancelled_at: now, created_at: now, updated_at: now, _org: org.id, _orgDoc: org.document_id });
    }
  }
  await insertChunks(knex, 'offboarding_entitlements', ents.map(({ _org, _orgDoc, ...r }) => r));
  const inserted = await knex('offboarding_entitlements').whereIn('document_id', ents.map((e) => e.document_id)).select('id', 'document_id');
  const idByDoc = new Map(inserted.map((r) => [r.document_id, r.id]));
  await insertChunks(knex, 'offboarding_entitlements_organization_lnk', ents.map((e) => ({ entitlement_id: idByDoc.get(e.document_id), organization_id: e._org })));
  const audit = [];
  for (const e of ents) {
    for (let a = 0; a < AUDIT_PER_ENTITLEMENT; a += 1) {
      audit.push({
        document_id: docId(), action: a ? 'entitlement.cancelled' : 'entitlement.created', actor_type: 'admin', target_type: 'entitlement',
        target_id: e.document_id, organization: e._orgDoc, before: JSON.stringify({ status: 'active' }),
        // As the audit service writes them: personal values apart, a marker in their place.
        after: JSON.stringify({ status: 'cancelled', cancellationNotes: '[personal]' }),
        personal: JSON.stringify({ after: { cancellationNotes: 'the customer said…' } }),
        notes: a ? 'closing' : null, created_at: now, updated_at: now,
      });
    }
  }
  await insertChunks(knex, 'offboarding_audit_events', audit);
  for (const id of orgIds) await strapi.plugin('offboarding').service('scheduler').syncOrganization(id);
  return { orgIds, entitlements: ents.length, auditRows: audit.length };
};

/** The baseline: the same rows removed with plain bulk SQL, no batching, no bookkeeping. */
const rawDelete = async (strapi, orgIds) => {
  const knex = strapi.db.connection;
  await knex.transaction(async (trx) => {
    const entIds = trx('offboarding_entitlements_organization_lnk').whereIn('organization_id', orgIds).select('entitlement_id');
    await trx('offboarding_entitlements').whereIn('id', entIds).del();
    await trx('offboarding_entitlements_organization_lnk').whereIn('organization_id', orgIds).del();
    const docs = trx('offboarding_organizations').whereIn('id', orgIds).select('document_id');
    await trx('offboarding_audit_events').whereIn('organization', docs).update({ personal: null, notes: null });
    await trx('offboarding_organizations').whereIn('id', orgIds).update({ purge_state: 'purged', email: null });
  });
};

const benchPurge = async (strapi, ORGS, perOrg) => {
  const clock = strapi.plugin('offboarding').service('clock');
  clock.freeze('2027-06-01T00:00:00Z');
  const seeded = await seedPurgeable(strapi, ORGS, perOrg);
  let start = process.hrtime.bigint();
  const result = await strapi.plugin('offboarding').service('sweeps').run('purge');
  const purgeMs = ms(start);
  if (result.performed !== ORGS) throw new Error(`purge performed ${result.performed} of ${ORGS}: ${JSON.stringify(result)}`);
  const again = await seedPurgeable(strapi, ORGS, perOrg);
  start = process.hrtime.bigint();
  await rawDelete(strapi, again.orgIds);
  const rawMs = ms(start);
  return { ...seeded, purgeMs, rawMs, ratio: purgeMs / rawMs };
};

const timeSweep = async (strapi) => {
  const sweeps = strapi.plugin('offboarding').service('sweeps');
  const times = [];
  for (let i = 0; i < SWEEP_REPEAT; i += 1) {
    const start = process.hrtime.bigint();
    const result = await sweeps.run('transitions');
    times.push(ms(start));
    if (result.processed !== 0) throw new Error('an idle sweep found work');
  }
  return median(times);
};

/** 100k entitlements and 100k future tasks that are not due: a sweep must not pay for them. */
const seedIdle = async (strapi) => {
  const knex = strapi.db.connection;
  const now = new Date('2027-01-01T00:00:00Z');
  const future = new Date('2030-01-01T00:00:00Z');
  const ents = [];
  const tasks = [];
  for (let i = 0; i < IDLE_ROWS; i += 1) {
    const doc = docId();
    ents.push({ document_id: doc, class: 'ENV', lifecycle_status: 'pending_cancellation', price: 1, currency: 'EUR', billing_period: 'month', cancel_effective_at: future, created_at: now, updated_at: now });
    tasks.push({ document_id: docId(), kind: 'complete_cancellation', target_type: 'entitlement', target_id: doc, due_at: future, state: 'pending', attempts: 0, created_at: now, updated_at: now });
  }
  await insertChunks(knex, 'offboarding_entitlements', ents, 500);
  await insertChunks(knex, 'offboarding_scheduled_tasks', tasks, 500);
  // Done tasks pile up too.
  await insertChunks(knex, 'offboarding_scheduled_tasks', tasks.map((t) => ({ ...t, document_id: docId(), state: 'done', due_at: now })), 500);
};

const benchSweep = async (strapi) => {
  strapi.plugin('offboarding').service('clock').freeze('2027-06-01T00:00:00Z');
  await strapi.db.connection('offboarding_scheduled_tasks').del();
  const emptyMs = await timeSweep(strapi);
  await seedIdle(strapi);
  const idleMs = await timeSweep(strapi);
  return { idleRows: IDLE_ROWS, emptyMs, idleMs, ratio: idleMs / emptyMs };
};

const main = async () => {
  const { strapi, client } = await bootBenchStrapi('bench.db');
  try {
    for (const shape of PURGE_SHAPES) {
      const purge = await benchPurge(strapi, shape.orgs, shape.perOrg);
      console.log(
        `[${client}] purge: ${shape.orgs} organizations, ${purge.entitlements} entitlements, ${purge.auditRows} audit rows — ` +
          `plugin ${purge.purgeMs.toFixed(0)} ms vs raw bulk delete ${purge.rawMs.toFixed(0)} ms: ratio ${purge.ratio.toFixed(2)}× (target ≤ 3×)`
      );
    }
    const sweep = await benchSweep(strapi);
    console.log(
      `[${client}] idle sweep: ${sweep.idleRows} idle entitlements + ${2 * sweep.idleRows} tasks — median ${sweep.idleMs.toFixed(1)} ms ` +
        `vs empty ${sweep.emptyMs.toFixed(1)} ms: ratio ${sweep.ratio.toFixed(2)}× (target ≤ 2×)`
    );
  } finally {
    await strapi.destroy();
  }
};

runBench(main);
