#!/usr/bin/env node
/**
 * Runs every Jest test (unit and integration) on the database chosen by DATABASE_CLIENT
 * (SQLite by default), writes Jest's JSON report to .tmp/jest-<client>.json and ends with
 * the plain line "N passed, N failed" computed from that report.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const client = process.env.DATABASE_CLIENT || 'sqlite';
const report = path.join(root, '.tmp', `jest-${client}.json`);
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

const jest = require.resolve('jest/bin/jest');
const args = [jest, '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
console.log(`Running tests on ${client}…`);
const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });

if (!fs.existsSync(report)) {
  console.error(`Jest wrote no report (${report}); exit code ${run.status}`);
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
const results = JSON.parse(fs.readFileSync(report, 'utf8'));
// A suite that fails to load has no test results but must still count as a failure.
const brokenSuites = results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
const passed = results.numPassedTests;
const failed = results.numFailedTests + brokenSuites;
console.log(`${client}: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
