#!/usr/bin/env node
// Adds up Jest JSON reports into the closing line CI reads: "N passed, N failed".
const fs = require('fs');

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`missing report ${file}: counted as one failure`);
    failed += 1;
    continue;
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  const broken = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  passed += results.numPassedTests;
  failed += results.numFailedTests + broken;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
