#!/usr/bin/env node
/**
 * One Strapi instance of the month-end bench, in a process of its own (tests/bench/month-end.js
 * starts one or two). It boots on the database its environment names, prints "ready", waits for
 * "go" on stdin, runs the transitions sweep until three runs in a row find nothing, and prints
 * as JSON what it performed, the SQL statements it sent and when its last productive run ended.
 */
require('../helpers/env');
const path = require('path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.plugin('offboarding').service('clock').freeze(process.env.SWEEP_AT);
  let statements = 0;
  const shapes = new Map();
  const started = new Map();
  strapi.db.connection.on('query', (q) => {
    statements += 1;
    if (process.env.BENCH_DEBUG) started.set(q.__knexQueryUid, [process.hrtime.bigint(), q.sql.replace(/\?(, \?)*/g, '…').slice(0, 140)]);
  });
  strapi.db.connection.on('query-response', (_r, q) => {
    const s = started.get(q.__knexQueryUid);
    if (!s) return;
    started.delete(q.__knexQueryUid);
    const a = shapes.get(s[1]) ?? [0, 0];
    a[0] += 1;
    a[1] += Number(process.hrtime.bigint() - s[0]) / 1e6;
    shapes.set(s[1], a);
  });
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const totals = { performed: 0, failed: 0, statements: 0, runs: 0, skipped: 0, busy: 0, lastWorkAt: Date.now() };
  let idle = 0;
  while (idle < 3) {
    let result;
    try {
      result = await strapi.plugin('offboarding').service('sweeps').run('transitions');
    } catch (error) {
      // SQLite (rollback journal, as Strapi opens it): a run that could not even read the
      // lease while the holder commits back to back is a skipped run; cron would try again.
      if (!/database is locked/.test(String(error?.message))) throw error;
      totals.busy += 1;
      await sleep(50);
      continue;
    }
    totals.runs += 1;
    totals.performed += result.performed;
    totals.failed += result.failed;
    if (result.processed > 0) totals.lastWorkAt = Date.now();
    if (!result.ran) {
      // SQLite: another instance holds the sweep's lease; look again a little later.
      totals.skipped += 1;
      await sleep(50);
    }
    idle = result.processed === 0 && result.ran ? idle + 1 : 0;
  }
  totals.statements = statements;
  if (process.env.BENCH_DEBUG) totals.slowest = [...shapes].sort((a, b) => b[1][1] - a[1][1]).slice(0, 20).map(([sql, [n, ms]]) => `${ms.toFixed(0)} ms ${n}x ${sql}`);
  process.stdout.write(`${JSON.stringify(totals)}\n`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
