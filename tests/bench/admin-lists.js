#!/usr/bin/env node
/**
 * The admin lists at scale (run by `npm run bench` on SQLite and, when reachable, PostgreSQL):
 * the organizations list (first page, page 500, a search, a status filter, `archived=only`) and
 * `/stats`, through the services their routes call, on 100 organizations and then on 100,000.
 * Prints, per request, the median of 10 at each size and their ratio (target ≤ 3×).
 * Organizations are bulk inserted (knex, in batches) with a mix of statuses, archived and held ones.
 */
require('../helpers/env');
const { bootBenchStrapi, runBench } = require('./boot');
const { randomBytes } = require('crypto');

const SMALL = 100;
const LARGE = Number(process.env.BENCH_ORGANIZATIONS || 100_000);
const REPEAT = 10;
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Tyrell'];

const docId = () => randomBytes(12).toString('hex').slice(0, 24);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Organization `i`: mostly active, some suspended, pending or partly cancelled, a fifth
 * cancelled (half of those archived), one in a thousand on legal hold. One in a thousand is a
 * "Zenith" (what the search looks for).
 */
const organizationRow = (i, now) => {
  const bucket = i % 20;
  const status = bucket < 12 ? 'active' : bucket < 13 ? 'suspended' : bucket < 14 ? 'pending_cancellation' : bucket < 16 ? 'partially_cancelled' : 'cancelled';
  const archived = status === 'cancelled' && i % 2 === 0;
  const name = i % 1000 === 7 ? `Zenith ${i}` : `${WORDS[i % WORDS.length]} ${String(i).padStart(6, '0')} ${randomBytes(3).toString('hex')}`;
  return {
    document_id: docId(),
    name,
    tax_id: `TX${String(i).padStart(8, '0')}`,
    email: `billing${i}@example.test`,
    lifecycle_status: status,
    access_status: status === 'cancelled' ? 'disabled' : 'enabled',
    purge_state: 'none',
    legal_hold: i % 1000 === 3,
    archived_at: archived ? now : null,
    last_cancelled_at: status === 'cancelled' ? now : null,
    retention_until: status === 'cancelled' ? new Date(now.getTime() + 365 * 86_400_000) : null,
    created_at: now,
    updated_at: now,
  };
};

const seed = async (strapi, from, to) => {
  const knex = strapi.db.connection;
  const now = new Date('2027-01-01T00:00:00Z');
  const BATCH = 500;
  await knex.transaction(async (trx) => {
    for (let i = from; i < to; i += BATCH) {
      const rows = [];
      for (let j = i; j < Math.min(to, i + BATCH); j += 1) rows.push(organizationRow(j, now));
      await trx('offboarding_organizations').insert(rows);
    }
  });
  const client = strapi.db.config.connection.client;
  // Fresh statistics and visibility map, as autovacuum would leave them (index-only scans need the latter).
  if (client === 'postgres') await knex.raw('VACUUM ANALYZE offboarding_organizations');
  if (client === 'sqlite') await knex.raw('ANALYZE');
};

const REQUESTS = [
  ['first page', (o) => o.list({ page: 1, pageSize: 25, archived: 'exclude' })],
  ['page 500', (o) => o.list({ page: 500, pageSize: 25, archived: 'exclude' })],
  ['search "zenith"', (o) => o.list({ page: 1, pageSize: 25, archived: 'exclude', q: 'zenith' })],
  ['status=cancelled', (o) => o.list({ page: 1, pageSize: 25, archived: 'exclude', status: 'cancelled' })],
  ['archived=only', (o) => o.list({ page: 1, pageSize: 25, archived: 'only' })],
  ['/stats', (o) => o.stats()],
];

const measure = async (strapi) => {
  const organizations = strapi.plugin('offboarding').service('organization');
  const medians = new Map();
  for (const [name, run] of REQUESTS) {
    for (let i = 0; i < 2; i += 1) await run(organizations); // warm-up
    const times = [];
    for (let i = 0; i < REPEAT; i += 1) {
      const start = process.hrtime.bigint();
      await run(organizations);
      times.push(ms(start));
    }
    medians.set(name, median(times));
  }
  return medians;
};

/** PostgreSQL: pg_trgm installed as a database owner would (the plugin uses it, never installs it). */
const installTrigrams = async () => {
  if (process.env.DATABASE_CLIENT !== 'postgres') return;
  const { Client } = require('pg');
  const pg = new Client({ host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', database: process.env.DATABASE_NAME });
  await pg.connect();
  await pg.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await pg.end();
};

const main = async () => {
  await installTrigrams();
  const { strapi, client } = await bootBenchStrapi('bench-admin-lists.db');
  try {
    await strapi.db.connection('offboarding_organizations').del();
    await seed(strapi, 0, SMALL);
    const small = await measure(strapi);
    const start = process.hrtime.bigint();
    await seed(strapi, SMALL, LARGE);
    const seedMs = ms(start);
    const large = await measure(strapi);
    console.log(`[${client}] admin lists: ${LARGE} organizations seeded in ${(seedMs / 1000).toFixed(1)} s; median of ${REPEAT} (target ≤ 3×):`);
    let worst = 0;
    for (const [name] of REQUESTS) {
      // Page 500 does not exist at 100 organizations: compared with the first page there.
      const base = name === 'page 500' ? small.get('first page') : small.get(name);
      const ratio = large.get(name) / base;
      worst = Math.max(worst, ratio);
      console.log(`[${client}]   ${name.padEnd(18)} ${large.get(name).toFixed(2).padStart(8)} ms at ${LARGE} vs ${base.toFixed(2).padStart(6)} ms at ${SMALL}: ${ratio.toFixed(2)}×`);
    }
    console.log(`[${client}] admin lists: worst ratio ${worst.toFixed(2)}× (target ≤ 3×)`);
  } finally {
    await strapi.destroy();
  }
};

runBench(main);
