#!/usr/bin/env node
/**
 * Another Strapi instance in its own process, for the shared-storage test: it boots on the
 * database and storage the environment names, freezes its clock at EXPORT_AT, runs the exports
 * sweep once, prints the result as JSON and stops. It shares nothing with the test's instance
 * but the database and the bucket.
 */
require('./env');
const path = require('path');

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.plugin('offboarding').service('clock').freeze(process.env.EXPORT_AT);
  const result = await strapi.plugin('offboarding').service('sweeps').run('exports');
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
