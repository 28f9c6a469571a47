import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

/**
 * Every story runs in Chromium once per source: the in-memory client, and the Langfuse client
 * over HTTP to the fake Langfuse that MSW serves (whose worker lives in `public/`); and once more
 * on the in-memory client in the dark theme, so axe checks both themes' colours.
 */
/** Headless Chromium for a test project; a fresh object each, as vitest names its instances in place. */
const chromiumBrowser = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
  }),
  instances: [{ browser: 'chromium' as const }],
});

function storiesOn(source: 'memory' | 'langfuse', theme: 'light' | 'dark' = 'light') {
  return {
    extends: true as const,
    publicDir: 'public',
    define: { 'import.meta.env.USERLENS_SOURCE': JSON.stringify(source), 'import.meta.env.USERLENS_THEME': JSON.stringify(theme) },
    plugins: [
      storybookTest({
        configDir: '.storybook',
        ...(source === 'langfuse' ? { tags: { exclude: ['memory-only'] } } : theme === 'dark' ? { tags: { exclude: ['scale-only'] } } : {}),
      }),
    ],
    test: {
      name: theme === 'dark' ? 'stories (dark)' : source === 'memory' ? 'stories' : 'stories (langfuse)',
      // The 100k-user stories build their data inside the test: ~6 s of it on an idle machine.
      // Room for that, not for slow views (bench measures those).
      testTimeout: 30_000,
      sequence: { groupOrder: 1 },
      browser: chromiumBrowser(),
    },
  };
}

// The library itself is built by `scripts/build.mjs` (tsc: one ESM module and one .d.ts per
// source module). This file configures Storybook's Vite and the two test projects.
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  // Imported lazily (past 100 rows): known up front, so the dev server does not discover it
  // mid-story and reload the page to optimise it.
  optimizeDeps: { include: ['@tanstack/react-virtual'] },
  test: {
    reporters: ['default', './scripts/summaryReporter.mjs'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          // Real-input tests run in Chromium (the `browser` project below).
          exclude: ['test/browser/**', 'test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          // user-event tests on two busy cores need more than the default 5 s.
          testTimeout: 15_000,
          // Before the browser projects, not beside them: on two cores the three together made
          // each test's time depend on its neighbours (a 13 s story passed its 30 s limit).
          sequence: { groupOrder: 0 },
        },
      },
      {
        // What only real input shows: the browser's own default actions after a press (the
        // stories' user-event dispatches events, which skip them).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['test/browser/setup.ts'],
          // The charts are lazily loaded modules: on a cold cache Vite compiles one on its first
          // render, which takes longer than a poll's default second.
          expect: { poll: { timeout: 5_000 } },
          sequence: { groupOrder: 1 },
          browser: chromiumBrowser(),
        },
      },
      {
        // The example admin panel, built from the packed exports and driven in Chromium as an
        // admin would use it. Last: it builds the app and runs a server of its own.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          sequence: { groupOrder: 2 },
        },
      },
      storiesOn('memory'),
      storiesOn('langfuse'),
      storiesOn('memory', 'dark'),
    ],
  },
});
