#!/usr/bin/env node
/**
 * A policy edit at scale (run by `npm run bench` on SQLite and, when reachable, PostgreSQL):
 * `PUT /policies/:id` of the default policy's dataRetentionDays with BENCH_CLOSED (10,000)
 * cancelled organizations, through the policy service the route calls, against the
 * per-organization re-derivation it replaced (organization.refreshDerived for each, in one
 * transaction; timed on 500 of them and scaled), on the same rows.
 */
require('../helpers/env');
const { bootBenchStrapi, runBench } = require('./boot');
const { randomBytes } = require('crypto');

const CLOSED = Number(process.env.BENCH_CLOSED || 10_000);
const SAMPLE = 500;
const docId = () => randomBytes(12).toString('hex').slice(0, 24);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const insertChunks = async (knex, table, rows, size = 400) => {
  for (let i = 0; i < rows.length; i += size) await knex(table).insert(rows.slice(i, i + size));
};

/** Cancelled organizations, one cancelled entitlement each, their retention from 365 days. */
const seed = async (strapi) => {
  const knex = strapi.db.connection;
  const at = new Date('2027-01-01T00:00:00Z');
  const until = new Date(at.getTime() + 365 * 86_400_000);
  const orgs = Array.from({ length: CLOSED }, (_, i) => ({
    document_id: docId(), name: `Closed ${i}`, lifecycle_status: 'cancelled', access_status: 'disabled', purge_state: 'none',
    legal_hold: false, last_cancelled_at: at, retention_until: until, created_at: at, updated_at: at,
  }));
  await insertChunks(knex, 'offboarding_organizations', orgs);
  const orgIds = await knex('offboarding_organizations').whereIn('document_id', orgs.map((o) => o.document_id)).select('id');
  const ents = orgs.map(() => ({
    document_id: docId(), class: 'PLG', lifecycle_status: 'cancelled', price: 100, currency: 'EUR', billing_period: 'month', cancelled_at: at, created_at: at, updated_at: at,
  }));
  await insertChunks(knex, 'offboarding_entitlements', ents);
  const entIds = await knex('offboarding_entitlements').whereIn('document_id', ents.map((e) => e.document_id)).select('id').orderBy('id');
  const sortedOrgs = orgIds.map((r) => r.id).sort((a, b) => a - b);
  await insertChunks(knex, 'offboarding_entitlements_organization_lnk', entIds.map((e, i) => ({ entitlement_id: e.id, organization_id: sortedOrgs[i] })));
  return sortedOrgs;
};

const main = async () => {
  const { strapi, client } = await bootBenchStrapi('bench-policy-edit.db');
  try {
    const service = (name) => strapi.plugin('offboarding').service(name);
    service('clock').freeze('2027-02-01T00:00:00Z');
    const actor = { type: 'admin', id: 'bench', name: 'bench@local' };
    const ids = await seed(strapi);
    const defaults = await strapi.db.query('plugin::offboarding.cancellation-policy').findOne({ where: { isDefault: true } });
    const days = (n) => strapi.db.query('plugin::offboarding.cancellation-policy').updateMany({ where: { id: defaults.id }, data: { dataRetentionDays: n } });

    // Before: each organization re-derived on its own (the policy changed underneath, as the edit
    // did), timed on the first SAMPLE of them (all of them takes minutes) and scaled.
    await days(400);
    let start = process.hrtime.bigint();
    await strapi.db.transaction(async () => {
      for (const id of ids.slice(0, SAMPLE)) await service('organization').refreshDerived(id);
    });
    const perOrganization = (ms(start) / Math.min(SAMPLE, ids.length)) * ids.length;

    // Now: the edit itself, back to 365 days, then to 500.
    start = process.hrtime.bigint();
    await service('policy').update(defaults.documentId, { dataRetentionDays: 365 }, actor);
    const edit = ms(start);
    start = process.hrtime.bigint();
    await service('policy').update(defaults.documentId, { dataRetentionDays: 500 }, actor);
    const again = ms(start);
    const sample = await strapi.db.query('plugin::offboarding.organization').findOne({ where: { id: ids[0] }, select: ['retentionUntil'] });
    if (new Date(sample.retentionUntil).toISOString() !== '2028-05-15T00:00:00.000Z') throw new Error(`unexpected retentionUntil ${sample.retentionUntil}`);
    console.log(
      `[${client}] policy edit: ${CLOSED} closed organizations — PUT /policies/:id ${edit.toFixed(0)} ms, again ${again.toFixed(0)} ms; ` +
        `the per-organization re-derivation it replaced: ${(perOrganization / CLOSED).toFixed(1)} ms each (${SAMPLE} timed), ~${(perOrganization / 1000).toFixed(0)} s for ${CLOSED}`
    );
  } finally {
    await strapi.destroy();
  }
};

runBench(main);
