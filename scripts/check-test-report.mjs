// Reads vitest's JSON report: fails when any test was skipped (under CI every outside part is
// present, so a skip means a test silently did not run) and prints the plain closing line.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-results/vitest.json', 'utf8'));
const skipped = [];
let passed = 0;
let failed = 0;
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'passed') passed++;
    else if (test.status === 'failed') failed++;
    else skipped.push(`${file.name}: ${test.fullName} (${test.status})`);
  }
}
if (skipped.length > 0) {
  console.error(`${skipped.length} test(s) did not run under CI:\n  ${skipped.join('\n  ')}`);
}
if (passed === 0) console.error('No test ran.');
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 || skipped.length > 0 || passed === 0 ? 1 : 0);
