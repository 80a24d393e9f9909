// Adds up vitest's JSON reports into one closing line: "Tests: N passed, N failed, N skipped", preceded by
// the name of every failed test (CI shows only the end of the output, so the names have to be here).
import fs from 'node:fs';
import path from 'node:path';

let passed = 0, failed = 0, skipped = 0, missing = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) { missing++; continue; }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const suite = path.basename(file, '.json');
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  for (const f of report.testResults ?? []) {
    const where = path.relative(process.cwd(), f.name);
    // A file that fails outside its tests (it does not load, or a beforeAll/afterAll hook fails) has no
    // failed test of its own: count it as one failure.
    const testFailed = (f.assertionResults ?? []).some((t) => t.status === 'failed');
    if (f.status === 'failed' && !testFailed) {
      failed++;
      failures.push(`${suite}: ${where}: ${(f.message || 'failed outside its tests').split('\n')[0]}`);
    }
    for (const t of f.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const why = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 200);
      failures.push(`${suite}: ${where} > ${t.fullName}\n    ${why}`);
    }
  }
}
if (failures.length) console.log(`Failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed || missing || passed === 0 ? 1 : 0);
