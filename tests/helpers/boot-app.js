// Boots the compiled app (dist/) in whatever environment the parent gives it, then exits:
// 0 once done, 1 with the error on stderr. `node boot-app.js config` only builds the Strapi
// instance (configuration loaded, nothing started); `node boot-app.js load` also runs load().
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '../..');
const mode = process.argv[2] ?? 'load';

(async () => {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  console.log(`configured for ${strapi.config.get('environment')}`);
  if (mode === 'load') {
    await strapi.load();
    console.log(`loaded in ${strapi.config.get('environment')}`);
    await strapi.destroy();
  }
})().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
);
