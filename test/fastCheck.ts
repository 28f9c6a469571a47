import { relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Every property test runs from one seed, so a run is reproducible: FC_SEED when set, else a
 * fixed default. A failing property names the seed, the test and the command that replays it.
 */
const DEFAULT_SEED = 20_260_101;

function seedFromEnv(): number {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}.`);
  return seed;
}

const seed = seedFromEnv();

fc.configureGlobal({
  seed,
  // A reporter set here applies to fc.assert only (fc.check still returns its details), and,
  // unlike a global plugin, setting it again in the next test file replaces it.
  reporter: (details) => {
    if (!details.failed) return;
    const { testPath, currentTestName } = expect.getState();
    const file = testPath ? relative(process.cwd(), testPath) : '<test file>';
    const rerun = [
      `Property test failed with FC_SEED=${details.seed} (${process.env.FC_SEED ? 'from FC_SEED' : 'the default seed'}).`,
      `Test: ${currentTestName ?? '(unknown)'}`,
      `Re-run: FC_SEED=${details.seed} npx vitest run --project unit ${file}`,
    ].join('\n');
    throw new Error(`${fc.defaultReportMessage(details)}\n\n${rerun}`, { cause: details.errorInstance });
  },
});
