#!/usr/bin/env node
/**
 * Runs every test: unit and integration on the database chosen by DATABASE_CLIENT (SQLite by
 * default), then — on SQLite, the README's set-up — the end-to-end tests in a real browser
 * against the app started with `npm run develop` (OFFBOARDING_E2E=false leaves them out).
 * Jest's JSON reports go to .tmp/jest-<client>.json and .tmp/jest-e2e.json; the last line is
 * the plain "N passed, N failed" computed from them.
 *
 * OFFBOARDING_DB_TESTS_ONLY=true (what .ci/run sets for its PostgreSQL and MariaDB passes, after
 * the SQLite pass ran everything): on a database other than SQLite, run only the tests whose
 * outcome depends on the database — the integration project without DB_INDEPENDENT below; the
 * unit project (plain values, no Strapi) is left out too. Without it, every test runs on
 * whichever database is chosen, as before.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const client = process.env.DATABASE_CLIENT || 'sqlite';
const withE2e = client === 'sqlite' && process.env.OFFBOARDING_E2E !== 'false';
const jest = require.resolve('jest/bin/jest');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });

/** One Jest run; returns its counts from the JSON report (a missing report is one failure). */
const runJest = (label, report, args) => {
  fs.rmSync(report, { force: true });
  console.log(`Running ${label} tests…`);
  const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${report}`, ...args], { cwd: root, stdio: 'inherit', env: process.env });
  if (!fs.existsSync(report)) {
    console.error(`Jest wrote no report (${report}); exit code ${run.status}`);
    return { passed: 0, failed: 1 };
  }
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  // A suite that fails to load has no test results but must still count as a failure.
  const broken = results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  const counts = { passed: results.numPassedTests, failed: results.numFailedTests + broken + (run.status !== 0 && results.numFailedTests + broken === 0 ? 1 : 0) };
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
};

/**
 * Integration files that exercise no database behaviour (see OFFBOARDING_DB_TESTS_ONLY above):
 * their result is the same on SQLite, PostgreSQL and MariaDB, so CI runs them once, on SQLite.
 * A file that reads or writes the plugin's data in a way the database could change does not
 * belong here. Measured on SQLite (2 cores, shared): together ~155 s of the ~780 s pass.
 */
const DB_INDEPENDENT = [
  // Packaging: packs the tarball, installs it in a new app, `strapi build` of the admin panel
  // (most of its ~105 s), starts it, renders the admin page in Chromium. The plugin code it
  // starts is the same dist/ that every other integration file boots on each database.
  'install.test.ts',
  // Boots the compiled app on SQLite whatever DATABASE_CLIENT says (only secrets vary).
  'production-secrets.test.ts',
  // The OpenAPI document is generated from the route table and the validation schemas.
  'openapi.test.ts',
  // What the request logger prints for a download URL; downloads themselves are covered by
  // export.test.ts and customer-trust.test.ts on every database.
  'log-redaction.test.ts',
];

const extra = process.argv.slice(2);
const dbTestsOnly = client !== 'sqlite' && process.env.OFFBOARDING_DB_TESTS_ONLY === 'true';
const selection = dbTestsOnly
  ? ['--selectProjects', 'integration', '--testPathIgnorePatterns', `/tests/integration/(${DB_INDEPENDENT.map((f) => f.replace(/\./g, '\\.')).join('|')})$`]
  : ['--selectProjects', 'unit', 'integration'];
if (dbTestsOnly) console.log(`${client}: database-dependent tests only (OFFBOARDING_DB_TESTS_ONLY): no unit tests, and not ${DB_INDEPENDENT.join(', ')} (they ran on SQLite)`);
// OFFBOARDING_TEST_WORKERS: how many test files run at once in the unit and integration run (each
// integration file has a database of its own and binds ephemeral ports only). Jest's default is
// one per core but one, so one on CI's 2 cores; .ci/run asks for 2 on SQLite, where the other
// core would otherwise idle. The end-to-end files share one app and run one at a time.
const workers = process.env.OFFBOARDING_TEST_WORKERS ? [`--maxWorkers=${process.env.OFFBOARDING_TEST_WORKERS}`] : [];
const totals = [runJest(client, path.join(root, '.tmp', `jest-${client}.json`), [...selection, ...workers, ...extra])];
if (withE2e) totals.push(runJest('e2e', path.join(root, '.tmp', 'jest-e2e.json'), ['--selectProjects', 'e2e', '--runInBand', ...extra]));
const passed = totals.reduce((sum, t) => sum + t.passed, 0);
const failed = totals.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
