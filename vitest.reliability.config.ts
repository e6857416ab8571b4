import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `npm run test:reliability` (test/reliability/run.ts): the promises of docs/promises.md, proved
 * under faults, restarts and hostile input. Node files (the engine over
 * real HTTP, the background with the fake browser) and Chromium files (`*.e2e.ts`, the built
 * extension) run one at a time: the machine has two cores. Each test records its numbers on its
 * task (test/reliability/tally.ts); the reporter hands them to run.ts for the summary line.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Beside the suite's own files, the small ones that docs/promises.md cites.
    include: [
      'test/reliability/**/*.{test,e2e}.{ts,tsx}',
      'test/unit/storage-failure.test.tsx',
      'test/unit/settings.test.ts',
      'test/unit/stored-text.test.ts',
      'test/integration/api-redirects.test.ts',
      'test/integration/api-deadline.test.ts',
      'test/integration/sync-updates.test.ts',
    ],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/reliability/reporter.ts'],
  },
});
