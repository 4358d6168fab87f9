#!/usr/bin/env node
/**
 * Builds the package as it is published: type-checks the server, bundles dist/server and
 * dist/admin with @strapi/sdk-plugin (`strapi-plugin build`: Vite, ESM and CommonJS, type
 * declarations), then writes the OpenAPI document into dist/openapi.json.
 *
 * Skipped when nothing it reads changed since the last build (a hash of the sources kept in
 * dist/.build-hash), so the app's `npm run develop` and `npm test` do not rebuild an unchanged
 * plugin; `--force` builds anyway.
 */
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-hash');
const INPUTS = ['package.json', 'admin', 'server', 'shared', 'scripts'];

const filesUnder = (entry) => {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((child) => filesUnder(path.join(entry, child.name)));
};

const sourceHash = () => {
  const hash = crypto.createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
};

const EXPECTED = ['server/index.js', 'server/index.mjs', 'admin/index.js', 'admin/index.mjs', 'openapi.json'];

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`offboarding: ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
};

const hash = sourceHash();
const upToDate =
  !process.argv.includes('--force') &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === hash &&
  EXPECTED.every((file) => fs.existsSync(path.join(dist, file)));
if (upToDate) {
  console.log('offboarding: dist/ is up to date with the sources (node scripts/build.js --force rebuilds)');
  process.exit(0);
}

fs.rmSync(stampFile, { force: true });
// Vite does not type-check; the compiler does, so a type error stops the build here.
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'server/tsconfig.json', '--noEmit']);
run(process.execPath, [path.join(path.dirname(require.resolve('@strapi/sdk-plugin')), '..', 'bin', 'strapi-plugin.js'), 'build', '--silent', '--sourcemap']);

// The OpenAPI document ships in the package (GET /offboarding/openapi.json serves the same one).
const { buildOpenApiDocument } = require(path.join(dist, 'server', 'index.js'));
const { version } = require(path.join(root, 'package.json'));
fs.writeFileSync(path.join(dist, 'openapi.json'), `${JSON.stringify(buildOpenApiDocument({ version, contentApiPrefix: '/api' }), null, 2)}\n`);

fs.writeFileSync(stampFile, hash);
console.log('offboarding: built dist/server, dist/admin and dist/openapi.json');
