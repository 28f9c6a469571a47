// A Vitest reporter that closes the run with one plain line, "Tests: N passed, N failed, N skipped",
// and fails a run that executed no test at all.
export default class SummaryReporter {
  onTestRunEnd(testModules) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    if (counts.passed + counts.failed === 0) {
      console.error('[userlens] No test ran. A run without tests is a failure: check the include patterns and projects.');
      process.exitCode = 1;
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
