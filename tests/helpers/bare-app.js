/**
 * A brand-new Strapi 5.54 app in a temporary folder with the plugin installed from its packed
 * tarball, as a user would get it: the files of Strapi's JavaScript starter
 * (tests/fixtures/strapi-starter), `strapi-plugin-offboarding` in package.json and nothing else
 * of ours.
 *
 * The app's node_modules reuses this repository's installed packages, one symlink per package
 * (a scope folder is a real folder of symlinks), so nothing is downloaded twice; the tarball is
 * unpacked into node_modules/strapi-plugin-offboarding, as npm does with a tarball. Its own
 * dependencies and peer dependencies must then resolve from the app (`missingDependencies`).
 *
 * Never run npm in that folder: it would "prune" through the symlinks into this repository's
 * node_modules. `remove()` unlinks the symlinks before it deletes the folder.
 *
 * `node tests/helpers/bare-app.js` builds one and prints its folder (to try it by hand).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const pluginDir = path.join(root, 'src/plugins/offboarding');
const PLUGIN = 'strapi-plugin-offboarding';

const write = (dir, file, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

/** Strapi 5.54.0's JavaScript starter, as `create-strapi-app --js` writes it (tests/fixtures). */
const STARTER = path.join(__dirname, '..', 'fixtures', 'strapi-starter');

/** The package as npm would publish it: `npm pack` of the built plugin. */
const pack = (destination) => {
  fs.mkdirSync(destination, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: pluginDir, encoding: 'utf8' });
  const [{ filename, files }] = JSON.parse(out);
  return { tarball: path.join(destination, filename), files: files.map((f) => f.path) };
};

/** One symlink per installed package of this repository (scoped ones inside a real scope folder). */
const linkNodeModules = (appDir) => {
  const from = path.join(root, 'node_modules');
  const to = path.join(appDir, 'node_modules');
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === PLUGIN || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      fs.mkdirSync(path.join(to, entry.name));
      for (const child of fs.readdirSync(path.join(from, entry.name))) {
        fs.symlinkSync(path.join(from, entry.name, child), path.join(to, entry.name, child));
      }
    } else {
      fs.symlinkSync(path.join(from, entry.name), path.join(to, entry.name));
    }
  }
};

/** Creates the app and installs the tarball; answers its folder and the pack's file list. */
const createBareApp = ({ parent = os.tmpdir(), packDir = path.join(root, '.tmp', 'pack') } = {}) => {
  const appDir = fs.mkdtempSync(path.join(parent, 'offboarding-install-'));
  const { tarball, files } = pack(packDir);
  const version = (name) => require(path.join(root, 'node_modules', name, 'package.json')).version;
  const pkg = {
    name: 'my-strapi-app',
    private: true,
    version: '0.1.0',
    scripts: { develop: 'strapi develop', start: 'strapi start', build: 'strapi build' },
    dependencies: {
      '@strapi/strapi': version('@strapi/strapi'),
      '@strapi/plugin-users-permissions': version('@strapi/plugin-users-permissions'),
      '@strapi/database': version('@strapi/database'),
      'better-sqlite3': version('better-sqlite3'),
      pg: version('pg'),
      mysql2: version('mysql2'),
      react: `^${version('react')}`,
      'react-dom': `^${version('react-dom')}`,
      'react-router-dom': `^${version('react-router-dom')}`,
      'styled-components': `^${version('styled-components')}`,
      [PLUGIN]: `file:${tarball}`,
    },
    engines: { node: '>=20.0.0 <=24.x.x' },
  };
  write(appDir, 'package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  fs.cpSync(STARTER, appDir, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
  for (const dir of ['.tmp', 'public/uploads', 'database/migrations']) fs.mkdirSync(path.join(appDir, dir), { recursive: true });
  linkNodeModules(appDir);
  const target = path.join(appDir, 'node_modules', PLUGIN);
  fs.mkdirSync(target);
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return { appDir, tarball, files };
};

/**
 * Every package the built plugin imports (dist/server, dist/admin) that the package does not
 * declare in dependencies or peerDependencies, or that does not resolve from the app.
 */
const missingDependencies = (appDir) => {
  const installed = path.join(appDir, 'node_modules', PLUGIN);
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const imported = new Set();
  const { builtinModules } = require('module');
  for (const dir of ['dist/server', 'dist/admin']) {
    for (const file of fs.readdirSync(path.join(installed, dir))) {
      if (!/\.(m?js)$/.test(file)) continue;
      const code = fs.readFileSync(path.join(installed, dir, file), 'utf8');
      // A module name has no blank (a message such as "… must not be before from" followed by a
      // quote is not an import).
      for (const [, spec] of code.matchAll(/(?:\bfrom\s*|require\(|import\()\s*["']([^"'./\s][^"'\s]*)["']/g)) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!builtinModules.includes(name.replace(/^node:/, '')) && !name.startsWith('node:')) imported.add(name);
      }
    }
  }
  const problems = [];
  for (const name of [...imported].sort()) {
    if (!declared.has(name)) problems.push(`${name}: imported but not declared`);
    else if (!fs.existsSync(path.join(appDir, 'node_modules', name, 'package.json'))) problems.push(`${name}: not installed`);
  }
  return { imported: [...imported].sort(), problems };
};

/** The app's Strapi CLI (`strapi build`, `strapi start`), run from the app's folder. */
const strapiCli = (appDir) => path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/** Deletes the app: first the symlinks (never followed), then the rest. */
const remove = (appDir) => {
  const modules = path.join(appDir, 'node_modules');
  if (fs.existsSync(modules)) {
    for (const entry of fs.readdirSync(modules, { withFileTypes: true })) {
      const full = path.join(modules, entry.name);
      if (entry.isSymbolicLink()) fs.unlinkSync(full);
      else if (entry.name.startsWith('@')) {
        for (const child of fs.readdirSync(full)) fs.unlinkSync(path.join(full, child));
      }
    }
  }
  fs.rmSync(appDir, { recursive: true, force: true });
};

module.exports = { createBareApp, missingDependencies, strapiCli, remove, PLUGIN };

if (require.main === module) {
  const { appDir } = createBareApp();
  console.log(appDir);
  console.log(missingDependencies(appDir));
}
