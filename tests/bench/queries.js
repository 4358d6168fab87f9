#!/usr/bin/env node
/**
 * Counts the SQL statements one entitlement transition runs (run by `npm run bench` on SQLite
 * and, when reachable, PostgreSQL): an immediate cancellation with a prorated refund, through
 * the plugin's service as the admin API calls it. Prints the total and, per plugin table, how
 * many statements read it and how many wrote it — the figure issue 10 tracks ("a cancel reads
 * each of entitlement, organization and policy at most once").
 */
require('../helpers/env');
const { bootBenchStrapi } = require('./boot');

const ROUNDS = 5;

/** The table a statement is about, and whether it reads or writes it. */
const classify = (sql) => {
  const text = sql.replace(/[`"]/g, '').toLowerCase();
  const write = /^\s*(insert into|update|delete from)\s+([a-z0-9_.]+)/.exec(text);
  if (write) return { table: write[2].split('.').pop(), kind: 'write' };
  const read = /\bfrom\s+([a-z0-9_.]+)/.exec(text);
  if (read) return { table: read[1].split('.').pop(), kind: 'read' };
  return { table: '(other)', kind: 'other' };
};

const main = async () => {
  const { strapi, client } = await bootBenchStrapi('bench-queries.db');
  try {
    const service = (name) => strapi.plugin('offboarding').service(name);
    const actor = { type: 'admin', id: 'bench', name: 'bench@local' };
    service('clock').freeze('2027-03-10T00:00:00.000Z');
    const policy = await service('policy').create({ name: 'Bench refunds', refundEligible: true }, actor);
    const counts = [];
    let lastSql = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await service('organization').create({ name: `Query Bench ${round}`, cancellationPolicy: policy.documentId }, actor);
      const ent = await service('entitlement').create(
        org.documentId,
        { class: 'SVC', price: 10000, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: '2027-03-01T00:00:00Z', currentPeriodEnd: '2027-04-01T00:00:00Z' },
        actor
      );
      const statements = [];
      const listener = (query) => statements.push(query.sql);
      strapi.db.connection.on('query', listener);
      await service('entitlement').cancel(ent.documentId, { reason: 'customer_request', timing: 'immediate', refund: 'prorated' }, actor);
      strapi.db.connection.off('query', listener);
      counts.push(statements.map(classify));
      lastSql = statements;
    }
    // Every round runs the same statements; report the last one (caches warm).
    const last = counts[counts.length - 1];
    const tally = {};
    for (const { table, kind } of last) {
      tally[table] = tally[table] ?? { read: 0, write: 0, other: 0 };
      tally[table][kind] += 1;
    }
    const of = (table) => tally[table] ?? { read: 0, write: 0 };
    const summary = ['offboarding_entitlements', 'offboarding_organizations', 'offboarding_cancellation_policies']
      .map((t) => `${t.replace('offboarding_', '')} read ${of(t).read}× / written ${of(t).write}×`)
      .join(', ');
    console.log(`[${client}] queries per cancel (immediate, prorated refund): ${last.length} statements — ${summary}`);
    if (process.env.BENCH_VERBOSE) console.log(lastSql.map((sql, i) => `${i + 1}. ${sql.slice(0, 220)}`).join("\n"));
  } finally {
    await strapi.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
