#!/usr/bin/env node
/**
 * One more Strapi instance in its own process, for the multi-instance tests and the month-end
 * bench (tests/bench/month-end.js). It boots on the database named by the environment, prints
 * "ready", waits for "go" on stdin, then runs the transitions sweep until three runs in a row
 * find nothing, and prints its totals as JSON: runs, what it performed, the SQL statements it
 * sent and when its last productive run ended (BENCH_DEBUG=1: also the slowest statement shapes).
 */
require('./env');
const path = require('path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the statements sent; with `debug`, also times them by shape. */
const watchStatements = (knex, debug) => {
  const watch = { statements: 0, shapes: new Map() };
  const started = new Map();
  knex.on('query', (q) => {
    watch.statements += 1;
    if (debug) started.set(q.__knexQueryUid, [process.hrtime.bigint(), q.sql.replace(/\?(, \?)*/g, '…').slice(0, 140)]);
  });
  knex.on('query-response', (_r, q) => {
    const s = started.get(q.__knexQueryUid);
    if (!s) return;
    started.delete(q.__knexQueryUid);
    const a = watch.shapes.get(s[1]) ?? [0, 0];
    a[0] += 1;
    a[1] += Number(process.hrtime.bigint() - s[0]) / 1e6;
    watch.shapes.set(s[1], a);
  });
  return watch;
};

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.plugin('offboarding').service('clock').freeze(process.env.SWEEP_AT);
  const debug = Boolean(process.env.BENCH_DEBUG);
  const watch = watchStatements(strapi.db.connection, debug);
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const totals = { runs: 0, ran: 0, performed: 0, noop: 0, failed: 0, skipped: 0, busy: 0, statements: 0, lastWorkAt: Date.now() };
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
    if (result.ran) totals.ran += 1;
    totals.performed += result.performed;
    totals.noop += result.noop;
    totals.failed += result.failed;
    if (result.processed > 0) totals.lastWorkAt = Date.now();
    if (!result.ran) {
      // SQLite: another instance holds the sweep's lease; look again a little later.
      totals.skipped += 1;
      await sleep(50);
    }
    idle = result.processed === 0 && result.ran ? idle + 1 : 0;
  }
  totals.statements = watch.statements;
  if (debug) totals.slowest = [...watch.shapes].sort((a, b) => b[1][1] - a[1][1]).slice(0, 20).map(([sql, [n, ms]]) => `${ms.toFixed(0)} ms ${n}x ${sql}`);
  process.stdout.write(`${JSON.stringify(totals)}\n`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
