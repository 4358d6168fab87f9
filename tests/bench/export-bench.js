#!/usr/bin/env node
/**
 * One export measurement in a process of its own (so its peak memory is its own): an
 * organization with N invoices, exported by the exports sweep. Prints one JSON line:
 * { rows, ms, baselineRssMb, peakRssMb, growthRssMb, peakHeapGrowthMb, zipMb }.
 * Usage: node tests/bench/export-bench.js <invoices>
 */
require('../helpers/env');
const fs = require('fs');
const path = require('path');
const { randomBytes } = require('crypto');
const { runBench } = require('./boot');

const ROWS = Number(process.argv[2] || 10000);
const appDir = path.resolve(__dirname, '../..');
const docId = () => randomBytes(12).toString('hex').slice(0, 24);

const main = async () => {
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') {
    const file = path.join(appDir, '.tmp', `bench-export-${ROWS}.db`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    process.env.DATABASE_FILENAME = file;
  }
  process.env.OFFBOARDING_EXPORTS_DIR = `.tmp/bench-exports-${ROWS}`;
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const plugin = strapi.plugin('offboarding');
    const actor = { type: 'admin', id: null, name: 'bench' };
    const org = await plugin.service('organization').create({ name: `Export bench ${ROWS}` }, actor);
    const orgRow = await strapi.db.query('plugin::offboarding.organization').findOne({ where: { documentId: org.documentId } });
    const knex = strapi.db.connection;
    const invoiceMeta = strapi.db.metadata.get('api::invoice.invoice');
    const link = invoiceMeta.attributes.organization.joinTable;
    const now = new Date('2027-01-01T00:00:00Z');
    for (let start = 0; start < ROWS; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(ROWS, start + 500); i += 1) {
        rows.push({ document_id: docId(), number: `INV-${String(i).padStart(7, '0')}`, total: 1000 + (i % 5000), currency: 'EUR', issued_at: now, created_at: now, updated_at: now });
      }
      const ids = await knex(invoiceMeta.tableName).insert(rows).returning('id');
      const inserted = ids.map((r) => (typeof r === 'object' ? r.id : r));
      // SQLite returns only the last id for a multi-row insert: read them back.
      const allIds = inserted.length === rows.length
        ? inserted
        : await knex(invoiceMeta.tableName).whereIn('document_id', rows.map((r) => r.document_id)).pluck('id');
      await knex(link.name).insert(allIds.map((id) => ({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: orgRow.id })));
    }
    await plugin.service('export').request(org.documentId, actor);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const baselineHeap = process.memoryUsage().heapUsed;
    let peak = baseline;
    let peakHeap = baselineHeap;
    const sample = () => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const sampler = setInterval(sample, 10);
    const started = process.hrtime.bigint();
    const result = await plugin.service('sweeps').run('exports');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    sample();
    const exp = await strapi.db.query('plugin::offboarding.data-export').findOne({ where: { organization: org.documentId } });
    if (result.performed !== 1 || exp.state !== 'ready') throw new Error(`export did not complete: ${JSON.stringify({ result, state: exp.state, error: exp.error })}`);
    if (exp.counts.invoices !== ROWS) throw new Error(`expected ${ROWS} invoices in the export, got ${exp.counts.invoices}`);
    const mb = (n) => Math.round((n / 1048576) * 10) / 10;
    console.log(JSON.stringify({ rows: ROWS, ms: Math.round(ms), baselineRssMb: mb(baseline), peakRssMb: mb(peak), growthRssMb: mb(peak - baseline), peakHeapGrowthMb: mb(peakHeap - baselineHeap), zipMb: mb(Number(exp.size)) }));
    fs.rmSync(path.join(appDir, `.tmp/bench-exports-${ROWS}`), { recursive: true, force: true });
  } finally {
    await strapi.destroy();
  }
};

runBench(main);
