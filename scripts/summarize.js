#!/usr/bin/env node
// Adds up Jest JSON reports into the closing line CI reads: "N passed, N failed". Above it, each
// failing test is named with its report and the first lines of its message, so that the tail of
// a long CI log (all a CI record may keep) still says what failed.
const fs = require('fs');
const path = require('path');

let passed = 0;
let failed = 0;
const failures = [];
const firstLines = (text) => String(text || '').split('\n').filter((line) => line.trim()).slice(0, 4).map((line) => `      ${line.trim().slice(0, 200)}`).join('\n');
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`missing report ${file}: counted as one failure`);
    failed += 1;
    continue;
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  const label = path.basename(file, '.json');
  for (const suite of results.testResults) {
    const where = path.relative(process.cwd(), suite.name);
    if (suite.status === 'failed' && suite.assertionResults.length === 0) {
      failures.push(`  [${label}] ${where} (the file failed to run)\n${firstLines(suite.message)}`);
    }
    for (const test of suite.assertionResults) {
      if (test.status === 'failed') failures.push(`  [${label}] ${where} › ${test.fullName}\n${firstLines((test.failureMessages || []).join('\n'))}`);
    }
  }
  const broken = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  passed += results.numPassedTests;
  failed += results.numFailedTests + broken;
}
if (failures.length) console.log(`Failed:\n${failures.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
