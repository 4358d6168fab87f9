#!/usr/bin/env node
/**
 * One more Strapi instance in its own process, for the multi-instance test. It boots on the
 * database named by the environment, prints "ready", waits for "go" on stdin, then runs the
 * transitions sweep until three runs in a row find nothing, and prints its totals as JSON.
 */
require('./env');
const path = require('path');

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.plugin('offboarding').service('clock').freeze(process.env.SWEEP_AT);
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const totals = { runs: 0, ran: 0, performed: 0, noop: 0, failed: 0 };
  let idle = 0;
  while (idle < 3) {
    const result = await strapi.plugin('offboarding').service('sweeps').run('transitions');
    totals.runs += 1;
    if (result.ran) totals.ran += 1;
    totals.performed += result.performed;
    totals.noop += result.noop;
    totals.failed += result.failed;
    idle = result.processed === 0 && result.ran ? idle + 1 : 0;
  }
  process.stdout.write(`${JSON.stringify(totals)}\n`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
