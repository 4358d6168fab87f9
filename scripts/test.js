#!/usr/bin/env node
/**
 * Runs every test: unit and integration on the database chosen by DATABASE_CLIENT (SQLite by
 * default), then — on SQLite, the README's set-up — the end-to-end tests in a real browser
 * against the app started with `npm run develop` (OFFBOARDING_E2E=false leaves them out).
 * Jest's JSON reports go to .tmp/jest-<client>.json and .tmp/jest-e2e.json; the last line is
 * the plain "N passed, N failed" computed from them.
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

const extra = process.argv.slice(2);
const totals = [runJest(client, path.join(root, '.tmp', `jest-${client}.json`), ['--selectProjects', 'unit', 'integration', ...extra])];
if (withE2e) totals.push(runJest('e2e', path.join(root, '.tmp', 'jest-e2e.json'), ['--selectProjects', 'e2e', ...extra]));
const passed = totals.reduce((sum, t) => sum + t.passed, 0);
const failed = totals.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
