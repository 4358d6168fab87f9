// Compile the app (config and src TypeScript) once for every integration test file.
require('./env');

module.exports = async () => {
  // OFFBOARDING_COMPILED=true: an earlier pass of this run compiled it (.ci/run's concurrent
  // PostgreSQL and MariaDB passes: neither rewrites dist/ while the other boots from it).
  if (process.env.OFFBOARDING_COMPILED === 'true') return;
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: require('path').resolve(__dirname, '../..'), ignoreDiagnostics: false });
};
