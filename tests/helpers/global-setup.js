// Compile the app (config and src TypeScript) once for every integration test file.
require('./env');

module.exports = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: require('path').resolve(__dirname, '../..'), ignoreDiagnostics: false });
};
