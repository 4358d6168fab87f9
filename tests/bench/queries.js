#!/usr/bin/env node
/**
 * Counts the SQL statements of each entitlement transition (run by `npm run bench` on SQLite
 * and, when reachable, PostgreSQL), through the plugin's services as the admin API calls them.
 * Prints, per transition, the total and how many statements read and wrote the entitlement,
 * organization and policy tables — the figure issue 10 tracks ("a cancel reads each of
 * entitlement, organization and policy at most once"). BENCH_VERBOSE=1 lists the statements
 * of the immediate cancellation.
 */
require('../helpers/env');
const { bootBenchStrapi, runBench } = require('./boot');

const ROUNDS = 3;
const TABLES = ['offboarding_entitlements', 'offboarding_organizations', 'offboarding_cancellation_policies'];

/** The table a statement is about, and whether it reads or writes it. */
const classify = (sql) => {
  const text = sql.replace(/[`"]/g, '').toLowerCase();
  const write = /^\s*(insert into|update|delete from)\s+([a-z0-9_.]+)/.exec(text);
  if (write) return { table: write[2].split('.').pop(), kind: 'write' };
  const read = /\bfrom\s+([a-z0-9_.]+)/.exec(text);
  if (read) return { table: read[1].split('.').pop(), kind: 'read' };
  return { table: '(other)', kind: 'other' };
};

const summarize = (statements) => {
  const tally = {};
  for (const { table, kind } of statements.map(classify)) {
    tally[table] = tally[table] ?? { read: 0, write: 0, other: 0 };
    tally[table][kind] += 1;
  }
  const of = (table) => tally[table] ?? { read: 0, write: 0 };
  return TABLES.map((t) => `${t.replace('offboarding_', '').replace('cancellation_', '')} r${of(t).read}/w${of(t).write}`).join(', ');
};

const main = async () => {
  const { strapi, client } = await bootBenchStrapi('bench-queries.db');
  try {
    const service = (name) => strapi.plugin('offboarding').service(name);
    const actor = { type: 'admin', id: 'bench', name: 'bench@local' };
    service('clock').freeze('2027-03-10T00:00:00.000Z');
    const policy = await service('policy').create({ name: 'Bench refunds', refundEligible: true }, actor);
    const entitlements = service('entitlement');
    const cancelNow = { reason: 'customer_request', timing: 'immediate', refund: 'prorated' };
    /** Each transition, from the state the previous one left. */
    const transitions = [
      ['suspend', (id) => entitlements.suspend(id, { reason: 'manual' }, actor)],
      ['resume', (id) => entitlements.resume(id, actor)],
      ['cancel at period end', (id) => entitlements.cancel(id, { reason: 'customer_request', timing: 'period_end' }, actor)],
      ['undo cancellation', (id) => entitlements.undoCancel(id, actor)],
      ['cancel now, prorated refund', (id) => entitlements.cancel(id, cancelNow, actor)],
      ['reactivate', (id) => entitlements.reactivate(id, actor)],
    ];
    const counts = new Map();
    let verbose = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const org = await service('organization').create({ name: `Query Bench ${round}`, cancellationPolicy: policy.documentId }, actor);
      const ent = await entitlements.create(
        org.documentId,
        { class: 'SVC', price: 10000, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: '2027-03-01T00:00:00Z', currentPeriodEnd: '2027-04-01T00:00:00Z' },
        actor
      );
      for (const [name, run] of transitions) {
        const statements = [];
        const listener = (query) => statements.push(query.sql);
        strapi.db.connection.on('query', listener);
        try {
          await run(ent.documentId);
        } finally {
          strapi.db.connection.off('query', listener);
        }
        // Every round runs the same statements; the last one is reported (caches warm).
        counts.set(name, statements);
        if (name.startsWith('cancel now')) verbose = statements;
      }
    }
    for (const [name, statements] of counts) {
      console.log(`[${client}] queries per ${name}: ${statements.length} statements — ${summarize(statements)}`);
    }
    if (process.env.BENCH_VERBOSE) console.log(verbose.map((sql, i) => `${i + 1}. ${sql.slice(0, 220)}`).join('\n'));
  } finally {
    await strapi.destroy();
  }
};

runBench(main);
