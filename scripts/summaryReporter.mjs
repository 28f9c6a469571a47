// A Vitest reporter that closes the run with one plain line, "Tests: N passed, N failed, N skipped",
// fails a run that executed no test at all, and fails a run that skipped a test without saying why.
//
// A skip is declared when the test's full name (its suites included) carries DECLARED_SKIP: the spec
// cross-checks, which skip when the Langfuse spec is not there. Any other skip (`.skip`, `.skipIf`,
// `ctx.skip()`, the tests left out by a stray `.only`) and every `.todo` fails the run.

/** The one accepted reason to skip: the test needs the Langfuse spec checkout in ../shared. */
const DECLARED_SKIP = '[needs ../shared]';

export default class SummaryReporter {
  /** @param {import('vitest/node').Vitest} vitest */
  onInit(vitest) {
    this.vitest = vitest;
  }

  /** @param {ReadonlyArray<import('vitest/node').TestSpecification>} specifications */
  onTestRunStart(specifications) {
    this.specifications = specifications;
  }

  /** @param {ReadonlyArray<import('vitest/node').TestModule>} testModules */
  onTestRunEnd(testModules) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    /** @type {string[]} */
    const undeclared = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else {
          // 'skipped', or 'pending' (collected but never finished): either way it did not pass.
          counts.skipped++;
          const declared = state === 'skipped' && test.options.mode !== 'todo' && test.fullName.includes(DECLARED_SKIP);
          if (!declared) undeclared.push(`${describe(test, state)}: ${test.module.relativeModuleId} > ${test.fullName}`);
        }
      }
    }
    if (counts.passed + counts.failed === 0) {
      console.error('[userlens] No test ran. A run without tests is a failure: check the include patterns and projects.');
      process.exitCode = 1;
    }
    if (undeclared.length > 0) {
      const lines = undeclared.map((line) => `  - ${line}`).join('\n');
      if (this.isFiltered()) {
        // -t, file:line, test ids or tags skip what they leave out, and that is indistinguishable
        // from a skip in the code: a filtered run is not held to the rule.
        console.warn(`[userlens] ${undeclared.length} test(s) did not run (not enforced: this run is filtered):\n${lines}`);
      } else {
        console.error(
          `[userlens] ${undeclared.length} test(s) skipped without a declared reason. Only a test whose name contains "${DECLARED_SKIP}" may skip; todo tests may not. Run them, or remove them:\n${lines}`,
        );
        process.exitCode = 1;
      }
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }

  /** Whether the run selects tests inside the files (which marks every other test skipped). */
  isFiltered() {
    const config = this.vitest?.config;
    if (config?.testNamePattern || config?.tagsFilter?.length) return true;
    return (this.specifications ?? []).some(
      (spec) => spec.testNamePattern || spec.testLines?.length || spec.testIds?.length || spec.testTagsFilter?.length,
    );
  }
}

/** @param {import('vitest/node').TestCase} test @param {string} state */
function describe(test, state) {
  if (state === 'pending') return 'did not finish';
  return test.options.mode === 'todo' ? 'todo' : 'skipped';
}
